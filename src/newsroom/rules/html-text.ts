/**
 * Minimal, pure reading of the sanitized inline HTML held in BodyBlocks: entities, plain text and
 * link targets. Not a general HTML parser: blocks are already sanitized by extract/, so tags are simple.
 */

// The named entities that matter for words and links; `colon`, `Tab` and `NewLine` are here because
// attackers use them to disguise `javascript:` (`javascript&colon;`).
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad',
  rsquo: '\u2019', lsquo: '\u2018', rdquo: '\u201d', ldquo: '\u201c', laquo: '\u00ab', raquo: '\u00bb',
  mdash: '\u2014', ndash: '\u2013', hellip: '\u2026', colon: ':', Tab: '\t', NewLine: '\n', sol: '/',
  lpar: '(', rpar: ')', period: '.', comma: ',', semi: ';', num: '#',
};

/** Decodes numeric and common named HTML entities (with or without the closing `;`); unknown names stay. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);?/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      // Invalid or out-of-range code points become U+FFFD, as browsers do.
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED[ref] ?? whole;
  });
}

/** Plain text of inline HTML: tags removed (`<br>` becomes a space, other inline tags join words), entities decoded. */
export function htmlToText(html: string): string {
  return decodeEntities(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}

/** One URL-bearing attribute found in HTML. */
export interface HtmlLink {
  tag: string;
  attr: 'href' | 'src';
  /** The attribute value with entities decoded; null when an `<a>` has no href at all. */
  value: string | null;
}

const TAG = /<([a-zA-Z][\w-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTR = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Every href/src in the HTML, plus `<a>` tags without an href (a link with no target). */
export function htmlLinks(html: string): HtmlLink[] {
  const out: HtmlLink[] = [];
  for (const m of html.matchAll(TAG)) {
    const tag = (m[1] ?? '').toLowerCase();
    let sawHref = false;
    for (const a of (m[2] ?? '').matchAll(ATTR)) {
      const name = (a[1] ?? '').toLowerCase();
      if (name !== 'href' && name !== 'src') continue;
      if (name === 'href') sawHref = true;
      out.push({ tag, attr: name, value: decodeEntities(a[2] ?? a[3] ?? a[4] ?? '') });
    }
    if (tag === 'a' && !sawHref) out.push({ tag, attr: 'href', value: null });
  }
  return out;
}
