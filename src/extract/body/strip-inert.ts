/**
 * Removes markup that never carries article text or metadata before parsing: comments, scripts
 * (except JSON-LD), styles, templates, inline SVG and `<link>` tags other than the canonical one (stylesheets,
 * preloads and icons: thousands of attribute nodes on some pages). linkedom pays for every node it builds, so
 * this makes parsing cheaper; the scan is linear, so hostile input (thousands of unclosed
 * `<script>`s) cannot make it quadratic.
 */

const OPENING = /<(?:!--|(script|style|svg|template|link)[\s/>])/gi;
const CLOSING: Record<string, RegExp> = {
  script: /<\/script/gi, style: /<\/style/gi, svg: /<\/svg/gi, template: /<\/template/gi,
};

/** Returns `html` without comments, non-JSON-LD scripts, styles, templates, inline SVG and non-canonical links. */
export function stripInert(html: string): string {
  const parts: string[] = [];
  let copied = 0;
  OPENING.lastIndex = 0;
  for (let m = OPENING.exec(html); m; m = OPENING.exec(html)) {
    const start = m.index;
    const kind = m[1]?.toLowerCase();
    let end: number;
    if (!kind) {
      const close = html.indexOf('-->', start + 4);
      end = close === -1 ? html.length : close + 3;
    } else {
      const tagEnd = html.indexOf('>', start);
      if (kind === 'script' && tagEnd !== -1 && /ld\+json/i.test(html.slice(start, tagEnd))) continue;
      if (kind === 'link') {
        // A void tag: it ends at its `>`. Only `rel=canonical` is read (the page's canonical URL).
        if (tagEnd !== -1 && /canonical/i.test(html.slice(start, tagEnd))) continue;
        parts.push(html.slice(copied, start));
        copied = tagEnd === -1 ? html.length : tagEnd + 1;
        OPENING.lastIndex = copied;
        continue;
      }
      const closing = CLOSING[kind]!;
      closing.lastIndex = start + kind.length + 1;
      const close = closing.exec(html);
      // Unclosed: the parser would swallow the rest of the page as raw text anyway.
      end = close ? afterTag(html, close.index) : html.length;
    }
    parts.push(html.slice(copied, start));
    copied = end;
    OPENING.lastIndex = end;
  }
  if (copied === 0) return html;
  parts.push(html.slice(copied));
  return parts.join('');
}

/** Index just after the closing tag that starts at `at`. */
function afterTag(html: string, at: number): number {
  const gt = html.indexOf('>', at);
  return gt === -1 ? html.length : gt + 1;
}
