/** Indexes schema.org microdata (`itemprop`) elements once, whatever the case of the attribute name. */
import { pageIndex } from './page-index.ts';

/** Elements carrying `itemprop`, keyed by each lower-cased property name, in document order. */
export type Microdata = Map<string, Element[]>;

/** Pages with more elements than this are scanned only in their first part: bounded time on huge pages. */
const MAX_ELEMENTS = 30_000;

/**
 * Collects `itemprop` elements. linkedom keeps attribute names as written and its selectors cannot match
 * React's `itemProp`, so this walks the elements and checks both spellings.
 */
export function readMicrodata(document: Document): Microdata {
  const map: Microdata = new Map();
  for (const { el } of pageIndex(document).elements.slice(0, MAX_ELEMENTS)) {
    const value = el.getAttribute('itemprop') ?? el.getAttribute('itemProp');
    if (!value) continue;
    for (const key of value.toLowerCase().split(/\s+/)) {
      if (!key) continue;
      const list = map.get(key);
      if (list) list.push(el);
      else map.set(key, [el]);
    }
  }
  return map;
}
