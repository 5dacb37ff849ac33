/**
 * Writes a UTC instant in the outlet's own offset, when the page shows it: the same instant, but on the
 * calendar day the outlet's readers saw (a post at 21:41 in New York is stamped 02:41Z the next day).
 */
import type { Sourced } from '../../model/capture.ts';
import { attr } from './dom.ts';
import { byTag } from './page-index.ts';

const OFFSET = /([+-])(\d{2}):?(\d{2})$/;

/** The one non-zero offset the page writes its own times in (`<time datetime>`, other stamps); else null. */
export function pageOffset(document: Document, stamps: (string | null | undefined)[]): string | null {
  const offsets = new Set<string>();
  const raws = [...byTag(document, 'time', 60).map((el) => attr(el, 'datetime')), ...stamps];
  for (const raw of raws) {
    const m = raw && /T\d/.test(raw) ? OFFSET.exec(raw.trim()) : null;
    if (m && `${m[2]}${m[3]}` !== '0000') offsets.add(`${m[1]}${m[2]}:${m[3]}`);
  }
  // Two offsets (summer and winter time, or a mix of zones) leave the choice open: keep UTC.
  return offsets.size === 1 ? [...offsets][0]! : null;
}

/** `date` rewritten in `offset` when it is a UTC instant; unchanged otherwise. */
export function inOffset(date: Sourced<string> | null, offset: string | null): Sourced<string> | null {
  if (!date || !offset || !/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]00:?00)$/.test(date.value)) return date;
  // Midnight UTC is usually a bare day dressed as an instant: moving it would move the day.
  if (/T00:00(:00(\.0+)?)?(Z|[+-]00:?00)$/.test(date.value)) return date;
  const ms = Date.parse(date.value);
  const m = OFFSET.exec(offset);
  if (Number.isNaN(ms) || !m) return date;
  const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  const local = new Date(ms + minutes * 60_000).toISOString();
  // Keep the precision the page gave: milliseconds only when the stamp had them.
  const body = /\.\d+/.test(date.value) ? local.slice(0, 23) : local.slice(0, 19);
  return { ...date, value: `${body}${offset}` };
}
