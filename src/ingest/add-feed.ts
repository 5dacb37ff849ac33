/*
 * Adding a feed the way an editor thinks of it: paste the feed's URL, or the outlet's home page and
 * let newsdesk find the feeds (<link rel="alternate">, feed-like links, then the paths CMSs use).
 */
import type { DiscoveredFeed, ParsedFeed } from '../model/feed.ts';
import { commonFeedUrls, discoverFeeds, siteNameOf } from '../feeds/discover.ts';
import { parseFeed } from '../feeds/parse-feed.ts';
import { clampInterval } from '../feeds/poll-policy.ts';
import { describeResult } from '../net/fetch-result.ts';
import { insertFeed } from '../store/feeds.ts';
import type { Store } from '../store/open.ts';
import type { FeedFetch } from './refresh-feed.ts';

/** Per-feed settings given when adding. */
export interface AddFeedOptions {
  outletId?: number | null;
  intervalSeconds?: number;
  language?: string | null;
  userAgent?: string | null;
  keywordRules?: string | null;
  now: Date;
  /** Most feeds added from one home page (default 5). */
  maxFeeds?: number;
}

/** A feed added (or already known). */
export interface AddedFeed { id: number; url: string; title: string | null; format: string; created: boolean; items: number }

/** The outcome: the feeds added, or why none could be. */
export type AddFeedOutcome = { ok: true; feeds: AddedFeed[]; discovered: boolean; siteName?: string | null; homeUrl?: string } | { ok: false; message: string };

async function tryFeed(fetch: FeedFetch, url: string): Promise<{ ok: true; url: string; feed: ParsedFeed } | { ok: false; message: string; html?: string; finalUrl?: string }> {
  const r = await fetch(url, {});
  if (!r.ok) return { ok: false, message: describeResult(r) };
  if (r.notModified) return { ok: false, message: `${url} answered 304 without validators` };
  const parsed = parseFeed(r.text ?? '', { url: r.url });
  if (parsed.ok) return { ok: true, url: r.url, feed: parsed.feed };
  return { ok: false, message: parsed.message, ...(parsed.reason === 'html' ? { html: r.text, finalUrl: r.url } : {}) };
}

/** Feeds found at `url`, parsed but not stored: what an editor previews before adding. */
export type FoundFeeds = { ok: true; discovered: boolean; found: { url: string; feed: ParsedFeed }[]; siteName?: string | null; homeUrl?: string } | { ok: false; message: string };

/** `url` as a feed, or, when it is an HTML page, the feeds that page leads to (at most `maxFeeds`). */
export async function findFeeds(fetch: FeedFetch, url: string, maxFeeds = 5): Promise<FoundFeeds> {
  // 1. The URL may itself be a feed.
  const first = await tryFeed(fetch, url);
  if (first.ok) return { ok: true, discovered: false, found: [{ url: first.url, feed: first.feed }] };
  if (first.html === undefined) return { ok: false, message: `${url}: ${first.message}` };
  // 2. An HTML page: the feeds it names, else conventional paths.
  const pageUrl = first.finalUrl ?? url;
  const named = discoverFeeds(first.html, pageUrl);
  const tries: DiscoveredFeed[] = named.length ? named : commonFeedUrls(pageUrl);
  const found: { url: string; feed: ParsedFeed }[] = [];
  const problems: string[] = [];
  for (const d of tries) {
    if (found.length >= maxFeeds) break;
    const r = await tryFeed(fetch, d.url);
    if (r.ok) found.push({ url: r.url, feed: { ...r.feed, title: r.feed.title ?? d.title } });
    else if (d.source !== 'common-path') problems.push(`${d.url}: ${r.message}`);
  }
  if (found.length) return { ok: true, discovered: true, found, siteName: siteNameOf(first.html), homeUrl: pageUrl };
  return { ok: false, message: `${url} is a web page that names no working feed${problems.length ? ` (${problems.slice(0, 3).join('; ')})` : ''}; add the feed's own URL` };
}

/** Adds `url` as a feed, or, when it is an HTML page, the feeds that page leads to. */
export async function addFeed(store: Store, fetch: FeedFetch, url: string, opts: AddFeedOptions): Promise<AddFeedOutcome> {
  const r = await findFeeds(fetch, url, opts.maxFeeds ?? 5);
  if (!r.ok) return r;
  const feeds: AddedFeed[] = [];
  for (const f of r.found) feeds.push(await save(store, f.url, f.feed, opts));
  return { ok: true, discovered: r.discovered, feeds, ...(r.discovered ? { siteName: r.siteName ?? null, homeUrl: r.homeUrl! } : {}) };
}

async function save(store: Store, url: string, feed: ParsedFeed, opts: AddFeedOptions): Promise<AddedFeed> {
  const r = await insertFeed(store.db, {
    url, outletId: opts.outletId ?? null, title: feed.title, format: feed.format, intervalSeconds: clampInterval(opts.intervalSeconds ?? 900),
    language: opts.language ?? feed.language, userAgent: opts.userAgent ?? null, keywordRules: opts.keywordRules ?? null, now: opts.now.toISOString(),
  });
  return { id: r.id, url, title: feed.title, format: feed.format, created: r.created, items: feed.items.length };
}
