/*
 * Watch rules: keywords an editor cares about. `Kazakhstan|Казахстан` lists the forms of one topic;
 * each alternative matches at the start of a word and may run on into an inflection, because
 * Ukrainian and Russian decline names (Казахстану, Казахстані, Kazakhstan's). Quote an
 * alternative ("ЄС") to require the whole word.
 */
import type { WatchRule } from '../model/feed.ts';

/** A compiled rule: its source and a matcher. */
export interface CompiledRule {
  rule: WatchRule;
  test(text: string): boolean;
}

function normalise(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/ё/g, 'е').replace(/[’ʼ`]/g, "'");
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles rules once; alternatives that are empty after trimming are ignored. */
export function compileRules(rules: readonly WatchRule[]): CompiledRule[] {
  return rules.flatMap((rule) => {
    const parts = rule.pattern.split('|').map((p) => p.trim()).filter(Boolean).slice(0, 50);
    if (parts.length === 0) return [];
    const alts = parts.map((p) => {
      const exact = /^".+"$/.test(p);
      const words = normalise(exact ? p.slice(1, -1) : p).split(/\s+/).map(escape).join('\\s+');
      return exact ? `${words}(?![\\p{L}\\p{N}])` : words;
    });
    const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})`, 'u');
    return [{ rule, test: (text: string) => re.test(normalise(text)) }];
  });
}

/** The rules a text matches, in rule order. */
export function matchRules(rules: readonly CompiledRule[], text: string): WatchRule[] {
  return rules.filter((r) => r.test(text)).map((r) => r.rule);
}

/** Reads a feed's `keyword_rules` JSON (a list of rules or of patterns); bad JSON gives no rules. */
export function parseRulesJson(json: string | null): WatchRule[] {
  if (!json) return [];
  try {
    const v: unknown = JSON.parse(json);
    if (!Array.isArray(v)) return [];
    return v.flatMap((r): WatchRule[] => {
      if (typeof r === 'string') return [{ pattern: r, action: 'flag' }];
      const o = r as Partial<WatchRule>;
      return typeof o?.pattern === 'string' ? [{ pattern: o.pattern, action: o.action === 'capture' ? 'capture' : 'flag' }] : [];
    });
  } catch {
    return [];
  }
}
