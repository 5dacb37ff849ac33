/*
 * Sitemaps as a source for outlets without feeds: Google News sitemaps carry title, date and
 * language; plain sitemaps only <loc> and <lastmod>, so the title is derived from the URL's slug.
 */
import { Parser } from 'htmlparser2';
import type { FeedItem } from '../model/feed.ts';
import { parseFeedDate } from './feed-date.ts';
import { absoluteUrl } from './loose.ts';
import { collapse } from './plain-text.ts';

/** A parsed sitemap: its entries and whether it is a news sitemap or an index of sitemaps. */
export interface ParsedSitemap {
  kind: 'news-sitemap' | 'sitemap' | 'index';
  items: FeedItem[];
  /** For an index: the sitemaps it lists. */
  sitemaps: string[];
  /** For an index: the same sitemaps with their `<lastmod>`, to pick the recent ones. */
  children: { url: string; lastmod: string | null }[];
}

interface Entry { loc?: string; lastmod?: string; title?: string; date?: string; language?: string; image?: string }

/** "/2024/05/kazakhstan-votes-on-reform.html" → "Kazakhstan votes on reform". */
export function titleFromUrl(url: string): string {
  let slug = '';
  try {
    slug = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
  } catch {
    return url;
  }
  const words = decodeURIComponent(slug.replace(/%(?![0-9a-f]{2})/gi, '')).replace(/\.[a-z0-9]{2,5}$/i, '').replace(/[-_+]+/g, ' ').replace(/\b\d{5,}\b/g, '').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : url;
}

/** Parses a sitemap or sitemap index; `maxEntries` bounds the work on a huge file. */
export function parseSitemap(xml: string, base: string | null, opts: { now?: Date; maxEntries?: number } = {}): ParsedSitemap {
  const max = opts.maxEntries ?? 50_000;
  const entries: Entry[] = [];
  const sitemaps: Entry[] = [];
  let kind: ParsedSitemap['kind'] = 'sitemap';
  let current: Entry | null = null;
  let inSitemap = false;
  let text = '';
  const parser = new Parser({
    onopentag(name) {
      const tag = name.toLowerCase();
      text = '';
      if (tag === 'sitemapindex') kind = 'index';
      if (tag === 'url') current = {};
      if (tag === 'sitemap' && sitemaps.length < max) {
        inSitemap = true;
        sitemaps.push({});
      }
      if (tag.startsWith('news:') && kind === 'sitemap') kind = 'news-sitemap';
    },
    ontext(t) {
      if (text.length < 4096) text += t;
    },
    onclosetag(name) {
      const tag = name.toLowerCase();
      const value = collapse(text);
      text = '';
      if (inSitemap && tag === 'loc') sitemaps[sitemaps.length - 1]!.loc = value;
      if (inSitemap && tag === 'lastmod') sitemaps[sitemaps.length - 1]!.lastmod = value;
      if (tag === 'sitemap') inSitemap = false;
      if (!current) return;
      if (tag === 'loc') current.loc = value;
      else if (tag === 'lastmod') current.lastmod = value;
      else if (tag === 'news:title') current.title = value;
      else if (tag === 'news:publication_date') current.date = value;
      else if (tag === 'news:language') current.language = value;
      else if (tag === 'image:loc' && !current.image) current.image = value;
      else if (tag === 'url') {
        entries.push(current);
        current = null;
        if (entries.length >= max) parser.pause();
      }
    },
  }, { xmlMode: true, decodeEntities: true });
  parser.end(xml);
  const items = entries.flatMap((e): FeedItem[] => {
    const url = absoluteUrl(e.loc, base);
    if (!url) return [];
    return [{
      url, guid: null, title: e.title || titleFromUrl(url), authors: [],
      publishedAt: parseFeedDate(e.date, opts.now) ?? parseFeedDate(e.lastmod, opts.now),
      summary: null, imageUrl: absoluteUrl(e.image, base), language: e.language || null,
    }];
  });
  const children = sitemaps.flatMap((s) => {
    const url = absoluteUrl(s.loc, base);
    return url ? [{ url, lastmod: parseFeedDate(s.lastmod, opts.now) }] : [];
  });
  return { kind, items, sitemaps: children.map((c) => c.url), children };
}

/**
 * The `n` most recently modified child sitemaps of an index, newest first; undated ones follow in
 * listed order. Indexes of big outlets list years of archives: a poll only wants where news lands.
 */
export function newestSitemaps(s: ParsedSitemap, n: number): string[] {
  return s.children.map((c, i) => ({ ...c, i }))
    .sort((a, b) => (b.lastmod ?? '').localeCompare(a.lastmod ?? '') || a.i - b.i)
    .slice(0, n).map((c) => c.url);
}
