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

/** A child sitemap's validators from its last full read, for a conditional GET. */
export interface ChildValidators { etag?: string; lastModified?: string }

/** Child URL → validators, as stored on the feed row (`sitemap_validators`). */
export type SitemapValidators = Record<string, ChildValidators>;

/** Parses the stored JSON; anything unreadable counts as no validators (the children are then read in full). */
export function parseSitemapValidators(json: string | null): SitemapValidators {
  try {
    const v: unknown = json ? JSON.parse(json) : {};
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as SitemapValidators) : {};
  } catch {
    return {};
  }
}

/** The index read as one feed, and the validators to store: only for the children followed this time. */
export type SitemapIndexRead = FeedParseResult & { validators: SitemapValidators };

/**
 * Reads the newest children of a sitemap index as one feed: their items up to `maxItems` in all.
 * Each child is fetched with the validators of its last full read; a 304 child adds nothing (its items
 * are already in the inbox). A child that fails is skipped (the others still count); the poll fails only
 * when none could be read.
 */
export async function readSitemapIndex(fetch: FeedFetch, index: { text: string; url: string }, opts: { now: Date; maxItems: number; userAgent?: string | null; signal?: AbortSignal; validators?: SitemapValidators }): Promise<SitemapIndexRead> {
  const children = newestSitemaps(parseSitemap(index.text, index.url, { now: opts.now }), MAX_CHILD_SITEMAPS);
  const validators: SitemapValidators = {};
  if (children.length === 0) return { ok: false, reason: 'empty', message: 'this sitemap index lists no sitemaps', validators };
  const items: FeedItem[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  let truncated = 0;
  let read = 0;
  for (const url of children) {
    const known = opts.validators?.[url];
    const r = await fetch(url, { etag: known?.etag, lastModified: known?.lastModified, userAgent: opts.userAgent, signal: opts.signal });
    if (r.ok && r.notModified && known) {
      read++;
      validators[url] = { ...known, ...(r.etag ? { etag: r.etag } : {}) };
      continue;
    }
    // Without validators sent, a 304 is as unreadable as an error.
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
    const cut = parsed.feed.truncated + Math.max(0, fresh.length - room);
    truncated += cut;
    // A child cut short keeps no validators: a 304 next time would hide the items it could not take now.
    if (!cut && (r.etag || r.lastModified)) validators[url] = { ...(r.etag ? { etag: r.etag } : {}), ...(r.lastModified ? { lastModified: r.lastModified } : {}) };
  }
  if (read === 0) return { ok: false, reason: 'unrecognized', message: `no child sitemap of this index could be read (${problems.join('; ')})`, validators };
  return { ok: true, feed: { format: 'sitemap', title: null, homeUrl: null, language: null, ttlSeconds: null, hubUrl: null, selfUrl: null, items, truncated, skipped: 0 }, validators };
}
