/**
 * Latin slugs and piece paths. Ukrainian is transliterated by the official table of the Cabinet of
 * Ministers of Ukraine, resolution no. 55 of 27 January 2010 (the one passports and road signs use).
 */

// Letters whose Latin form is the same wherever they stand.
const FIXED: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'y', і: 'i', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ь: '',
  // Not in the Ukrainian alphabet; Russian and Belarusian names still reach us. ы/э/ъ take the
  // nearest Ukrainian sound, ў is the Belarusian short u.
  ы: 'y', э: 'e', ъ: '', ў: 'u',
};

// KMU 2010: these letters have one form at the start of a word and another elsewhere.
const POSITIONAL: Record<string, [start: string, elsewhere: string]> = {
  є: ['ye', 'ie'], ї: ['yi', 'i'], й: ['y', 'i'], ю: ['yu', 'iu'], я: ['ya', 'ia'],
  ё: ['yo', 'io'], // Russian ё, treated like the Ukrainian iotated vowels
};

const APOSTROPHES = /['’ʼ`ʹ]/;

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

/** Latin form of one Cyrillic letter at position `i` of `text`, lower case; undefined for other characters. */
function latin(text: readonly string[], i: number, lower: string): string | undefined {
  const prev = text[i - 1];
  // The apostrophe sits inside a word (`Знам’янка` → `Znamianka`), so a letter after it is not at the start.
  const atStart = !isLetter(prev) && !(prev !== undefined && APOSTROPHES.test(prev) && isLetter(text[i - 2]));
  const pos = POSITIONAL[lower];
  if (pos !== undefined) return atStart ? pos[0] : pos[1];
  // зг is written zgh so that it is not read as the digraph zh (Згорани → Zghorany).
  if (lower === 'г' && (prev === 'з' || prev === 'З')) return 'gh';
  return FIXED[lower];
}

/** Transliterates Ukrainian (and stray Russian) letters to Latin by the KMU 2010 table; other text is kept. */
export function transliterateUk(text: string): string {
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const lower = ch.toLowerCase();
    const lat = latin(chars, i, lower);
    if (lat === undefined) {
      // Apostrophes between Cyrillic letters are dropped by the table.
      out += APOSTROPHES.test(ch) && /[\u0400-\u04ff]/.test(chars[i - 1] ?? '') && /[\u0400-\u04ff]/.test(chars[i + 1] ?? '') ? '' : ch;
      continue;
    }
    if (ch === lower || lat === '') out += lat;
    else {
      // An all-capitals word stays in capitals (ЖИТОМИР → ZHYTOMYR); otherwise capitalise the first letter.
      const next = chars[i + 1];
      const shout = next !== undefined && isLetter(next) && next === next.toUpperCase() && next !== next.toLowerCase();
      out += shout ? lat.toUpperCase() : lat.charAt(0).toUpperCase() + lat.slice(1);
    }
  }
  return out;
}

/** Default longest slug, in characters. */
export const MAX_SLUG_LENGTH = 80;

/** A Latin slug: transliterated, accents removed, lower case, words joined by `-`, cut at a word end. Empty if nothing is left. */
export function slugify(text: string, maxLength: number = MAX_SLUG_LENGTH): string {
  const slug = transliterateUk(text.normalize('NFC'))
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    // Apostrophes join a word (Putin's → putins); everything else that is not a-z0-9 separates words.
    .replace(/['’ʼ`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastDash = cut.lastIndexOf('-');
  // Cut at the last word end that fits; a single over-long word is cut hard.
  return (lastDash > 0 ? cut.slice(0, lastDash) : slug.slice(0, maxLength)).replace(/-+$/g, '');
}

/** Year, month and day of an instant in a time zone, zero-padded. */
export function zonedDate(instant: Date | string, timeZone: string): { year: string; month: string; day: string } {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) throw new RangeError(`not an instant: ${String(instant)}`);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { year: get('year').padStart(4, '0'), month: get('month'), day: get('day') };
}

/** The public path of a piece: `/YYYY/MM/DD/<slug>`, the date taken in the site's time zone. */
export function piecePath(publishedAt: Date | string, slug: string, timeZone: string): string {
  const { year, month, day } = zonedDate(publishedAt, timeZone);
  return `/${year}/${month}/${day}/${slug}`;
}

/** The fields of a piece that decide the date in its path. */
export type PathDates = { type: 'recommendation' | 'story'; originalPublishedAt?: string; publishedAt?: string; scheduledAt?: string; createdAt: string };

/**
 * The instant whose date goes into a piece's path. A recommendation is dated by the original
 * (as on the reference page, `/2022/01/18/…` for an op-ed of 18 January 2022), so its path is
 * known while it is still a draft and does not move on publishing; a story by our publication.
 */
export function pathInstant(p: PathDates): string {
  if (p.type === 'recommendation') return p.originalPublishedAt ?? p.publishedAt ?? p.scheduledAt ?? p.createdAt;
  return p.publishedAt ?? p.scheduledAt ?? p.createdAt;
}

/** The public path of a piece record: `/YYYY/MM/DD/<slug>` (see `pathInstant` for which date). */
export function piecePathFor(p: PathDates & { slug: string }, timeZone: string): string {
  return piecePath(pathInstant(p), p.slug, timeZone);
}
