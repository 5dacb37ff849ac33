/**
 * Caps element nesting before parsing. The HTML parser under linkedom keeps its open-element stack
 * in an array it shifts and unshifts, so 100k nested elements cost seconds (quadratic). Pages deeper
 * than `MAX_DEPTH` lose the tags beyond it (their text stays), which keeps parsing linear.
 */

/** Deeper nesting than this is never a real page's structure. */
export const MAX_DEPTH = 1000;
/** Pages with fewer tags than this cannot be deep enough to matter, so they skip the scan. */
const SCAN_ABOVE_TAGS = 20_000;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>/g;

/** Returns `html` with tags nested deeper than `limit` removed; unchanged for ordinary pages. */
export function capNesting(html: string, limit = MAX_DEPTH): string {
  if (countTags(html, SCAN_ABOVE_TAGS) < SCAN_ABOVE_TAGS) return html;
  const parts: string[] = [];
  let copied = 0;
  let depth = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    if (VOID.has(name)) continue;
    // Counted depth over-estimates (implied closes of <p>, <li>); that only drops a few more tags on huge pages.
    const drop = closing ? depth > limit : depth >= limit;
    depth = Math.max(0, depth + (closing ? -1 : 1));
    if (!drop) continue;
    parts.push(html.slice(copied, m.index));
    copied = m.index + m[0].length;
  }
  if (copied === 0) return html;
  parts.push(html.slice(copied));
  return parts.join('');
}

/** Counts `<` characters up to `stop` (a cheap upper bound of the number of tags). */
function countTags(html: string, stop: number): number {
  let count = 0;
  for (let i = html.indexOf('<'); i !== -1 && count < stop; i = html.indexOf('<', i + 1)) count++;
  return count;
}
