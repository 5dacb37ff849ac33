/*
 * Feed jobs: the recurring tick that queues due feeds, one feed's refresh, auto-capture of candidates
 * that matched a capture rule, and inbox retention. Handlers are idempotent and payloads hold ids.
 */
import type { Logger } from 'pino';
import { dedupeUrl } from '../model/url.ts';
import { createFeedFetch, type FeedFetcher } from '../ingest/feed-fetch.ts';
import { holdClaim, pollDueFeeds, REFRESH_JOB } from '../ingest/poll-due-feeds.ts';
import { refreshFeed, type FeedFetch } from '../ingest/refresh-feed.ts';
import { renewWebSub, type HubPost } from '../ingest/websub.ts';
import { createFetcher, type Fetcher } from '../net/safe-fetch.ts';
import { deleteExpiredCandidates, getCandidate, markCaptured } from '../store/candidates.ts';
import { deleteFinishedRefreshJobs } from '../store/feeds.ts';
import { upsertSchedule } from '../store/jobs.ts';
import type { Store } from '../store/open.ts';
import type { JobHandler } from './worker.ts';

/** The jobs of the feed lane: one feed's refresh, mostly waiting on the network (see NEWSDESK_FEED_CONCURRENCY). */
export const FEED_LANE_JOBS: readonly string[] = [REFRESH_JOB];

/** How feed jobs reach the web (from config, passed down by the process). */
export interface FeedJobSettings {
  /** NEWSDESK_FETCH_ALLOW. */
  allow: string;
  userAgent: string;
  /** Tests inject a fetch; production builds one over safeFetch from `allow`/`userAgent`. */
  fetch?: FeedFetch;
  perHost?: number;
  /** Most refresh jobs queued or running at once (default 1000). */
  maxBacklog?: number;
  /** Days an unused candidate is kept (default 60). */
  retentionDays?: number;
  /** WebSub: where hubs call back (`${siteUrl}/websub`, see web/websub/routes.ts) and how to POST to hubs. */
  websub?: { callbackBase: string; hubPost: HubPost };
}

/** Dependencies of the feed jobs. */
export interface FeedJobDeps {
  store: Store;
  logger: Logger;
  now: () => Date;
  feeds: FeedJobSettings;
}

/** The feed job handlers by name. */
export function feedJobHandlers(deps: FeedJobDeps): Record<string, JobHandler> {
  let feedFetcher: FeedFetcher | undefined;
  let pageFetcher: Fetcher | undefined;
  const feedFetch: FeedFetch = deps.feeds.fetch ?? ((url, o) => (feedFetcher ??= createFeedFetch({ allow: deps.feeds.allow, userAgent: deps.feeds.userAgent })).fetch(url, o));
  const log = deps.logger.child({ room: 'feeds' });
  return {
    'feeds.tick': async () => {
      const n = await pollDueFeeds(deps.store, { now: deps.now(), perHost: deps.feeds.perHost, maxBacklog: deps.feeds.maxBacklog });
      if (n) log.debug({ queued: n }, 'due feeds queued');
    },
    [REFRESH_JOB]: async (payload, ctx) => {
      const feedId = Number(payload.feedId);
      if (!(await holdClaim(deps.store, feedId, payload.claim, deps.now()))) {
        log.info({ feedId }, 'refresh skipped: its claim expired while it waited and a later job has the feed');
        return;
      }
      const r = await refreshFeed({ store: deps.store, fetch: feedFetch, now: deps.now }, feedId, { signal: ctx.signal });
      // A source's problem is a warning with the reason saved on the row; the job itself succeeded.
      if (!r.ok && r.reason !== 'inactive') log[r.paused ? 'error' : 'warn']({ feedId, reason: r.reason, err: r.message, errors: r.consecutiveErrors, paused: r.paused }, 'feed poll failed');
      else if (r.ok && r.newItems) log.info({ feedId, newItems: r.newItems, status: r.status }, 'feed polled');
    },
    'candidates.capture': async (payload) => {
      const id = Number(payload.candidateId);
      const c = await getCandidate(deps.store.db, id);
      if (!c || c.capture_id) return;
      pageFetcher ??= createFetcher({ allow: deps.feeds.allow, userAgent: deps.feeds.userAgent, robots: true });
      const fetcher = pageFetcher;
      // Loaded on first use: extraction (linkedom, sanitizer) is ~10 MB of RSS that a feed-only worker never needs.
      const { captureUrl } = await import('../ingest/capture.ts');
      const r = await captureUrl(deps.store, (u) => fetcher.fetch(u), c.url, { now: deps.now });
      if (r.ok) await markCaptured(deps.store.db, id, r.captureId, dedupeUrl(r.canonicalUrl));
      else log.warn({ candidateId: id, url: c.url, reason: r.reason, err: r.message }, 'auto-capture failed');
    },
    'candidates.retention': async () => {
      const before = new Date(deps.now().getTime() - (deps.feeds.retentionDays ?? 60) * 86_400_000).toISOString();
      const n = await deleteExpiredCandidates(deps.store.db, before);
      const jobs = await deleteFinishedRefreshJobs(deps.store.db, new Date(deps.now().getTime() - 86_400_000).toISOString());
      if (n || jobs) log.info({ deleted: n, refreshJobs: jobs }, 'expired candidates and refresh jobs deleted');
    },
    ...(deps.feeds.websub ? webSubHandlers(deps, deps.feeds.websub) : {}),
  };
}

function webSubHandlers(deps: FeedJobDeps, websub: NonNullable<FeedJobSettings['websub']>): Record<string, JobHandler> {
  return {
    'websub.renew': async () => {
      const r = await renewWebSub(deps.store, websub.hubPost, { callbackBase: websub.callbackBase, now: deps.now });
      if (r.requested || r.unverified) deps.logger.info({ room: 'feeds', ...r }, 'WebSub subscriptions renewed');
    },
  };
}

/** The recurring feed schedules: the tick every `tickSeconds` (default 10), retention daily, WebSub renewal hourly when enabled. */
export async function declareFeedSchedules(store: Store, now: Date, opts: { tickSeconds?: number; websub?: boolean } = {}): Promise<void> {
  if (opts.websub) await upsertSchedule(store.db, { name: 'websub.renew', jobName: 'websub.renew', everySeconds: 3600, firstRunAt: now.toISOString() });
  await upsertSchedule(store.db, { name: 'feeds.tick', jobName: 'feeds.tick', everySeconds: opts.tickSeconds ?? 10, firstRunAt: now.toISOString() });
  await upsertSchedule(store.db, { name: 'candidates.retention', jobName: 'candidates.retention', everySeconds: 86_400, firstRunAt: now.toISOString() });
}
