/*
 * Near-duplicate detection for syndication (wire copy, partner republication): MinHash (Broder 1997)
 * over word unigrams and bigrams of title + first paragraph, with LSH banding so the store finds
 * candidates by exact match on a band key. MinHash estimates Jaccard similarity directly, which stays
 * stable on the short texts feeds give us (SimHash flips too many bits when a partner adds "(AP)"
 * and its name to a 40-word lead).
 */

/** Number of hash functions in a signature. */
export const SIGNATURE_SIZE = 36;
/** Rows per LSH band: 12 bands of 3 find pairs at Jaccard 0.7 with p≈0.99, pairs at 0.3 with p≈0.28 (then checked), unrelated pairs almost never. */
export const BAND_ROWS = 3;
/** Estimated Jaccard similarity at or above which two items are the same piece. */
export const SAME_PIECE_SIMILARITY = 0.6;

/** Texts with fewer tokens than this get no signature: "Live updates" would group everything. */
const MIN_TOKENS = 8;

// Words so common they carry no identity, in the languages newsdesk meets most.
const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'and', 'or', 'on', 'for', 'is', 'was', 'at', 'by', 'with', 'from', 'that', 'as', 'it', 'be',
  'і', 'й', 'та', 'в', 'у', 'на', 'з', 'до', 'що', 'за', 'не', 'и', 'с', 'по', 'о']);

/** Lower-cased word tokens (Unicode letters and digits), stop words removed. */
export function tokens(text: string): string[] {
  return (text.normalize('NFKC').toLowerCase().replace(/ё/g, 'е').match(/[\p{L}\p{N}]+/gu) ?? []).filter((t) => !STOP.has(t));
}

// FNV-1a 32-bit with a final avalanche (FNV's low bits mix poorly for short strings).
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return mix(h);
}

function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

// Fixed seeds: signatures must compare across processes and releases.
const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 * (i + 1)));

/** The MinHash signature of a text as hex (8 digits per hash), or null when the text is too short. */
export function minhash(text: string): string | null {
  const words = tokens(text);
  if (words.length < MIN_TOKENS) return null;
  const features = new Set([...words, ...words.slice(1).map((w, i) => `${words[i]} ${w}`)]);
  const mins = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (const f of features) {
    const h = fnv(f);
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = mix(h ^ SEEDS[i]!);
      if (v < mins[i]!) mins[i] = v;
    }
  }
  return mins.map((m) => m.toString(16).padStart(8, '0')).join('');
}

/** Estimated Jaccard similarity of two signatures (share of equal components). */
export function similarity(a: string, b: string): number {
  if (a.length !== b.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i += 8) if (a.slice(i, i + 8) === b.slice(i, i + 8)) same++;
  return same / (a.length / 8);
}

/** LSH band keys of a signature (`<band>:<hash>`); similar items share at least one with high probability. */
export function bandKeys(signature: string): string[] {
  const keys: string[] = [];
  const width = BAND_ROWS * 8;
  for (let b = 0; b * width < signature.length; b++) keys.push(`${b}:${fnv(signature.slice(b * width, (b + 1) * width)).toString(16)}`);
  return keys;
}

/** The text a candidate is fingerprinted on: its title and the first paragraph of its summary. */
export function fingerprintText(title: string, summary: string | null): string {
  const first = (summary ?? '').split('\n').find((p) => p.length >= 20) ?? summary ?? '';
  return `${title}\n${first.slice(0, 600)}`;
}
