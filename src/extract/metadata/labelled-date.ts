/**
 * Finds a date the page itself labels as the publication date ("Published on 13 April 2023", "Posted: …",
 * or a "Published" heading with the date in the next element), wherever the layout puts it.
 */
import type { Sourced } from '../../model/capture.ts';
import { scanTextDate } from './date-parse.ts';
import { clean, insideForeign, lineText } from './dom.ts';

/** Text nodes we look at: the label sits in the article's header or meta column, well before the end of a page. */
const MAX_TEXT_NODES = 6000;
/** A label that names the first publication; "originally" and "first" make the older of two dates explicit. */
const LABEL = /^(?:(?:date\s+|originally\s+|first\s+)?(?:published|posted)|publish(?:ed)?\s+date|publication\s+date|date\s+of\s+publication|опубліковано|опубликовано|дата публікації|дата публикации)(?:\s+(?:on|at|in))?\s*:?\s*/iu;
/** The date must follow the label closely, or it is some other statement ("published in 2019 by …"). */
const MAX_GAP = 4;

function dateAfterLabel(text: string): string | null {
  const m = LABEL.exec(text);
  if (!m) return null;
  const rest = text.slice(m[0].length);
  const found = scanTextDate(rest.slice(0, 80));
  return found && found.index <= MAX_GAP ? found.date.iso : null;
}

/** The element that follows `el` in reading order: its next sibling, or the next sibling of an ancestor. */
function nextInReadingOrder(el: Element): Element | null {
  let cur: Element | null = el;
  for (let depth = 0; cur && depth < 3; depth++, cur = cur.parentElement) {
    if (cur.nextElementSibling) return cur.nextElementSibling;
  }
  return null;
}

/** Reads the date of one label text node: in the same text, in its element's line, or in the next element. */
function dateOfLabel(node: Node): string | null {
  const parent = node.parentElement;
  if (!parent || insideForeign(parent)) return null;
  const own = dateAfterLabel(clean(node.textContent));
  if (own) return own;
  const line = lineText(parent, 160);
  const inLine = line.length <= 150 ? dateAfterLabel(line) : null;
  if (inLine) return inLine;
  // A heading or term that is the label alone ("Published") with the date in the next element.
  if (!/^[\p{L}\s]+:?$/u.test(line)) return null;
  const next = nextInReadingOrder(parent);
  if (!next) return null;
  const found = scanTextDate(lineText(next, 120));
  return found && found.index <= MAX_GAP ? found.date.iso : null;
}

/** The first date on the page that is explicitly labelled as the publication date, or null. */
export function labelledPublishedDate(document: Document): Sourced<string> | null {
  const root = document.body ?? document.documentElement;
  if (!root || typeof document.createTreeWalker !== 'function') return null;
  // 4 = NodeFilter.SHOW_TEXT: walking text nodes is linear, unlike asking every element for its text.
  const walker = document.createTreeWalker(root, 4);
  for (let i = 0, node = walker.nextNode(); node && i < MAX_TEXT_NODES; i++, node = walker.nextNode()) {
    const text = node.textContent ?? '';
    if (text.length > 200 || !/publi|posted|опубл|дата/i.test(text)) continue;
    const tag = node.parentElement?.tagName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'title') continue;
    if (!LABEL.test(clean(text))) continue;
    // A label inside a link belongs to the linked piece: a teaser card's "Publish date".
    if (node.parentElement?.closest('a[href]')) continue;
    const iso = dateOfLabel(node);
    if (iso) return { value: iso, source: 'labelled-date' };
  }
  return null;
}
