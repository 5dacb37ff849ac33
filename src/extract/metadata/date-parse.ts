/** Parses the date spellings found on news pages into ISO 8601 text. Pure: no clock, no locale. */

/** A parsed date: ISO text (`YYYY-MM-DD`, or with time and, when the page gave one, its offset). */
export interface ParsedDate {
  iso: string;
  /** `day` when only the calendar day is known; `local` when a time without zone; `instant` when exact. */
  precision: 'day' | 'local' | 'instant';
}

/** Years outside this range are almost always a parse of something that is not a date. */
const MIN_YEAR = 1990;
const MAX_YEAR = 2040;

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  ['january', 'jan', 'січня', 'січень', 'січ', 'января', 'январь', 'янв', 'janvier', 'januar', 'enero'],
  ['february', 'feb', 'лютого', 'лютий', 'лют', 'февраля', 'февраль', 'фев', 'février', 'februar', 'febrero'],
  ['march', 'mar', 'березня', 'березень', 'бер', 'марта', 'март', 'мар', 'mars', 'märz', 'marzo'],
  ['april', 'apr', 'квітня', 'квітень', 'квіт', 'апреля', 'апрель', 'апр', 'avril', 'abril'],
  ['may', 'травня', 'травень', 'трав', 'мая', 'май', 'mai', 'mayo'],
  ['june', 'jun', 'червня', 'червень', 'черв', 'июня', 'июнь', 'июн', 'juin', 'juni', 'junio'],
  ['july', 'jul', 'липня', 'липень', 'лип', 'июля', 'июль', 'июл', 'juillet', 'juli', 'julio'],
  ['august', 'aug', 'серпня', 'серпень', 'серп', 'августа', 'август', 'авг', 'août', 'agosto'],
  ['september', 'sep', 'sept', 'вересня', 'вересень', 'вер', 'сентября', 'сентябрь', 'сен', 'septembre', 'septiembre'],
  ['october', 'oct', 'жовтня', 'жовтень', 'жовт', 'октября', 'октябрь', 'окт', 'octobre', 'oktober', 'octubre'],
  ['november', 'nov', 'листопада', 'листопад', 'лист', 'ноября', 'ноябрь', 'ноя', 'novembre', 'noviembre'],
  ['december', 'dec', 'грудня', 'грудень', 'груд', 'декабря', 'декабрь', 'дек', 'décembre', 'dezember', 'diciembre'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));
const MONTH_RE = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function build(y: number, m: number, d: number, time?: { h: number; min: number; s: number; ms?: string }, zone?: string): ParsedDate | null {
  if (!validDay(y, m, d)) return null;
  const day = `${y}-${pad(m)}-${pad(d)}`;
  if (!time || time.h > 23 || time.min > 59 || time.s > 59) return { iso: day, precision: 'day' };
  const frac = time.ms ? `.${time.ms.slice(0, 3).padEnd(3, '0')}` : '';
  const t = `${day}T${pad(time.h)}:${pad(time.min)}:${pad(time.s)}${frac}`;
  if (!zone) return { iso: t, precision: 'local' };
  if (/^(z|gmt|utc)$/i.test(zone)) return { iso: `${t}Z`, precision: 'instant' };
  const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!z || Number(z[2]) > 14) return { iso: t, precision: 'local' };
  return { iso: `${t}${z[1]}${z[2]}:${z[3]}`, precision: 'instant' };
}

const ISO_RE = /(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2}|GMT|UTC)?)?/i;
const SLASH_YMD_RE = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/;
/** `10/31/2024` or `31/10/2024`: used only when one part is above 12, so the order is certain. */
const SLASH_RE = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/;
const DMY_DOT_RE = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b(?:,?\s+(\d{1,2}):(\d{2}))?/;
const TIME_RE = /(?:at\s+|о\s+|в\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?\s*(Z|GMT|UTC|[+-]\d{2}:?\d{2})?/i;
const MDY_RE = new RegExp(`\\b(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'iu');
const YMD_NAME_RE = new RegExp(`\\b(\\d{4})\\s+(${MONTH_RE})\\.?\\s+(\\d{1,2})\\b`, 'iu');
const DMY_RE = new RegExp(`(?:^|[^\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th|\\.)?\\s+(?:of\\s+)?(${MONTH_RE})\\.?,?\\s+(\\d{4})(?:\\s*(?:р|г)\\.?)?`, 'iu');

function timeAfter(rest: string): { time?: { h: number; min: number; s: number }; zone?: string } {
  // A time only counts when it follows the date closely ("January 18, 2022 3:54 pm").
  const m = TIME_RE.exec(rest.slice(0, 24));
  if (!m || m.index > 6) return {};
  let h = Number(m[1]);
  const ampm = m[4]?.toLowerCase().replace(/\./g, '');
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  return { time: { h, min: Number(m[2]), s: Number(m[3] ?? 0) }, zone: m[5] };
}

/** Parses a machine-readable date (ISO 8601, `YYYY/MM/DD`, epoch seconds/ms, RFC 2822). */
export function parseMachineDate(raw: string): ParsedDate | null {
  const s = raw.trim();
  if (!s) return null;
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    const d = new Date(ms);
    const y = d.getUTCFullYear();
    return y >= MIN_YEAR && y <= MAX_YEAR ? { iso: d.toISOString(), precision: 'instant' } : null;
  }
  const m = ISO_RE.exec(s);
  if (m) {
    const time = m[4] !== undefined ? { h: Number(m[4]), min: Number(m[5]), s: Number(m[6] ?? 0), ms: m[7] } : undefined;
    return build(Number(m[1]), Number(m[2]), Number(m[3]), time, m[8]);
  }
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?$/.exec(s);
  if (compact) {
    const time = compact[4] ? { h: Number(compact[4]), min: Number(compact[5]), s: Number(compact[6] ?? 0) } : undefined;
    return build(Number(compact[1]), Number(compact[2]), Number(compact[3]), time);
  }
  return parseTextDate(s);
}

/** A date found in running text, with where it starts and ends. */
export interface TextDate {
  date: ParsedDate;
  index: number;
  end: number;
}

/** Finds the first human-written date in a text (English, Ukrainian, Russian, some French/German/Spanish). */
export function parseTextDate(text: string): ParsedDate | null {
  return scanTextDate(text)?.date ?? null;
}

/** Like parseTextDate, but says where in the text the date was found. */
export function scanTextDate(text: string): TextDate | null {
  const s = text.length > 400 ? text.slice(0, 400) : text;
  const timeArgs = (rest: string): [{ h: number; min: number; s: number } | undefined, string | undefined] => {
    const { time, zone } = timeAfter(rest);
    return [time, zone];
  };
  const found: { index: number; len: number; y: number; m: number; d: number; rest: string }[] = [];
  const mdy = MDY_RE.exec(s);
  if (mdy) found.push({ index: mdy.index, len: mdy[0].length, y: Number(mdy[3]), m: MONTHS[mdy[1]!.toLowerCase()] ?? 0, d: Number(mdy[2]), rest: s.slice(mdy.index + mdy[0].length) });
  const dmy = DMY_RE.exec(s);
  if (dmy) found.push({ index: dmy.index, len: dmy[0].length, y: Number(dmy[3]), m: MONTHS[dmy[2]!.toLowerCase()] ?? 0, d: Number(dmy[1]), rest: s.slice(dmy.index + dmy[0].length) });
  const ymn = YMD_NAME_RE.exec(s);
  if (ymn) found.push({ index: ymn.index, len: ymn[0].length, y: Number(ymn[1]), m: MONTHS[ymn[2]!.toLowerCase()] ?? 0, d: Number(ymn[3]), rest: s.slice(ymn.index + ymn[0].length) });
  const ymd = ISO_RE.exec(s) ?? SLASH_YMD_RE.exec(s);
  if (ymd) {
    if (ymd[0].includes('-') && ymd === ISO_RE.exec(s)) {
      const p = parseMachineDate(ymd[0]);
      if (p) found.push({ index: ymd.index, len: ymd[0].length, y: 0, m: 0, d: 0, rest: p.iso });
    } else found.push({ index: ymd.index, len: ymd[0].length, y: Number(ymd[1]), m: Number(ymd[2]), d: Number(ymd[3]), rest: s.slice(ymd.index + ymd[0].length) });
  }
  const slash = SLASH_RE.exec(s);
  if (slash) {
    const a = Number(slash[1]), b = Number(slash[2]);
    const [m, d] = a > 12 && b <= 12 ? [b, a] : b > 12 && a <= 12 ? [a, b] : [0, 0];
    if (m) found.push({ index: slash.index, len: slash[0].length, y: Number(slash[3]), m, d, rest: s.slice(slash.index + slash[0].length) });
  }
  const dot = DMY_DOT_RE.exec(s);
  // "18.01.2022, 15:54": the time is already captured by the pattern, so the rest starts at it.
  if (dot) found.push({ index: dot.index, len: dot[0].length, y: Number(dot[3]), m: Number(dot[2]), d: Number(dot[1]), rest: dot[4] ? `${dot[4]}:${dot[5]}` : '' });
  found.sort((a, b) => a.index - b.index);
  for (const f of found) {
    const r = f.y === 0 ? parseMachineDate(f.rest) : build(f.y, f.m, f.d, ...timeArgs(f.rest));
    if (r) return { date: r, index: f.index, end: f.index + f.len };
  }
  return null;
}

/** Finds a date written into a URL path (`/2022/01/18/`, `/2022-01-18-`, `/20220118/`); day precision only. */
export function parseUrlDate(url: string): ParsedDate | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /\/((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_-]|\.html?|$)/.exec(path) ?? /\/((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_-]|$)/.exec(path);
  return m ? build(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}
