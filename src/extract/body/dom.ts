/** Small DOM helpers for the body stages. Every walk is iterative: pages may nest 100k elements deep. */

/** DOM node type numbers (linkedom follows the standard). */
export const ELEMENT_NODE = 1;
/** Text node type number. */
export const TEXT_NODE = 3;
/** CDATA section node type number (`textContent` counts these as text too). */
export const CDATA_SECTION_NODE = 4;

/** Elements that start a new block of text (a word never continues across them). */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ul',
  'caption', 'summary', 'picture', 'video', 'audio', 'iframe', 'center', 'menu', 'noscript', 'html',
]);

/** Elements whose text is never readable page text. */
const NO_TEXT_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg']);

/** Lower-case tag name of an element (linkedom keeps `localName` lower-case for HTML). */
export function tagOf(el: Element): string {
  return (el.localName || '').toLowerCase();
}

/**
 * The `class` attribute as `getAttribute('class')` gives it (tokens deduplicated, single spaces), without
 * the DOMTokenList linkedom builds to answer that: one per element of the page was a visible share of the time.
 */
export function classOf(el: Element): string {
  const raw = el.getAttributeNode?.('class')?.value;
  if (!raw) return '';
  if (!/\s/.test(raw)) return raw;
  return [...new Set(raw.split(/\s+/).filter(Boolean))].join(' ');
}

/** The class and id of an element joined into one string, for boilerplate patterns. */
export function classAndId(el: Element): string {
  const cls = classOf(el);
  const id = el.getAttribute('id') ?? '';
  return cls.length + id.length === 0 ? '' : `${cls} ${id}`;
}

/** Yields the element children of a node without building arrays. */
export function* elementChildren(node: Node): Generator<Element> {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === ELEMENT_NODE) yield c as Element;
  }
}

/**
 * Visits every element below `root` in document order (root excluded). The visitor returns
 * `false` to skip an element's subtree. Iterative, so deep nesting cannot overflow the stack.
 */
export function walkElements(root: Node, visit: (el: Element, depth: number) => boolean | void): void {
  const stack: { node: Node | null; depth: number }[] = [{ node: root.firstChild, depth: 1 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const node = top.node;
    if (!node) {
      stack.pop();
      continue;
    }
    top.node = node.nextSibling;
    if (node.nodeType !== ELEMENT_NODE) continue;
    if (visit(node as Element, top.depth) === false) continue;
    const first = node.firstChild;
    if (first) stack.push({ node: first, depth: top.depth + 1 });
  }
}

/**
 * The first element below `root` (root excluded, document order) whose tag is in `tags`, like
 * `querySelector('a, b')` without compiling a selector on every call; like linkedom's, it does not
 * look inside `<template>` content.
 */
export function firstDescendant(root: Node, tags: ReadonlySet<string>): Element | null {
  const stack: (Node | null)[] = [root.firstChild];
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (!node) {
      stack.pop();
      continue;
    }
    stack[stack.length - 1] = node.nextSibling;
    if (node.nodeType !== ELEMENT_NODE) continue;
    const tag = tagOf(node as Element);
    if (tags.has(tag)) return node as Element;
    // A leaf pushes null, popped next turn: cheaper than asking linkedom for `firstChild` twice.
    if (tag !== 'template') stack.push(node.firstChild);
  }
  return null;
}

/** Counts elements below `root` named `tag` that satisfy `test`, stopping at `enough`. */
export function countDescendants(root: Node, tag: string, test: (el: Element) => boolean, enough: number): number {
  let count = 0;
  const stack: (Node | null)[] = [root.firstChild];
  while (stack.length > 0 && count < enough) {
    const node = stack[stack.length - 1];
    if (!node) {
      stack.pop();
      continue;
    }
    stack[stack.length - 1] = node.nextSibling;
    if (node.nodeType !== ELEMENT_NODE) continue;
    if ((node as Element).localName === tag && test(node as Element)) count++;
    stack.push(node.firstChild);
  }
  return count;
}

/**
 * True when the text below `root` (its `textContent`) is longer than `max` characters, found by
 * summing text nodes until the sum passes `max` instead of building the string.
 */
export function textLongerThan(root: Node, max: number): boolean {
  let length = 0;
  const stack: (Node | null)[] = [root.firstChild];
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (!node) {
      stack.pop();
      continue;
    }
    stack[stack.length - 1] = node.nextSibling;
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      length += (node as CharacterData).data.length;
      if (length > max) return true;
    } else stack.push(node.firstChild);
  }
  return false;
}

/** Collapses runs of whitespace (incl. no-break spaces) into one space and trims. */
export function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** Text of a subtree, iteratively, skipping nothing; whitespace collapsed. Capped at `max` characters. */
export function textOf(root: Node, max = 2_000_000): string {
  if (root.nodeType === TEXT_NODE) return collapse((root as Text).data.slice(0, max));
  const parts: string[] = [];
  let size = 0;
  const stack: (Node | null)[] = [root.firstChild];
  while (stack.length > 0 && size < max) {
    const node = stack[stack.length - 1];
    if (!node) {
      stack.pop();
      continue;
    }
    stack[stack.length - 1] = node.nextSibling;
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      parts.push(data);
      size += data.length;
    } else if (node.nodeType === ELEMENT_NODE) {
      const tag = tagOf(node as Element);
      if (NO_TEXT_TAGS.has(tag)) continue;
      // Block boundaries separate words; inline ones (`<b>`) must not split a word.
      if (tag === 'br' || BLOCK_TAGS.has(tag)) parts.push(' ');
      if (tag !== 'br') stack.push(node.firstChild);
    }
  }
  return collapse(parts.join('').slice(0, max));
}
