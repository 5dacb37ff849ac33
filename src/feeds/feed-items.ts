/*
 * Format-specific mapping of feedsmith's output to FeedItem. Dublin Core (dc:creator, dc:date,
 * dc:language) and Media RSS (media:content, media:thumbnail, media:group) fill the gaps RSS leaves.
 */
import type { FeedItem } from '../model/feed.ts';
import { parseFeedDate } from './feed-date.ts';
import { absoluteUrl, arr, obj, str } from './loose.ts';
import { collapse, htmlToText } from './plain-text.ts';

/** What every mapper needs: the base for relative links and the clock for date sanity. */
export interface ItemContext {
  base: string | null;
  now?: Date;
  language: string | null;
  /** The feed's own authors, for items that name none (JSON Feed and Atom: an item's authors default to the feed's). */
  feedAuthors?: string[];
}

/** Splits "Jane Doe and John Roe", "A, B" author strings; drops e-mail-only RSS authors' addresses. */
export function splitAuthors(values: unknown[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    let s = str(v);
    if (!s) continue;
    // RSS <author> is "email (Name)"; keep the name, never an address.
    const paren = /^\S+@\S+\s*\((.+)\)$/.exec(s);
    if (paren) s = paren[1]!;
    if (/^\S+@\S+$/.test(s)) continue;
    for (const part of s.replace(/^by\s+/i, '').split(/\s*(?:,|;|\band\b|&|\bі\b|\bи\b)\s*/)) {
      const name = collapse(part);
      if (name && name.length <= 120 && !/^https?:/i.test(name) && !out.includes(name)) out.push(name);
    }
  }
  return out.slice(0, 20);
}

function mediaImage(media: unknown, ctx: ItemContext): string | null {
  const m = obj(media);
  const groups = arr(m.groups).map(obj);
  const contents = [...arr(m.contents), ...groups.flatMap((g) => arr(g.contents))].map(obj);
  const image = contents.find((c) => c.medium === 'image' || /^image\//.test(String(c.type ?? '')))
    ?? contents.find((c) => /\.(jpe?g|png|webp|gif|avif)(\?|$)/i.test(String(c.url ?? '')));
  const thumb = [...arr(m.thumbnails), ...groups.flatMap((g) => arr(g.thumbnails))].map(obj)[0];
  return absoluteUrl(image?.url, ctx.base) ?? absoluteUrl(thumb?.url, ctx.base);
}

function enclosureImage(enclosures: unknown, ctx: ItemContext): string | null {
  const e = arr(enclosures).map(obj).find((x) => /^image\//.test(String(x.type ?? '')));
  return e ? absoluteUrl(e.url, ctx.base) : null;
}

function item(fields: Omit<FeedItem, 'url'> & { url: string | null }): FeedItem | null {
  if (!fields.url) return null;
  return { ...fields, url: fields.url, title: fields.title };
}

/** An RSS 0.9x/2.0 or RSS 1.0 (RDF) item. */
export function rssItem(raw: unknown, ctx: ItemContext): FeedItem | null {
  const i = obj(raw);
  const dc = obj(i.dc);
  const guid = obj(i.guid);
  const guidValue = str(guid.value);
  // A guid is a permalink unless it says otherwise; some feeds put the only link there.
  const guidLink = guid.isPermaLink !== false ? absoluteUrl(guidValue, null) : null;
  const url = absoluteUrl(i.link, ctx.base) ?? absoluteUrl(obj(i.rdf).about, ctx.base) ?? guidLink;
  const summaryHtml = str(i.description) ?? str(obj(i.content).encoded) ?? str(arr(dc.descriptions)[0]) ?? '';
  return item({
    url,
    guid: guidValue ?? str(obj(i.rdf).about),
    title: htmlToText(str(i.title) ?? str(arr(dc.titles)[0]) ?? '', 500),
    authors: splitAuthors([...arr(dc.creators), ...arr(i.authors), ...arr(obj(i.atom).authors)]),
    publishedAt: parseFeedDate(i.pubDate, ctx.now) ?? parseFeedDate(arr(dc.dates)[0], ctx.now) ?? parseFeedDate(obj(i.dcterms).issued, ctx.now),
    summary: htmlToText(summaryHtml) || null,
    imageUrl: mediaImage(i.media, ctx) ?? enclosureImage(i.enclosures, ctx),
    language: str(arr(dc.languages)[0]) ?? ctx.language,
  });
}

function atomLink(links: unknown, rel: string, base: string | null): string | null {
  const list = arr(links).map(obj);
  const hit = list.find((l) => (str(l.rel) ?? 'alternate') === rel && (rel !== 'alternate' || !l.type || /html/.test(String(l.type))));
  return hit ? absoluteUrl(hit.href, base) : null;
}

/** An Atom 1.0 entry. */
export function atomEntry(raw: unknown, ctx: ItemContext): FeedItem | null {
  const e = obj(raw);
  const base = absoluteUrl(obj(e.xml).base, ctx.base) ?? ctx.base;
  const id = str(e.id);
  const url = atomLink(e.links, 'alternate', base) ?? (id && /^https?:/i.test(id) ? absoluteUrl(id, null) : null);
  const dc = obj(e.dc);
  return item({
    url,
    guid: id,
    title: htmlToText(str(e.title) ?? '', 500),
    authors: orDefault(splitAuthors([...arr(e.authors), ...arr(dc.creators)]), ctx.feedAuthors),
    publishedAt: parseFeedDate(e.published, ctx.now) ?? parseFeedDate(e.updated, ctx.now) ?? parseFeedDate(arr(dc.dates)[0], ctx.now),
    summary: htmlToText(str(e.summary) ?? str(e.content) ?? '') || null,
    imageUrl: mediaImage(e.media, ctx) ?? atomLink(e.links, 'enclosure', base),
    language: str(obj(e.xml).lang) ?? ctx.language,
  });
}

/** A JSON Feed 1.0/1.1 item. */
function orDefault(authors: string[], fallback: string[] | undefined): string[] {
  return authors.length ? authors : [...(fallback ?? [])];
}

export function jsonItem(raw: unknown, ctx: ItemContext): FeedItem | null {
  const i = obj(raw);
  const id = str(i.id);
  const url = absoluteUrl(i.url, ctx.base) ?? absoluteUrl(i.external_url, ctx.base) ?? (id && /^https?:/i.test(id) ? absoluteUrl(id, null) : null);
  return item({
    url,
    guid: id,
    title: htmlToText(str(i.title) ?? '', 500),
    authors: orDefault(splitAuthors([...arr(i.authors), ...arr(i.author)]), ctx.feedAuthors),
    publishedAt: parseFeedDate(i.date_published, ctx.now) ?? parseFeedDate(i.date_modified, ctx.now),
    summary: htmlToText(str(i.summary) ?? str(i.content_html) ?? str(i.content_text) ?? '') || null,
    imageUrl: absoluteUrl(i.image, ctx.base) ?? absoluteUrl(i.banner_image, ctx.base),
    language: str(i.language) ?? ctx.language,
  });
}
