/*
 * A feed URL that answers a sitemap index (outlets without feeds often publish only that): the poll
 * follows the index's most recent child sitemaps instead of failing, through the same fetcher (so the
 * same SSRF guard and caps apply to every child) and within the same per-poll item cap.
 */
import { parseFeed } from '../feeds/parse-feed.ts';
import { newestSitemaps, parseSitemap } from '../feeds/sitemap.ts';
import type { FeedItem, FeedParseResult } from '../model/feed.ts';
import { describeResult } from '../net/fetch-result.ts';
import type { FeedFetch } from './refresh-feed.ts';

/** Child sitemaps followed per poll: the newest ones carry the news; archives stay unread. */
export const MAX_CHILD_SITEMAPS = 3;

/** True when a fetched document is a sitemap index rather than a feed or a plain sitemap. */
export function isSitemapIndex(text: string): boolean {
  return /<(?:[a-z]+:)?sitemapindex[\s>]/i.test(text.slice(0, 4096));
}

/**
 * Reads the newest children of a sitemap index as one feed: their items up to `maxItems` in all.
 * A child that fails is skipped (the others still count); the poll fails only when none could be read.
 */
export async function readSitemapIndex(fetch: FeedFetch, index: { text: string; url: string }, opts: { now: Date; maxItems: number; userAgent?: string | null; signal?: AbortSignal }): Promise<FeedParseResult> {
  const children = newestSitemaps(parseSitemap(index.text, index.url, { now: opts.now }), MAX_CHILD_SITEMAPS);
  if (children.length === 0) return { ok: false, reason: 'empty', message: 'this sitemap index lists no sitemaps' };
  const items: FeedItem[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  let truncated = 0;
  let read = 0;
  for (const url of children) {
    const r = await fetch(url, { userAgent: opts.userAgent, signal: opts.signal });
    // No validators were sent, so a 304 is as unreadable as an error.
    if (!r.ok || r.notModified) {
      problems.push(`${url}: ${describeResult(r)}`);
      continue;
    }
    // A nested index or a feed in disguise is not followed further: one level keeps the poll bounded.
    const parsed = isSitemapIndex(r.text ?? '') ? null : parseFeed(r.text ?? '', { url: r.url, now: opts.now, maxItems: opts.maxItems });
    if (!parsed?.ok) {
      problems.push(`${url}: ${parsed ? parsed.message : 'a nested sitemap index'}`);
      continue;
    }
    read++;
    const fresh = parsed.feed.items.filter((i) => !seen.has(i.url) && seen.add(i.url));
    const room = Math.max(0, opts.maxItems - items.length);
    items.push(...fresh.slice(0, room));
    truncated += parsed.feed.truncated + Math.max(0, fresh.length - room);
  }
  if (read === 0) return { ok: false, reason: 'unrecognized', message: `no child sitemap of this index could be read (${problems.join('; ')})` };
  return { ok: true, feed: { format: 'sitemap', title: null, homeUrl: null, language: null, ttlSeconds: null, hubUrl: null, selfUrl: null, items, truncated, skipped: 0 } };
}
