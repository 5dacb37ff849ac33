/** Small read-only DOM helpers shared by the metadata readers. Pure: they never mutate the tree. */
import { classOf } from '../body/dom.ts';

/** Longest text we read from any one element; keeps huge text nodes from costing time downstream. */
const MAX_TEXT = 2000;

/** Collapses whitespace (incl. NBSP and zero-width characters) and trims. */
export function clean(s: string | null | undefined): string {
  if (!s) return '';
  const cut = s.length > MAX_TEXT * 4 ? s.slice(0, MAX_TEXT * 4) : s;
  // `\s{2,}|[^\S ]` collapses every whitespace run like `[\s\u00a0]+` but leaves single spaces alone (fewer replacements).
  return cut.replace(/[\u200b-\u200d\ufeff]/g, '').replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/** Text of an element, whitespace-collapsed and capped in length. */
export function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  const t = clean(el.textContent);
  return t.length > MAX_TEXT ? t.slice(0, MAX_TEXT) : t;
}

/** Named entities that survive double escaping in titles and meta tags. */
const NAMED: Record<string, string> = {
  amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ', bull: '•', middot: '·', ndash: '–', mdash: '—', hellip: '…',
  rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', raquo: '»', laquo: '«', copy: '©', reg: '®', trade: '™',
};

/** Decodes the few HTML entities that survive inside attribute values written twice-escaped. */
export function decodeEntities(s: string): string {
  return s
    .replace(/&#(x[0-9a-f]{1,6}|\d{1,7});/gi, (m, n: string) => {
      const code = n[0] === 'x' || n[0] === 'X' ? parseInt(n.slice(1), 16) : Number(n);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    })
    .replace(/&([a-z]+);/g, (m, e: string) => NAMED[e] ?? m);
}

/** Resolves `href` against `base`; returns an absolute http(s) URL or null (never `javascript:`, `data:` or ''). */
export function absoluteUrl(href: string | null | undefined, base: string): string | null {
  const h = clean(href);
  if (!h) return null;
  try {
    const u = new URL(h, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** True when a string looks like a URL or an e-mail address rather than a name. */
export function looksLikeUrl(s: string): boolean {
  return /^(https?:)?\/\/|^www\.|\.(com|org|net|co|io)(\/|$)|@\w+\./i.test(s.trim());
}

/** Safe querySelectorAll: returns [] when the selector or the tree defeats the engine. */
export function all(root: Document | Element, selector: string, limit = 500): Element[] {
  try {
    const list = Array.from(root.querySelectorAll(selector));
    return list.length > limit ? list.slice(0, limit) : list;
  } catch {
    return [];
  }
}

/** Safe querySelector. */
export function one(root: Document | Element, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** Host name without a leading `www.`, or '' for an unparsable URL. */
export function bareHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\d?\./, '');
  } catch {
    return '';
  }
}

/** Lower-cased letters and digits only, for comparing names and headlines loosely. */
export function normKey(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Reads an attribute whatever the case of its name: linkedom keeps names as written, and React pages
 * write `dateTime` and `itemProp`.
 */
export function attr(el: Element, name: string): string | null {
  const v = el.getAttribute(name);
  if (v !== null) return v;
  // `getAttributeNames`, not `attributes`: linkedom builds a NamedNodeMap and a Proxy for every read of the latter.
  for (const n of el.getAttributeNames?.() ?? []) if (n.toLowerCase() === name) return el.getAttributeNode(n)?.value ?? null;
  return null;
}

const BLOCK = new Set(['div', 'p', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'header', 'footer', 'address', 'dd', 'dt', 'td', 'tr', 'figure', 'figcaption', 'time', 'article', 'aside', 'nav', 'hr', 'button', 'img']);

/**
 * Text of an element with ` | ` where block elements meet, so "Jane Doe" + "Senior Editor" in two divs
 * do not read as "Jane DoeSenior Editor". Stops after `limit` characters.
 */
export function lineText(el: Element, limit = 400): string {
  const parts: string[] = [];
  let length = 0;
  const walk = (node: Node, depth: number): void => {
    if (length > limit || depth > 30) return;
    if (node.nodeType === 3) {
      const t = node.textContent ?? '';
      parts.push(t);
      length += t.length;
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'svg') return;
    const block = BLOCK.has(tag);
    if (block) parts.push(' | ');
    // Sibling pointers, not `childNodes`: linkedom builds a new list on every call.
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child, depth + 1);
    if (block) parts.push(' | ');
  };
  walk(el, 0);
  return clean(parts.join(' ')).replace(/(\s*\|\s*)+/g, ' | ').replace(/^\s*\|\s*|\s*\|\s*$/g, '');
}

/** The path of a URL without trailing slashes, or '' when it does not parse. */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

/**
 * True when `el` sits in a link to another page: a teaser card's date or label. Links to the page itself
 * (a permalink) and to a date archive (`/2019/01/17/`) still belong to this page.
 */
export function linksElsewhere(el: Element, pageUrl: string): boolean {
  const href = el.closest('a[href]')?.getAttribute('href');
  const target = href && !href.startsWith('#') ? absoluteUrl(href, pageUrl) : null;
  if (!target) return false;
  const path = pathOf(target);
  return path !== pathOf(pageUrl) && !/\/(19|20)\d{2}(\/\d{1,2}){1,2}$/.test(path);
}

/** Class and id words of containers whose content belongs to other pieces or to readers, not to this article. */
const FOREIGN_WORD = /(^|[_-])(comments?|related|recommend\w*|sidebar|footer|nav|navigation|menu|teasers?|promos?|trending|popular|newsletter|rail|cards?|more-\w+|todays?)($|[_-])/i;
/** A footer class word (`article-template-footer-main`, `entry-footer`). */
const FOOTER_WORD = /(^|[_-])footer($|[_-])/i;
/** Layout words that name a neighbour or a look, not the element's role (`under-menu`, `no-comments`, `card-shadow`). */
const MODIFIER_WORD = /^(under|below|above|after|before|has|with|without|no)[_-]|[_-](shadow|border|rounded|radius)$/i;

/**
 * True when the element sits in navigation, a sidebar, comments, a related-stories list or a teaser card.
 * Utility classes (`lg:mr-[--sidebar-width]`) say nothing about content and are ignored.
 */
export function insideForeign(el: Element): boolean {
  let cur: Element | null = el;
  for (let depth = 0; cur && depth < 12; depth++, cur = cur.parentElement) {
    const tag = cur.tagName?.toLowerCase();
    if (tag === 'body' || tag === 'article' || tag === 'main') return false;
    // An aside or footer inside the article is its meta column or end matter; outside, it is the page's,
    // unless the aside is in <main>, where templates put the byline and date beside the text.
    if (tag === 'nav' || ((tag === 'aside' || tag === 'footer') && !cur.closest('article') && !(tag === 'aside' && cur.closest('main')))) return true;
    const words = `${classOf(cur)} ${cur.getAttribute('id') ?? ''}`.split(/\s+/);
    const foreign = words.filter((w) => w && !/[:[\]]/.test(w) && !MODIFIER_WORD.test(w) && FOREIGN_WORD.test(w));
    // Like a <footer> tag, a footer class inside the article is its end matter (byline, tags), not the page's.
    if (foreign.length && !(foreign.every((w) => FOOTER_WORD.test(w)) && cur.closest('article'))) return true;
  }
  return false;
}

/** The text of `el`'s own text nodes, without its children's: a cheap first test before reading a whole element. */
export function ownText(el: Element): string {
  let t = '';
  // Sibling pointers, not `childNodes`: linkedom builds a new list on every call.
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) t += n.textContent ?? '';
  return t;
}

const pageTexts = new WeakMap<Document, string>();
/** The page's whole text, read once per document: a cheap test for a phrase before scanning elements for it. */
export function pageText(document: Document): string {
  let text = pageTexts.get(document);
  if (text === undefined) {
    text = document.body?.textContent ?? '';
    pageTexts.set(document, text);
  }
  return text;
}
