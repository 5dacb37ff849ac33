/** Dates as pages show them: in the site's time zone and language, with the exact instant for `<time datetime>`. */
import type { Language } from '../../model/site.ts';

function toDate(instant: Date | string): Date {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) throw new RangeError(`not an instant: ${String(instant)}`);
  return d;
}

function parts(d: Date, locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat(locale, { timeZone, ...options }).formatToParts(d)) out[p.type] = p.value;
  return out;
}

// Pages are assembled from parts rather than from a whole Intl pattern so that the wording does not
// change with the ICU version (newer ICU writes "at" between date and time in English).

/** The masthead date: `Saturday, December 10, 2022` / `субота, 10 грудня 2022 р.` */
export function formatMastheadDate(instant: Date | string, lang: Language, timeZone: string): string {
  const d = toDate(instant);
  if (lang === 'uk') {
    const p = parts(d, 'uk', timeZone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    return `${p.weekday}, ${p.day} ${p.month} ${p.year} р.`;
  }
  const p = parts(d, 'en-US', timeZone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return `${p.weekday}, ${p.month} ${p.day}, ${p.year}`;
}

/** The byline time: `January 18, 2022 3:54 pm` / `18 січня 2022, 15:54`. */
export function formatBylineTime(instant: Date | string, lang: Language, timeZone: string): string {
  const d = toDate(instant);
  if (lang === 'uk') {
    // Ukrainian uses the 24-hour clock and the genitive month ("18 січня").
    const p = parts(d, 'uk', timeZone, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    return `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}`;
  }
  const p = parts(d, 'en-US', timeZone, { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', hourCycle: 'h12' });
  return `${p.month} ${p.day}, ${p.year} ${p.hour}:${p.minute} ${(p.dayPeriod ?? '').toLowerCase()}`;
}

/** The short date for lists: `Jan 18, 2022` / `18.01.2022`. */
export function formatShortDate(instant: Date | string, lang: Language, timeZone: string): string {
  const d = toDate(instant);
  if (lang === 'uk') {
    const p = parts(d, 'uk', timeZone, { day: '2-digit', month: '2-digit', year: 'numeric' });
    return `${p.day}.${p.month}.${p.year}`;
  }
  const p = parts(d, 'en-US', timeZone, { day: 'numeric', month: 'short', year: 'numeric' });
  return `${p.month} ${p.day}, ${p.year}`;
}

/** The exact instant in UTC for `<time datetime>`: `2022-01-18T13:54:00.000Z`. */
export function isoInstant(instant: Date | string): string {
  return toDate(instant).toISOString();
}

/** The instant as local time with its offset in the zone: `2022-01-18T15:54:00+02:00` (for JSON-LD and feeds). */
export function zonedIsoString(instant: Date | string, timeZone: string): string {
  const d = toDate(instant);
  const p = parts(d, 'en-US', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  const offsetMin = Math.round((local - Math.floor(d.getTime() / 1000) * 1000) / 60000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const off = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${off}`;
}

/** True when `timeZone` is an IANA zone this runtime knows (for validating the site setting). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone.trim() !== '';
  } catch {
    return false;
  }
}
