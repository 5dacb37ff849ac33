/**
 * The editor's choice of excerpt: how many opening paragraphs of the capture to quote. Every choice
 * offered, and every choice accepted, is cut by takeExcerpt under the merged policy, so a hand-made
 * form can never quote more than the policy allows, nor the whole piece.
 */
import type { BodyBlock } from '../../model/capture.ts';
import type { ExcerptPolicy } from '../../model/site.ts';
import { mergeExcerptPolicy, takeExcerpt } from './excerpt.ts';

/** One length the editor may choose: this many opening paragraphs, quoting this many words. */
export interface ExcerptOption {
  paragraphs: number;
  words: number;
}

/** The excerpt lengths allowed by `policy` for this body, shortest first (none when nothing may be quoted). */
export function excerptOptions(body: readonly BodyBlock[], policy: ExcerptPolicy): ExcerptOption[] {
  const p = mergeExcerptPolicy(policy);
  const out: ExcerptOption[] = [];
  for (let k = 1; k <= p.maxParagraphs; k++) {
    const r = takeExcerpt(body, { ...p, maxParagraphs: k });
    // Fewer paragraphs than asked: the next one would break a limit, and so would every longer choice.
    if (r.paragraphsQuoted < k) break;
    out.push({ paragraphs: k, words: r.wordsQuoted });
  }
  return out;
}

/** The excerpt of `paragraphs` opening paragraphs, or why that many may not be quoted. */
export function chooseExcerpt(body: readonly BodyBlock[], policy: ExcerptPolicy, paragraphs: number): { ok: true; blocks: BodyBlock[]; words: number } | { ok: false; message: string } {
  if (!Number.isSafeInteger(paragraphs) || paragraphs < 0) return { ok: false, message: 'excerpt: choose how many opening paragraphs to quote' };
  if (paragraphs === 0) return { ok: true, blocks: [], words: 0 };
  const options = excerptOptions(body, policy);
  const max = options.at(-1);
  if (!max || paragraphs > max.paragraphs) {
    return { ok: false, message: max ? `excerpt: the excerpt policy allows at most ${max.paragraphs} opening paragraphs (${max.words} words) of this piece` : 'excerpt: the excerpt policy allows no quoting of this piece' };
  }
  const r = takeExcerpt(body, { ...mergeExcerptPolicy(policy), maxParagraphs: paragraphs });
  return { ok: true, blocks: r.blocks, words: r.wordsQuoted };
}
