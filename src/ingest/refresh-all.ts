/*
 * `newsdesk feeds refresh --all`: poll every enabled feed now and return when done, still politely:
 * feeds of one host run one after another, hosts in parallel up to `concurrency`.
 */
import { hostOf, listFeeds } from '../store/feeds.ts';
import { refreshFeed, type RefreshDeps, type RefreshOutcome } from './refresh-feed.ts';

/** Settings of a full refresh. */
export interface RefreshAllOptions {
  concurrency?: number;
  /** Include paused feeds (an editor asked for them explicitly). */
  includePaused?: boolean;
  onProgress?: (done: number, total: number, last: RefreshOutcome) => void;
}

/** Polls every enabled (and unpaused, unless asked) feed once; resolves with every outcome. */
export async function refreshAll(deps: RefreshDeps, opts: RefreshAllOptions = {}): Promise<RefreshOutcome[]> {
  // 1. The feeds to poll, queued per host.
  const feeds = (await listFeeds(deps.store.db)).filter((f) => f.enabled && (opts.includePaused || !f.paused_reason));
  const byHost = new Map<string, number[]>();
  for (const f of feeds) byHost.set(hostOf(f.url), [...(byHost.get(hostOf(f.url)) ?? []), f.id]);
  const queues = [...byHost.values()];
  const outcomes: RefreshOutcome[] = [];
  // 2. Workers take whole hosts, so one host never sees two requests at once.
  const worker = async (): Promise<void> => {
    for (let q = queues.shift(); q; q = queues.shift()) {
      for (const id of q) {
        const r = await refreshFeed(deps, id, { force: opts.includePaused });
        outcomes.push(r);
        opts.onProgress?.(outcomes.length, feeds.length, r);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 8) }, worker));
  return outcomes;
}
