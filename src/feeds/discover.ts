/*
 * Feed discovery on an outlet's page: <link rel="alternate"> first (the standard way), then anchors
 * that plainly point to feeds, then the paths CMSs use by convention, for the caller to probe.
 */
import { Parser } from 'htmlparser2';
import type { DiscoveredFeed } from '../model/feed.ts';
import { absoluteUrl } from './loose.ts';

const FEED_TYPES = /^application\/(rss|atom|rdf|feed)\+(xml|json)$|^application\/(rss|atom)$|^application\/json$|^text\/xml$/i;
const FEEDISH_HREF = /(\/(feed|rss|atom)(\.xml|\.json|\/)?$|\.rss$|\/rss\/|\bformat=rss\b|feeds?\.xml$)/i;

/** Paths to probe when a page names no feed (WordPress, Ghost, Drupal, generic). */
export const COMMON_FEED_PATHS = ['/feed', '/rss', '/rss.xml', '/feed.xml', '/atom.xml', '/index.xml', '/feeds/all.rss', '/news-sitemap.xml', '/sitemap_news.xml'];

/** Feeds an HTML page links to, `<link rel=alternate>` first, anchors after; bounded work on huge pages. */
export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  const found: DiscoveredFeed[] = [];
  const seen = new Set<string>();
  let base = pageUrl;
  const add = (href: string | undefined, title: string | null, type: string | null, source: DiscoveredFeed['source']): void => {
    const url = absoluteUrl(href, base);
    if (url && !seen.has(url) && found.length < 50) {
      seen.add(url);
      found.push({ url, title, type, source });
    }
  };
  const parser = new Parser({
    onopentag(name, a) {
      if (name === 'base' && a.href) base = absoluteUrl(a.href, pageUrl) ?? base;
      if (name === 'link') {
        const rel = (a.rel ?? '').toLowerCase().split(/\s+/);
        if (rel.includes('alternate') && FEED_TYPES.test((a.type ?? '').trim()) && !/comments/i.test(a.title ?? '')) add(a.href, a.title?.trim() || null, a.type?.trim() ?? null, 'link-alternate');
      }
      if (name === 'a' && a.href && FEEDISH_HREF.test(a.href.split('#')[0]!)) add(a.href, null, null, 'anchor');
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.end(html.slice(0, 2_000_000));
  // Anchors are guesses; a page that names its feeds properly gets exactly those.
  return found.some((f) => f.source === 'link-alternate') ? found.filter((f) => f.source === 'link-alternate') : found;
}

/** The conventional feed URLs of a site, to probe when discovery found nothing. */
export function commonFeedUrls(homeUrl: string): DiscoveredFeed[] {
  return COMMON_FEED_PATHS.flatMap((p) => {
    const url = absoluteUrl(p, homeUrl);
    return url ? [{ url, title: null, type: null, source: 'common-path' as const }] : [];
  });
}

/** The site's own name on its home page (og:site_name, application-name, else <title>), for naming a new outlet. */
export function siteNameOf(html: string): string | null {
  let og: string | null = null;
  let app: string | null = null;
  let title = '';
  let inTitle = false;
  const parser = new Parser({
    onopentag(name, a) {
      if (name === 'meta' && (a.property === 'og:site_name' || a.name === 'og:site_name') && a.content) og ??= a.content.trim();
      if (name === 'meta' && a.name === 'application-name' && a.content) app ??= a.content.trim();
      if (name === 'title') inTitle = true;
    },
    ontext(t) {
      if (inTitle && title.length < 300) title += t;
    },
    onclosetag(name) {
      if (name === 'title') inTitle = false;
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.end(html.slice(0, 500_000));
  // A home page title is often "Name — tagline" or "Name | News": the name comes first.
  const fromTitle = title.replace(/\s+/g, ' ').trim().split(/\s+[|\u2013\u2014:-]\s+/)[0]?.trim() || null;
  return og || app || fromTitle;
}
