import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, JobsTable } from './database.ts';
import { writeTransaction, type DialectName } from './dialect.ts';

/** A job row as read back. */
export type JobRow = Selectable<JobsTable>;

/** What to enqueue. `uniqueKey` makes enqueueing idempotent: a second job with the same key is not created. */
export interface NewJob {
  name: string;
  payload?: Record<string, unknown>;
  runAt: string;
  maxAttempts?: number;
  uniqueKey?: string;
}

/** Adds a job; returns its id, or null when a job with the same unique key already exists. */
export async function enqueue(db: Kysely<Database>, job: NewJob, now: string): Promise<number | null> {
  const row = await db.insertInto('jobs').values({
    name: job.name,
    payload: JSON.stringify(job.payload ?? {}),
    run_at: job.runAt,
    max_attempts: job.maxAttempts ?? 5,
    unique_key: job.uniqueKey ?? null,
    created_at: now,
    updated_at: now,
  }).onConflict((oc) => oc.column('unique_key').doNothing()).returning('id').executeTakeFirst();
  return row ? Number(row.id) : null;
}

/** Lease terms: who takes jobs, until when, and which job names it handles. */
export interface LeaseRequest {
  workerId: string;
  names: readonly string[];
  now: string;
  leaseUntil: string;
  limit: number;
}

/**
 * Takes up to `limit` ready jobs (queued and due, or running with an expired lease) and marks them running.
 * PostgreSQL: FOR UPDATE SKIP LOCKED, so concurrent workers never take the same job.
 * SQLite: one writer at a time, and the select+update runs in one immediate transaction.
 */
export async function lease(db: Kysely<Database>, dialect: DialectName, req: LeaseRequest): Promise<JobRow[]> {
  if (req.names.length === 0 || req.limit <= 0) return [];
  const run = async (trx: Kysely<Database>): Promise<JobRow[]> => {
    let q = trx.selectFrom('jobs').select('id')
      .where('name', 'in', [...req.names])
      .where((eb) => eb.or([
        eb.and([eb('state', '=', 'queued'), eb('run_at', '<=', req.now)]),
        eb.and([eb('state', '=', 'running'), eb('locked_until', '<', req.now)]),
      ]))
      .orderBy('run_at').orderBy('id').limit(req.limit);
    if (dialect === 'postgres') q = q.forUpdate().skipLocked();
    const ids = (await q.execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    return trx.updateTable('jobs')
      .set({ state: 'running', locked_by: req.workerId, locked_until: req.leaseUntil, updated_at: req.now, attempts: sql`attempts + 1` })
      .where('id', 'in', ids).returningAll().execute();
  };
  // BEGIN IMMEDIATE on SQLite: two processes cannot read the same ready job.
  return writeTransaction(db, dialect, run);
}

/** Marks a leased job done. Returns false when the lease was lost (another worker took it over). */
export async function complete(db: Kysely<Database>, id: number, workerId: string, now: string): Promise<boolean> {
  const r = await db.updateTable('jobs')
    .set({ state: 'done', finished_at: now, updated_at: now, locked_until: null, last_error: null })
    .where('id', '=', id).where('locked_by', '=', workerId).where('state', '=', 'running').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Records a failure: back to the queue at `retryAt`, or to the dead letters when attempts are used up. */
export async function fail(db: Kysely<Database>, job: Pick<JobRow, 'id' | 'attempts' | 'max_attempts'>, workerId: string, error: string, retryAt: string, now: string): Promise<'retry' | 'dead'> {
  const dead = job.attempts >= job.max_attempts;
  await db.updateTable('jobs').set({
    state: dead ? 'dead' : 'queued',
    run_at: dead ? now : retryAt,
    last_error: error.slice(0, 4000),
    locked_until: null,
    updated_at: now,
    finished_at: dead ? now : null,
  }).where('id', '=', job.id).where('locked_by', '=', workerId).execute();
  return dead ? 'dead' : 'retry';
}

/** Extends a lease that a long job still holds. */
export async function extendLease(db: Kysely<Database>, id: number, workerId: string, until: string): Promise<void> {
  await db.updateTable('jobs').set({ locked_until: until }).where('id', '=', id).where('locked_by', '=', workerId).where('state', '=', 'running').execute();
}

/** Puts a dead job back in the queue with fresh attempts. */
export async function retryDead(db: Kysely<Database>, id: number, now: string): Promise<boolean> {
  const r = await db.updateTable('jobs').set({ state: 'queued', attempts: 0, run_at: now, updated_at: now, finished_at: null })
    .where('id', '=', id).where('state', '=', 'dead').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Jobs in one state, newest first (dead letters for the operator, for instance). */
export async function listByState(db: Kysely<Database>, state: string, limit = 100): Promise<JobRow[]> {
  return db.selectFrom('jobs').selectAll().where('state', '=', state).orderBy('updated_at', 'desc').limit(limit).execute();
}

/** Counts of jobs per state. */
export async function countsByState(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db.selectFrom('jobs').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('state').execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

/** Reads one job. */
export async function getJob(db: Kysely<Database>, id: number): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Declares (or updates) a recurring schedule; the next run is kept when the schedule already exists. */
export async function upsertSchedule(db: Kysely<Database>, s: { name: string; jobName: string; payload?: Record<string, unknown>; everySeconds: number; firstRunAt: string }): Promise<void> {
  await db.insertInto('job_schedules').values({
    name: s.name, job_name: s.jobName, payload: JSON.stringify(s.payload ?? {}), every_seconds: s.everySeconds, next_run_at: s.firstRunAt,
  }).onConflict((oc) => oc.column('name').doUpdateSet({ job_name: s.jobName, payload: JSON.stringify(s.payload ?? {}), every_seconds: s.everySeconds })).execute();
}

/**
 * Turns due schedules into jobs. Each due slot is claimed with a compare-and-set on `next_run_at`,
 * and the job's unique key names the slot, so several workers ticking at once enqueue it once.
 */
export async function enqueueDueSchedules(db: Kysely<Database>, now: string, nextAfter: (from: string, everySeconds: number) => string): Promise<number> {
  const due = await db.selectFrom('job_schedules').selectAll().where('next_run_at', '<=', now).execute();
  let created = 0;
  for (const s of due) {
    const claimed = await db.updateTable('job_schedules').set({ next_run_at: nextAfter(now, s.every_seconds) })
      .where('name', '=', s.name).where('next_run_at', '=', s.next_run_at).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const id = await enqueue(db, { name: s.job_name, payload: JSON.parse(s.payload) as Record<string, unknown>, runAt: now, uniqueKey: `schedule:${s.name}@${s.next_run_at}` }, now);
    if (id !== null) created++;
  }
  return created;
}

/** Jobs of one name that are queued or running (the feed tick keeps this backlog bounded). */
export async function countPending(db: Kysely<Database>, name: string): Promise<number> {
  const row = await db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('name', '=', name).where('state', 'in', ['queued', 'running']).executeTakeFirstOrThrow();
  return Number(row.n);
}
