import os from 'node:os';
import type { Logger } from 'pino';
import * as jobs from '../store/jobs.ts';
import type { Store } from '../store/open.ts';
import { backoffMs } from './backoff.ts';

/** What a handler receives besides its payload. */
export interface JobContext {
  jobId: number;
  attempt: number;
  /** Aborted when the worker is stopping and the job should wind down (it will be retried). */
  signal: AbortSignal;
}

/** A job handler. Must be idempotent: a job may run again after a crash or an expired lease. */
export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>;

/**
 * Job names with a concurrency limit of their own. Feed refreshes wait on slow hosts for seconds, so
 * thousands of them need many slots, while captures and publishing keep their few slots free of them.
 */
export interface Lane {
  names: readonly string[];
  concurrency: number;
}

/** Worker settings; `now` is injectable so tests control time. */
export interface WorkerOptions {
  store: Store;
  handlers: Record<string, JobHandler>;
  logger: Logger;
  /** Jobs at once for every name not in a lane (default 4). */
  concurrency?: number;
  lanes?: readonly Lane[];
  pollMs?: number;
  leaseMs?: number;
  backoff?: { baseMs?: number; capMs?: number };
  now?: () => Date;
  workerId?: string;
}

/** A running worker. */
export interface Worker {
  readonly id: string;
  start(): void;
  /** Runs one poll now (tests, `--once`); resolves when the jobs it took have finished. */
  tick(): Promise<number>;
  /** Stops taking jobs and waits for the ones in flight. */
  stop(): Promise<void>;
}

/** Creates a worker that leases jobs from the store and runs their handlers. */
export function createWorker(opts: WorkerOptions): Worker {
  const id = opts.workerId ?? `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const pollMs = opts.pollMs ?? 1000;
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  const now = opts.now ?? (() => new Date());
  const lanes = laneSlots(Object.keys(opts.handlers), opts.concurrency ?? 4, opts.lanes ?? []);
  const inFlight = new Set<Promise<void>>();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;
  let polling: Promise<number> | undefined;

  async function runOne(job: jobs.JobRow): Promise<void> {
    const log = opts.logger.child({ jobId: job.id, job: job.name, attempt: job.attempts });
    const handler = opts.handlers[job.name];
    const { db } = opts.store;
    try {
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      await handler(JSON.parse(job.payload) as Record<string, unknown>, { jobId: job.id, attempt: job.attempts, signal: abort.signal });
      if (!(await jobs.complete(db, job.id, id, now().toISOString()))) log.warn('lease lost before completion');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const retryAt = new Date(now().getTime() + backoffMs(job.attempts, opts.backoff)).toISOString();
      const outcome = await jobs.fail(db, job, id, message, retryAt, now().toISOString()).catch((e: unknown) => {
        log.error({ err: e }, 'could not record job failure');
        return 'unknown';
      });
      log[outcome === 'dead' ? 'error' : 'warn']({ err: message, outcome }, 'job failed');
    }
  }

  async function poll(): Promise<number> {
    const t = now();
    await jobs.enqueueDueSchedules(opts.store.db, t.toISOString(), (from, every) => new Date(Date.parse(from) + every * 1000).toISOString());
    let n = 0;
    for (const lane of lanes) {
      const free = lane.concurrency - lane.running.size;
      if (free <= 0 || stopping) continue;
      const taken = await jobs.lease(opts.store.db, opts.store.dialect, {
        workerId: id, names: lane.names, now: t.toISOString(), leaseUntil: new Date(t.getTime() + leaseMs).toISOString(), limit: free,
      });
      for (const job of taken) {
        const p = runOne(job).finally(() => { inFlight.delete(p); lane.running.delete(p); });
        inFlight.add(p);
        lane.running.add(p);
      }
      n += taken.length;
    }
    return n;
  }

  function schedule(delay: number): void {
    if (stopping) return;
    timer = setTimeout(() => {
      polling = poll()
        .catch((err: unknown) => { opts.logger.error({ err }, 'job poll failed'); return 0; })
        .then((n) => { schedule(n > 0 ? 0 : pollMs); return n; });
    }, delay);
  }

  return {
    id,
    start: () => schedule(0),
    async tick() {
      const n = await poll();
      await Promise.all([...inFlight]);
      return n;
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await polling;
      await Promise.all([...inFlight]);
      abort.abort();
    },
  };
}

interface LaneSlots extends Lane {
  running: Set<Promise<void>>;
}

/** The lanes of the handled names: each given lane keeps the names handled here, the rest share `concurrency`. */
function laneSlots(handled: readonly string[], concurrency: number, lanes: readonly Lane[]): LaneSlots[] {
  const laned = new Set(lanes.flatMap((l) => l.names));
  const all = [...lanes, { names: handled.filter((n) => !laned.has(n)), concurrency }];
  return all.map((l) => ({ names: l.names.filter((n) => handled.includes(n)), concurrency: l.concurrency, running: new Set<Promise<void>>() }))
    .filter((l) => l.names.length > 0);
}
