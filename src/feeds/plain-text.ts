import { Parser } from 'htmlparser2';

/** Longest summary kept: enough for the inbox and for near-duplicate detection. */
export const MAX_SUMMARY = 1000;

// Block elements end a paragraph; the first paragraph is what syndication detection compares.
const BLOCKS = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'figure', 'figcaption', 'tr', 'section', 'article']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'figcaption']);

/** Text of an HTML fragment, one paragraph per line, whitespace collapsed, scripts dropped; bounded. */
export function htmlToText(html: string, maxChars = MAX_SUMMARY): string {
  if (!/[<&]/.test(html)) return collapse(html).slice(0, maxChars);
  let out = '';
  let skipDepth = 0;
  const parser = new Parser({
    onopentag(name) {
      if (SKIP.has(name)) skipDepth++;
      if (BLOCKS.has(name)) out += '\n';
    },
    onclosetag(name) {
      if (SKIP.has(name) && skipDepth > 0) skipDepth--;
      if (BLOCKS.has(name)) out += '\n';
    },
    ontext(text) {
      if (skipDepth === 0) out += text;
      // Stop collecting once far past the cap: a 5 MB description must not cost 5 MB of strings.
      if (out.length > maxChars * 4) parser.pause();
    },
  }, { decodeEntities: true });
  // Cap the input too: a summary never needs more than this.
  parser.end(html.slice(0, maxChars * 20));
  return out.split('\n').map(collapse).filter(Boolean).join('\n').slice(0, maxChars);
}

/** Whitespace runs (incl. NBSP) become one space; ends trimmed. */
export function collapse(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The first non-trivial paragraph of a plain-text summary. */
export function firstParagraph(text: string): string {
  return text.split('\n').find((p) => p.length >= 20) ?? text.split('\n')[0] ?? '';
}
