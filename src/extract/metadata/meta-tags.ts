/** Reads `<meta>` tags once into a lookup table keyed by their lower-cased name/property/itemprop. */
import { attr, clean, decodeEntities } from './dom.ts';
import { byTag } from './page-index.ts';

/** All meta values of a page: key (e.g. `og:title`, `author`, `article:published_time`) → values in page order. */
export type MetaTags = Map<string, string[]>;

/** Caps the number of meta tags we read: pages with thousands are broken or hostile. */
const MAX_META = 1000;

/** Collects every `<meta>` with content under each of its name, property, itemprop and http-equiv keys. */
export function readMetaTags(document: Document): MetaTags {
  const map: MetaTags = new Map();
  for (const el of byTag(document, 'meta', MAX_META)) {
    const content = clean(decodeEntities(el.getAttribute('content') ?? ''));
    if (!content) continue;
    const keys = new Set<string>();
    for (const name of ['name', 'property', 'itemprop', 'http-equiv']) {
      // property may hold several space-separated keys (RDFa).
      for (const k of (attr(el, name) ?? '').toLowerCase().split(/\s+/)) if (k) keys.add(k);
    }
    for (const k of keys) {
      const list = map.get(k);
      if (list) list.push(content);
      else map.set(k, [content]);
    }
  }
  return map;
}

/** First value of the first key that is present, or null. */
export function firstMeta(meta: MetaTags, ...keys: string[]): { value: string; key: string } | null {
  for (const key of keys) {
    const v = meta.get(key)?.[0];
    if (v) return { value: v, key };
  }
  return null;
}
