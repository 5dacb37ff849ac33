/** Picks the article's headline: the visible `<h1>` when the metadata agrees with it, else the best metadata title. */
import type { Sourced } from '../../model/capture.ts';
import { clean, decodeEntities, lineText, normKey } from './dom.ts';
import { byTag } from './page-index.ts';
import { ldString, type LdData } from './json-ld.ts';
import { KIND_PREFIX } from './kind.ts';
import type { MetaTags } from './meta-tags.ts';

/** The headline, and the raw form before a kind prefix was removed (kind detection reads the prefix). */
export interface HeadlineResult {
  headline: Sourced<string> | null;
  raw: string | null;
}

const SEPARATORS_G = / (?:\||-|–|—|::|·|•|»|\/) /g;

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** True when `part` is (a form of) the site name: equal or contained either way, after normalising. */
function isSiteName(part: string, siteNames: string[]): boolean {
  const p = normKey(part).replace(/\s/g, '');
  if (!p) return false;
  return siteNames.some((n) => {
    const s = normKey(n).replace(/\s/g, '');
    return s.length > 1 && (s === p || (p.length >= 3 && (s.includes(p) || p.includes(s))));
  });
}

/** Removes a site name (or a short section tail) from the start or end of a `<title>`-like string. */
export function stripSiteName(title: string, siteNames: string[], depth = 0): string {
  const seps = [...title.matchAll(SEPARATORS_G)];
  const lastSep = seps[seps.length - 1];
  const firstSep = seps[0];
  if (!lastSep || !firstSep || depth > 2) return title;
  const head = title.slice(0, lastSep.index).trim();
  const last = title.slice(lastSep.index + lastSep[0].length).trim();
  if (isSiteName(last, siteNames)) return stripSiteName(head, siteNames, depth + 1);
  const first = title.slice(0, firstSep.index).trim();
  if (isSiteName(first, siteNames)) return stripSiteName(title.slice(firstSep.index + firstSep[0].length).trim(), siteNames, depth + 1);
  // A short trailing part after a much longer headline is a site or section name ("… | Tech News").
  if (words(last) <= 4 && words(head) >= 3 && words(head) >= words(last) && !/^\d/.test(last)) return stripSiteName(head, siteNames, depth + 1);
  return title;
}

function visibleHeadings(document: Document): string[] {
  const out: string[] = [];
  for (const h of byTag(document, 'h1', 8)) {
    if (h.closest('nav, footer, aside, [class*="logo" i]')) continue;
    // Block children and <br> inside a headline are word breaks: "Alternatives<br>Top tools" is two words.
    const t = clean(lineText(h, 600).replace(/ \| /g, ' '));
    if (t.length >= 4 && t.length <= 400 && !out.includes(t)) out.push(t);
  }
  return out;
}

function agrees(h1: string, other: string): boolean {
  const a = normKey(h1);
  const b = normKey(other);
  if (!a || !b) return false;
  if (a === b) return true;
  // The <title> often extends the headline with a site or section name, or a kind prefix.
  return words(a) >= 3 && (b.startsWith(a) || b.endsWith(a));
}

/** Removes a kind prefix such as `Opinion:` and stray quotes from a headline. */
export function stripKindPrefix(h: string): string {
  return h.replace(KIND_PREFIX, '').trim();
}

/** Reads the headline from JSON-LD, OpenGraph, Twitter, `<h1>` and `<title>`, and removes site suffixes. */
export function extractHeadline(document: Document, meta: MetaTags, ld: LdData, siteNames: string[]): HeadlineResult {
  const title = clean(byTag(document, 'title', 1)[0]?.textContent ?? '');
  const metaTitles: [string, string][] = [];
  const add = (value: string | null | undefined, source: string): void => {
    const v = clean(decodeEntities(value ?? ''));
    if (v) metaTitles.push([v, source]);
  };
  add(ld.article ? ldString(ld.article['headline']) ?? ldString(ld.article['name']) : null, 'json-ld:headline');
  add(meta.get('og:title')?.[0], 'og:title');
  add(meta.get('twitter:title')?.[0], 'twitter:title');
  add(meta.get('parsely-title')?.[0] ?? meta.get('sailthru.title')?.[0] ?? meta.get('dc.title')?.[0], 'meta:title');
  add(title, 'title');
  const h1s = visibleHeadings(document);
  const pick = (value: string, source: string): HeadlineResult => ({ headline: { value: stripKindPrefix(value), source }, raw: value });
  for (const h1 of h1s) {
    for (const [t] of metaTitles) if (agrees(h1, t) || agrees(h1, stripSiteName(t, siteNames))) return pick(h1, 'h1');
  }
  // Pages label their visible headline; with no agreement, a lone article <h1> still beats social titles.
  const lone = h1s.filter((h) => words(h) >= 2 && !isSiteName(h, siteNames));
  if (lone.length === 1 || (lone.length > 1 && h1s.length <= 2)) return pick(lone[0]!, 'h1');
  for (const [t, source] of metaTitles) {
    if (source === 'title') continue;
    const s = stripSiteName(t, siteNames);
    // Truncated social titles ("…") are worse than the page title.
    if (!/(\.\.\.|…)$/.test(s)) return pick(s, source);
  }
  if (title) return pick(stripSiteName(title, siteNames), 'title');
  if (h1s[0]) return pick(h1s[0], 'h1');
  return { headline: null, raw: null };
}
