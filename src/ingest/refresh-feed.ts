/*
 * refreshFeed: one poll of one feed. Conditional GET through safeFetch, parse, dedupe into the
 * inbox, and the schedule state written back to the feed row whatever happened, so a feed never
 * silently stops: every failure is saved with its reason, and repeated failures pause the feed visibly.
 */
import { nextCadence } from '../feeds/feed-health.ts';
import { parseFeed } from '../feeds/parse-feed.ts';
import { WEBSUB_SAFETY_POLL_SECONDS } from '../feeds/websub.ts';
import type { ParsedFeed } from '../model/feed.ts';
import { cacheMaxAge, delayAfterFailure, delayAfterSuccess, DEFAULT_LIMITS, retryAfterSeconds, shouldPause, type PollLimits } from '../feeds/poll-policy.ts';
import { describeResult, type FetchResult } from '../net/fetch-result.ts';
import { getFeed, recordFailure, recordSuccess, releaseClaim, type FeedRow } from '../store/feeds.ts';
import type { Store } from '../store/open.ts';
import { ingestItems } from './ingest-items.ts';
import { isSitemapIndex, parseSitemapValidators, readSitemapIndex } from './sitemap-index.ts';

/** Fetches a feed; production passes a safeFetch fetcher (see createFeedFetch). */
export type FeedFetch = (url: string, opts: { etag?: string; lastModified?: string; userAgent?: string | null; signal?: AbortSignal }) => Promise<FetchResult>;

/** What a refresh needs from the process. */
export interface RefreshDeps {
  store: Store;
  fetch: FeedFetch;
  now: () => Date;
  random?: () => number;
  limits?: PollLimits;
  /** Most items taken from one poll (default 200). */
  maxItems?: number;
  /** Days within which syndicated copies are grouped (default 3). */
  groupDays?: number;
}

/** The outcome of one poll, for logs, the CLI and tests. */
export type RefreshOutcome =
  | { ok: true; feedId: number; status: number; newItems: number; duplicates: number; truncated: number; flagged: number; autoCapture: number[]; movedTo: string | null }
  | { ok: false; feedId: number; reason: 'missing' | 'inactive' | 'fetch' | 'parse'; message: string; consecutiveErrors: number; paused: boolean };

/** The URL a feed moved to when every redirect hop was permanent (301/308); null for temporary ones (302/303/307). */
export function permanentTarget(r: FetchResult): string | null {
  if (!r.ok || !r.redirects.length) return null;
  // Without hop statuses (a fetch that does not report them) a move is never assumed.
  const statuses = r.redirectStatuses;
  if (!statuses || statuses.length !== r.redirects.length) return null;
  return statuses.every((s) => s === 301 || s === 308) ? r.url : null;
}

async function failed(deps: RefreshDeps, feed: FeedRow, reason: 'fetch' | 'parse', message: string, r?: FetchResult): Promise<RefreshOutcome> {
  const now = deps.now();
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const n = feed.consecutive_errors + 1;
  const status = r && !r.ok ? r.status ?? null : r?.status ?? null;
  const retry = r && !r.ok ? retryAfterSeconds(r.headers?.['retry-after'], now) : null;
  const delay = delayAfterFailure({ intervalSeconds: feed.interval_seconds, consecutiveErrors: n, retryAfterSeconds: retry, random: deps.random ?? Math.random }, limits);
  const paused = shouldPause(n, limits);
  await recordFailure(deps.store.db, feed.id, {
    now: now.toISOString(), nextCheckAt: new Date(now.getTime() + delay * 1000).toISOString(), error: message, status, consecutiveErrors: n,
    pauseReason: paused ? `paused after ${n} failures in a row; last: ${message}` : null,
  });
  return { ok: false, feedId: feed.id, reason, message, consecutiveErrors: n, paused };
}

/** What a 2xx or 304 leaves for the database stages: the response's small fields and the parsed feed, not the body. */
interface Fetched {
  status: number;
  etag?: string;
  lastModified?: string;
  url: string;
  cacheControl?: string;
  movedTo: string | null;
  /** Undefined for 304 Not Modified. */
  feed?: ParsedFeed;
  /** A sitemap index's child validators to store (JSON); undefined for other documents. */
  sitemapValidators?: string;
}

// Fetch and parse in their own frame: once it returns, the body (bytes and decoded text) is garbage, so the
// polls in flight do not each hold a document in three forms while they wait for the database.
async function fetchAndParse(deps: RefreshDeps, feed: FeedRow, now: () => Date, signal?: AbortSignal): Promise<Fetched | RefreshOutcome> {
  // 2. Conditional GET with the validators of the last success.
  const r = await deps.fetch(feed.url, { etag: feed.etag ?? undefined, lastModified: feed.last_modified ?? undefined, userAgent: feed.user_agent, signal });
  // A refusal keeps the SSRF rule's name on the feed row, so an operator sees which rule stopped it.
  if (!r.ok) return failed(deps, feed, 'fetch', r.reason === 'refused' && r.rule ? `${describeResult(r)} [${r.rule}]` : describeResult(r), r);
  const meta = { status: r.status, etag: r.etag, url: r.url, cacheControl: r.headers['cache-control'], movedTo: permanentTarget(r) };
  // 3. Not modified: only the schedule moves.
  if (r.notModified) return meta;
  // 4. Parse (a sitemap index: its newest children); a document that is not a feed is a failure with its reason.
  const maxItems = deps.maxItems ?? 200;
  const text = r.text ?? '';
  const parsed = isSitemapIndex(text)
    ? await readSitemapIndex(deps.fetch, { text, url: r.url }, { now: now(), maxItems, userAgent: feed.user_agent, signal, validators: parseSitemapValidators(feed.sitemap_validators) })
    : parseFeed(text, { url: r.url, now: now(), maxItems });
  if (!parsed.ok) return failed(deps, feed, 'parse', parsed.message, r);
  const sitemapValidators = 'validators' in parsed ? JSON.stringify(parsed.validators) : undefined;
  return { ...meta, lastModified: r.lastModified, feed: parsed.feed, sitemapValidators };
}

/** Polls one feed now and records the outcome on its row. Idempotent: a repeat finds the items already stored. */
export async function refreshFeed(deps: RefreshDeps, feedId: number, opts: { force?: boolean; signal?: AbortSignal } = {}): Promise<RefreshOutcome> {
  const { db } = deps.store;
  // 1. The feed must exist and be active (a paused feed waits for an editor, unless forced).
  const feed = await getFeed(db, feedId);
  if (!feed) return { ok: false, feedId, reason: 'missing', message: `no feed #${feedId}`, consecutiveErrors: 0, paused: false };
  if (!opts.force && (!feed.enabled || feed.paused_reason)) {
    await releaseClaim(db, feedId);
    return { ok: false, feedId, reason: 'inactive', message: feed.paused_reason ?? 'feed disabled', consecutiveErrors: feed.consecutive_errors, paused: Boolean(feed.paused_reason) };
  }
  // 2–4. Fetch and parse (above); failures are already recorded on the row.
  const r = await fetchAndParse(deps, feed, deps.now, opts.signal);
  if ('feedId' in r) return r;
  const now = deps.now();
  const { movedTo } = r;
  // With an active WebSub subscription pushes bring the news; polling is only the safety net.
  const pushed = feed.websub_state === 'active' && (feed.websub_expires_at ?? '') > now.toISOString();
  const next = (ttl: number | null) => new Date(now.getTime() + 1000 * delayAfterSuccess({
    intervalSeconds: pushed ? Math.max(feed.interval_seconds, WEBSUB_SAFETY_POLL_SECONDS) : feed.interval_seconds, maxAgeSeconds: cacheMaxAge(r.cacheControl), ttlSeconds: ttl, random: deps.random ?? Math.random,
  }, deps.limits)).toISOString();
  const f = r.feed;
  if (!f) {
    await recordSuccess(db, feed.id, { now: now.toISOString(), nextCheckAt: next(null), status: 304, etag: r.etag, newItems: 0, movedTo });
    return { ok: true, feedId, status: 304, newItems: 0, duplicates: 0, truncated: 0, flagged: 0, autoCapture: [], movedTo };
  }
  // 5. Dedupe into the inbox, grouping syndicated copies, applying watch rules, queueing auto-captures.
  const stored = await ingestItems(deps, feed, f.items, now);
  // 6. Schedule state: validators, hints, a permanent move, the WebSub hub.
  await recordSuccess(db, feed.id, {
    now: now.toISOString(), nextCheckAt: next(f.ttlSeconds), status: r.status, etag: r.etag, lastModified: r.lastModified, newItems: stored.newItems,
    title: feed.title ?? f.title, format: f.format, movedTo, websubHub: f.hubUrl, websubTopic: f.selfUrl ?? r.url, sitemapValidators: r.sitemapValidators,
    overCap: f.truncated, cadence: stored.newItems > 0 ? nextCadence(feed, now) : undefined,
  });
  return { ok: true, feedId, status: r.status, newItems: stored.newItems, duplicates: stored.duplicates, truncated: f.truncated, flagged: stored.flagged, autoCapture: stored.autoCapture, movedTo };
}
