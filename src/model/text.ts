/*
 * Text from outside (fetched pages, feeds, forms) may carry C0 control characters. PostgreSQL refuses U+0000 in
 * text outright (error 22021) and the others are never text a person meant, so they are removed where such text
 * enters. Tab, newline and carriage return are text; vertical tab and form feed are whitespace, so they become spaces.
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000e-\u001f]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SPACES = /[\u000b\u000c]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ANY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** `s` without C0 controls other than tab, newline and carriage return (vertical tab and form feed become spaces). */
export function stripControls(s: string): string {
  return ANY.test(s) ? s.replace(CONTROLS, '').replace(SPACES, ' ') : s;
}

/** The same for every string in a JSON-like value (plain objects and arrays are copied; other objects kept as they are). */
export function stripControlsDeep<T>(value: T): T {
  if (typeof value === 'string') return stripControls(value) as T;
  if (Array.isArray(value)) return value.map((v) => stripControlsDeep(v)) as T;
  if (value === null || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value) as object | null;
  // Query-string parsers make dictionaries whose prototype is an empty, null-prototype object; those count as plain.
  if (proto !== Object.prototype && proto !== null && Object.getPrototypeOf(proto) !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [stripControls(k), stripControlsDeep(v)])) as T;
}
