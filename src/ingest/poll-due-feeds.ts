/*
 * The feed tick: due feeds become `feeds.refresh` jobs. A feed is claimed (in flight) from the moment
 * it is queued until its refresh records an outcome, so it is never queued twice and its host never
 * gets more than `perHost` requests at once, whichever process runs the job.
 */
import { claimFeeds, dueFeeds, renewClaim } from '../store/feeds.ts';
import { countPending, enqueue } from '../store/jobs.ts';
import type { Store } from '../store/open.ts';

/** Job name of one feed's refresh. */
export const REFRESH_JOB = 'feeds.refresh';

/** Settings of one tick. */
export interface PollDueOptions {
  now: Date;
  /** Most refresh jobs waiting or running at once (default 1000): a backlog larger than a claim's life would poll feeds twice. */
  maxBacklog?: number;
  perHost?: number;
  /** How long a claim lasts if the refresh never reports (crash): then the feed is due again (default 10 min). */
  claimSeconds?: number;
}

const CLAIM_SECONDS = 600;

/** Queues refresh jobs for due feeds; returns how many were queued. */
export async function pollDueFeeds(store: Store, opts: PollDueOptions): Promise<number> {
  const now = opts.now.toISOString();
  // 1. Room in the queue: refreshes already waiting count against the backlog.
  const room = (opts.maxBacklog ?? 1000) - (await countPending(store.db, REFRESH_JOB));
  if (room <= 0) return 0;
  // 2. Due feeds, politely: at most perHost in flight per host.
  const due = await dueFeeds(store.db, { now, limit: room, perHost: opts.perHost ?? 1 });
  if (due.length === 0) return 0;
  // 3. Claim them; a concurrent tick in another process keeps the ones it claimed first.
  const until = new Date(opts.now.getTime() + (opts.claimSeconds ?? CLAIM_SECONDS) * 1000).toISOString();
  const claimed = await claimFeeds(store.db, due.map((f) => f.id), now, until);
  // 4. One job per claim; the unique key names the claim, so a retried tick cannot queue it twice.
  let queued = 0;
  for (const id of claimed) {
    const job = await enqueue(store.db, { name: REFRESH_JOB, payload: { feedId: id, claim: until }, runAt: now, maxAttempts: 1, uniqueKey: `feed:${id}@${now}` }, now);
    if (job !== null) queued++;
  }
  return queued;
}

/**
 * Called when a refresh job starts: true if the job still holds the claim it was queued with (now renewed for
 * the poll itself). A job that waited longer than its claim may find the feed claimed again by a later tick,
 * with a second job queued; then this one must not poll, or the feed would be fetched twice in one interval.
 * Jobs queued without a claim (before claims were in payloads) run as they did.
 */
export async function holdClaim(store: Store, feedId: number, claim: unknown, now: Date, claimSeconds = CLAIM_SECONDS): Promise<boolean> {
  if (typeof claim !== 'string') return true;
  return renewClaim(store.db, feedId, claim, new Date(now.getTime() + claimSeconds * 1000).toISOString());
}
