/*
 * Small readers over the parser's loosely-typed output: a hostile feed may put an object where a
 * string belongs, so every field is checked before use.
 */

/** A record view of an unknown value ({} when it is not an object). */
export function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** An array view of an unknown value ([] when absent; [v] for a single value). */
export function arr(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  return v === undefined || v === null ? [] : [v];
}

/** A trimmed non-empty string, or null. Accepts Atom text constructs ({value}). */
export function str(v: unknown): string | null {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v.trim() || null;
  const o = obj(v);
  if (typeof o.value === 'string') return o.value.trim() || null;
  if (typeof o.name === 'string') return o.name.trim() || null;
  return null;
}

/** An absolute http(s) URL resolved against `base`, or null (javascript:, data:, garbage). */
export function absoluteUrl(raw: unknown, base: string | null): string | null {
  const s = str(raw);
  if (!s || s.length > 4096) return null;
  try {
    const u = base ? new URL(s, base) : new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
