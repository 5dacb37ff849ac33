/**
 * The excerpt policy: how much of someone else's piece a recommendation may quote. Quoting is
 * limited by paragraphs, words and share of the piece, the cut only falls at a paragraph end, and
 * the whole piece is never quoted.
 */
import type { BodyBlock } from '../../model/capture.ts';
import { DEFAULT_EXCERPT_POLICY, type ExcerptPolicy } from '../../model/site.ts';
import { countBlockWords } from './word-count.ts';

/** Why no excerpt (or a shorter one than the paragraph limit) was taken. */
export type ExcerptReason =
  | 'quoting-disabled'
  | 'no-text'
  | 'first-paragraph-over-word-limit'
  | 'first-paragraph-over-share'
  | 'whole-piece';

/** The excerpt and the numbers the UI/CLI shows ("quoted 191 of 1,050 words"). */
export interface ExcerptResult {
  blocks: BodyBlock[];
  wordsQuoted: number;
  wordsTotal: number;
  paragraphsQuoted: number;
  /** The policy that was applied (site policy merged with the outlet's override). */
  policy: ExcerptPolicy;
  /** Set when `blocks` is empty: why nothing could be quoted. */
  reason?: ExcerptReason;
}

function validLimit(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

/** The site policy with an outlet's override applied field by field; invalid fields fall back (override → site → default). */
export function mergeExcerptPolicy(site: ExcerptPolicy, override?: Partial<ExcerptPolicy> | null): ExcerptPolicy {
  const merged: ExcerptPolicy = { ...DEFAULT_EXCERPT_POLICY };
  for (const source of [site, override]) {
    for (const key of ['maxParagraphs', 'maxWords', 'maxShare'] as const) {
      const v = source?.[key];
      if (validLimit(v)) merged[key] = v;
    }
  }
  // A share above 1 means nothing; the whole piece is refused separately anyway.
  merged.maxShare = Math.min(merged.maxShare, 1);
  merged.maxParagraphs = Math.floor(merged.maxParagraphs);
  merged.maxWords = Math.floor(merged.maxWords);
  return merged;
}

// Paragraph-like blocks are quoted; images and embeds are skipped (the lead image has its own
// field); headings, tables and code end the excerpt once quoting has begun, because joining
// paragraphs across a section break changes how they read.
const QUOTABLE = new Set<BodyBlock['type']>(['paragraph', 'quote', 'list']);
const SKIPPED = new Set<BodyBlock['type']>(['figure', 'embed']);

/** The opening paragraphs of `body` that fit `policy` (already merged with any outlet override). */
export function takeExcerpt(body: readonly BodyBlock[], policy: ExcerptPolicy = DEFAULT_EXCERPT_POLICY): ExcerptResult {
  const p = mergeExcerptPolicy(policy);
  const counts = body.map(countBlockWords);
  const wordsTotal = counts.reduce((a, b) => a + b, 0);
  const empty = (reason: ExcerptReason): ExcerptResult => ({ blocks: [], wordsQuoted: 0, wordsTotal, paragraphsQuoted: 0, policy: p, reason });
  if (p.maxParagraphs < 1 || p.maxWords < 1 || p.maxShare <= 0) return empty('quoting-disabled');
  const shareLimit = Math.floor(wordsTotal * p.maxShare);
  const blocks: BodyBlock[] = [];
  let words = 0;
  let firstReason: ExcerptReason | undefined;
  for (let i = 0; i < body.length && blocks.length < p.maxParagraphs; i++) {
    const block = body[i] as BodyBlock;
    const n = counts[i] ?? 0;
    if (SKIPPED.has(block.type) || (n === 0 && QUOTABLE.has(block.type))) continue;
    if (!QUOTABLE.has(block.type)) {
      if (blocks.length > 0) break;
      continue;
    }
    if (words + n > p.maxWords) firstReason = 'first-paragraph-over-word-limit';
    else if (words + n > shareLimit) firstReason = 'first-paragraph-over-share';
    else if (words + n >= wordsTotal) firstReason = 'whole-piece';
    else {
      blocks.push(block);
      words += n;
      continue;
    }
    break;
  }
  if (blocks.length === 0) return empty(firstReason ?? 'no-text');
  return { blocks, wordsQuoted: words, wordsTotal, paragraphsQuoted: blocks.length, policy: p };
}

const REASON_TEXT: Record<ExcerptReason, string> = {
  'quoting-disabled': 'the excerpt policy allows no quoting',
  'no-text': 'the captured body has no paragraph to quote',
  'first-paragraph-over-word-limit': 'the first paragraph alone is longer than the word limit',
  'first-paragraph-over-share': 'the first paragraph alone is more than the allowed share of the piece',
  'whole-piece': 'quoting the first paragraph would quote the whole piece',
};

/** One line for the editor: `quoted 191 of 1,050 words (3 paragraphs)` or why nothing was quoted. */
export function describeExcerpt(r: ExcerptResult): string {
  const nf = new Intl.NumberFormat('en-US');
  if (r.blocks.length === 0) return `no excerpt: ${REASON_TEXT[r.reason ?? 'no-text']} (${nf.format(r.wordsTotal)} words in the piece)`;
  const paras = r.paragraphsQuoted === 1 ? '1 paragraph' : `${r.paragraphsQuoted} paragraphs`;
  return `quoted ${nf.format(r.wordsQuoted)} of ${nf.format(r.wordsTotal)} words (${paras})`;
}
