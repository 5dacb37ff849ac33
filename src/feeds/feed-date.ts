/*
 * Feed dates are notoriously sloppy: RFC 822 with named zones, two-digit years, missing seconds,
 * ISO 8601 with or without a zone, localised month names. Normalise what is unambiguous; answer
 * null for the rest rather than guess.
 */

const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  CET: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180, BST: 60, IST: 330, JST: 540, AEST: 600, AEDT: 660,
};
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// RFC 822/1123: "[Tue,] 10 Jun 2003 04:00[:00] [GMT|+0000|EST]"
const RFC822 = /^(?:[a-z]{2,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([a-z]{1,5}|[+-]\d{2}:?\d{2})?$/i;
// ISO 8601 and the "2020-01-01 10:00:00" variant; a missing zone is taken as UTC.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

function zoneMinutes(zone: string | undefined): number | null {
  if (!zone) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return ZONES[zone.toUpperCase()] ?? null;
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, zone: number): string | null {
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const t = Date.UTC(y, mo, d, h, mi, Math.min(s, 59), ms) - zone * 60_000;
  const check = new Date(Date.UTC(y, mo, d));
  // Date.UTC rolls 31 Feb over into March; such a date is wrong, not "3 March".
  if (check.getUTCDate() !== d || !Number.isFinite(t)) return null;
  return new Date(t).toISOString();
}

function fromRfc822(m: RegExpExecArray): string | null {
  const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
  if (month < 0) return null;
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 70 ? 2000 : 1900;
  else if (m[3]!.length !== 4) return null;
  const zone = zoneMinutes(m[7]);
  if (zone === null) return null;
  return build(year, month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), 0, zone);
}

function fromIso(m: RegExpExecArray): string | null {
  const zone = zoneMinutes(m[8]);
  if (zone === null) return null;
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  return build(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms, zone);
}

/**
 * A feed's date as an ISO 8601 UTC instant, or null when absent, malformed, before 1990, or more than
 * two days after `now` (a clock error or a placeholder, which would pin the item to the top of the inbox).
 */
export function parseFeedDate(raw: unknown, now?: Date): string | null {
  if (typeof raw !== 'string' && !(raw instanceof Date)) return null;
  const text = raw instanceof Date ? raw.toISOString() : raw.trim().replace(/\s+/g, ' ');
  if (!text || text.length > 64) return null;
  const iso = ISO.exec(text);
  const rfc = iso ? null : RFC822.exec(text);
  const out = iso ? fromIso(iso) : rfc ? fromRfc822(rfc) : null;
  if (!out) return null;
  const t = Date.parse(out);
  if (t < Date.UTC(1990, 0, 1)) return null;
  if (now && t > now.getTime() + 2 * 86_400_000) return null;
  return out;
}
