/**
 * One walk over the page that records every element with its tag, class and id, so the metadata
 * readers filter a plain array instead of running many whole-document selectors: linkedom answers
 * each `querySelectorAll` by visiting every node and reading its attributes again, which made
 * selector queries about half of metadata's cost.
 */

import { classOf } from '../body/dom.ts';

/** One element of the page as the readers see it. */
export interface Indexed {
  el: Element;
  /** Lower-case tag name. */
  tag: string;
  /** Lower-case `class` attribute ('' when absent). */
  cls: string;
  /** Lower-case `id` attribute ('' when absent). */
  id: string;
  parent: Indexed | null;
}

/** The page's elements in document order (the order `querySelectorAll` returns). */
export interface PageIndex {
  elements: Indexed[];
  /** Elements by tag name, in document order. */
  byTag: Map<string, Indexed[]>;
}

/** Walks at most this many elements: bounded time on pathological pages. */
const MAX_ELEMENTS = 200_000;

const cache = new WeakMap<Document, PageIndex>();

/** Builds the index of `document`, or returns the one `withPageIndex` is holding for it. */
export function pageIndex(document: Document): PageIndex {
  return cache.get(document) ?? buildIndex(document);
}

/**
 * Runs `read` with one index of `document` shared by every reader. The index lives only for the call:
 * the body stages change the tree afterwards, so a kept index would go stale.
 */
export function withPageIndex<T>(document: Document, read: () => T): T {
  cache.set(document, buildIndex(document));
  try {
    return read();
  } finally {
    cache.delete(document);
  }
}

function buildIndex(document: Document): PageIndex {
  const elements: Indexed[] = [];
  const byTag = new Map<string, Indexed[]>();
  // Iterative pre-order walk (pages may nest 100k elements deep): parallel stacks of the next node and the
  // parent record at each level (no pair allocated per level: the walk runs while the fresh tree is young,
  // and every allocation then brings the next garbage collection, which copies that tree, closer).
  // The document's own children come from `childNodes`: linkedom's doctype node has no next sibling.
  const nexts: (Node | null)[] = Array.from(document.childNodes).filter((n) => n.nodeType === 1).reverse();
  const parents: (Indexed | null)[] = nexts.map(() => null);
  while (nexts.length > 0 && elements.length < MAX_ELEMENTS) {
    const level = nexts.length - 1;
    const node = nexts[level];
    if (!node) {
      nexts.pop();
      parents.pop();
      continue;
    }
    const parent = parents[level] ?? null;
    // A document root is visited alone; its siblings are separate entries of the stack.
    nexts[level] = parent === null ? null : node.nextSibling;
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const rec: Indexed = {
      el,
      tag: (el.localName || '').toLowerCase(),
      cls: classOf(el).toLowerCase(),
      id: (el.getAttribute('id') ?? '').toLowerCase(),
      parent,
    };
    elements.push(rec);
    const list = byTag.get(rec.tag);
    if (list) list.push(rec);
    else byTag.set(rec.tag, [rec]);
    // One read of `firstChild`: linkedom's getter walks past the element's attributes each time.
    const first = el.firstChild;
    if (first) {
      nexts.push(first);
      parents.push(rec);
    }
  }
  return { elements, byTag };
}

/** Elements of one tag, in document order, at most `limit`. */
export function byTag(document: Document, tag: string, limit = Infinity): Element[] {
  const list = pageIndex(document).byTag.get(tag) ?? [];
  return (list.length > limit ? list.slice(0, limit) : list).map((r) => r.el);
}

/** Elements that satisfy `test`, in document order, at most `limit`. */
export function matching(document: Document, test: (r: Indexed) => boolean, limit: number, tags?: readonly string[]): Element[] {
  const index = pageIndex(document);
  const out: Element[] = [];
  const source = !tags ? index.elements : tags.length === 1 ? index.byTag.get(tags[0]!) ?? [] : mergeTags(index, tags);
  for (const r of source) {
    if (out.length >= limit) break;
    if (test(r)) out.push(r.el);
  }
  return out;
}

/** The elements of several tags in document order (a selector list such as `p, span, div`). */
function mergeTags(index: PageIndex, tags: readonly string[]): Indexed[] {
  const wanted = new Set(tags);
  return index.elements.filter((r) => wanted.has(r.tag));
}

/** True when some proper ancestor of `r` satisfies `test` (a descendant combinator). */
export function hasAncestor(r: Indexed, test: (a: Indexed) => boolean): boolean {
  for (let a = r.parent; a; a = a.parent) if (test(a)) return true;
  return false;
}
