/** The line under a lead image: caption, then the credit in parentheses (`… in Aktobe. (orda_kz)`). */

/** Caption and credit as one line; the credit is not repeated when the caption already ends with it. */
export function captionLine(caption?: string | null, credit?: string | null): string {
  const c = caption?.trim().replace(/\s+/g, ' ') ?? '';
  // A credit may arrive already wrapped ("(Reuters)"); unwrap so it is not doubled.
  const r = (credit?.trim().replace(/\s+/g, ' ') ?? '').replace(/^\((.*)\)$/, '$1').trim();
  if (r === '') return c;
  const wrapped = `(${r})`;
  if (c === '') return wrapped;
  if (c.toLowerCase().endsWith(wrapped.toLowerCase()) || c.toLowerCase().endsWith(r.toLowerCase())) return c;
  return `${c} ${wrapped}`;
}
