/** Headlines by kind: an opinion piece is headed by its author (`Michael Bociurkiw: For Putin, …`). */
import type { ArticleKind } from '../../model/capture.ts';
import type { Language } from '../../model/site.ts';
import { nameKey } from './names.ts';

/**
 * Joins names as a list: `A`, `A and B`, `A, B and C`. Ukrainian uses ` і ` with no comma before it;
 * we always write `і` (not the euphonic `й` or `та`) so the headline does not depend on the sounds
 * around it and readers see one consistent form.
 */
export function joinNames(names: readonly string[], lang: Language): string {
  const clean = names.map((n) => n.trim().replace(/\s+/g, ' ')).filter((n) => n !== '');
  const and = lang === 'uk' ? ' і ' : ' and ';
  if (clean.length <= 1) return clean[0] ?? '';
  return `${clean.slice(0, -1).join(', ')}${and}${clean[clean.length - 1]}`;
}

// Labels outlets put before opinion headlines; the author's name replaces them.
const KIND_LABEL = /^(?:opinion|op-ed|commentary|comment|column|думка|колонка|погляд|блог)\s*[:|—–-]\s*/iu;

function startsWithName(headline: string, name: string): boolean {
  const h = nameKey(headline);
  const n = nameKey(name);
  return n !== '' && (h === n || h.startsWith(`${n} `));
}

/** What to show as the headline. */
export interface HeadlineInput {
  kind: ArticleKind;
  /** The original headline. */
  headline: string;
  /** Authors' display names in the piece's language, in byline order. */
  authors: readonly string[];
  /** An editor's headline; wins when not blank. */
  override?: string | null;
  lang: Language;
}

/** The headline for a piece: the override, else `Author: Headline` for opinion, else the original. */
export function headlineFor(input: HeadlineInput): string {
  const override = input.override?.trim().replace(/\s+/g, ' ');
  if (override) return override;
  const original = input.headline.trim().replace(/\s+/g, ' ');
  if (input.kind !== 'opinion') return original;
  const byline = joinNames(input.authors, input.lang);
  if (byline === '') return original;
  // Do not double-prefix: an outlet may already head the piece with its author.
  const first = input.authors.find((a) => a.trim() !== '') ?? '';
  if (startsWithName(original, first)) return original;
  const rest = original.replace(KIND_LABEL, '');
  return rest === '' ? byline : `${byline}: ${rest}`;
}
