/*
 * OPML import and export: the subscription list format every feed reader speaks.
 */
import { generateOpml, parseOpml as parseOpmlDoc } from 'feedsmith';
import type { FeedOutline } from '../model/feed.ts';
import { absoluteUrl, arr, obj, str } from './loose.ts';

/** The feeds of an OPML document, folders flattened into `category`; throws nothing, returns a reason. */
export function parseOpml(xml: string): { ok: true; feeds: FeedOutline[] } | { ok: false; message: string } {
  let doc: unknown;
  try {
    // A DOCTYPE has no business in OPML; dropping it keeps entity tricks out, as for feeds.
    doc = parseOpmlDoc(xml.replace(/<!DOCTYPE[^[>]{0,1000}(?:\[[\s\S]{0,1000000}?\])?\s*>/i, ''));
  } catch (err) {
    return { ok: false, message: `not an OPML file (${(err as Error).message.slice(0, 120)})` };
  }
  const feeds: FeedOutline[] = [];
  const seen = new Set<string>();
  const walk = (outlines: unknown, category: string | null, depth: number): void => {
    if (depth > 10) return;
    for (const o of arr(outlines).map(obj)) {
      const xmlUrl = absoluteUrl(o.xmlUrl, null);
      const label = str(o.title) ?? str(o.text);
      if (xmlUrl && !seen.has(xmlUrl)) {
        seen.add(xmlUrl);
        feeds.push({ xmlUrl, title: label, htmlUrl: absoluteUrl(o.htmlUrl, null), category });
      }
      walk(o.outlines, xmlUrl ? category : (label ?? category), depth + 1);
    }
  };
  walk(obj(obj(doc).body).outlines, null, 0);
  return { ok: true, feeds };
}

/** An OPML 2.0 document listing `feeds`, grouped into folders by category. */
export function buildOpml(feeds: readonly FeedOutline[], opts: { title: string; now: Date }): string {
  const folders = new Map<string, FeedOutline[]>();
  const top: FeedOutline[] = [];
  for (const f of feeds) {
    if (f.category) folders.set(f.category, [...(folders.get(f.category) ?? []), f]);
    else top.push(f);
  }
  const outline = (f: FeedOutline) => ({ type: 'rss', text: f.title ?? f.xmlUrl, title: f.title ?? f.xmlUrl, xmlUrl: f.xmlUrl, ...(f.htmlUrl ? { htmlUrl: f.htmlUrl } : {}) });
  return String(generateOpml({
    head: { title: opts.title, dateCreated: opts.now },
    body: { outlines: [...[...folders].map(([text, list]) => ({ text, outlines: list.map(outline) })), ...top.map(outline)] },
  }));
}
