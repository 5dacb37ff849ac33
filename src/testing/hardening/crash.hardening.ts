import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import { jobHandlers } from '../../jobs/handlers.ts';
import { createWorker } from '../../jobs/worker.ts';
import { addUser } from '../../newsroom/accounts.ts';
import { addWatchRule } from '../../store/candidates.ts';
import { insertFeed } from '../../store/feeds.ts';
import { cleanEnv, freePort } from '../run-cli.ts';
import { storeKinds, type StoreKind, type TestStore } from '../test-stores.ts';
import { checkAcknowledged, checkJobs, checkNoDoubles, checkPiecesWhole, sqliteIntegrity, tally } from './crash-checks.ts';
import { CrashClient, newStats, runOperations, type Operation, type RunStats } from './crash-client.ts';
import { clientArticle, startCrashFixtures, WATCH_WORD, type CrashFixtures } from './crash-fixtures.ts';
import { CrashCluster, type Target } from './crash-processes.ts';

/*
 * Issue #8 §4, "crashes lose nothing": a real `serve --no-worker` and a real `worker` on one database, an
 * editor capturing and publishing 1,000 loopback articles with several operations in flight, feeds that keep
 * growing so the worker polls and auto-captures, and SIGKILL at random moments 20 times. Afterwards every
 * acknowledged publish must be there and whole, no piece half-written, nothing done twice, every job finished
 * or waiting for its retry, and SQLite's integrity_check `ok`. Runs on SQLite and, when configured, PostgreSQL.
 * NEWSDESK_CRASH_OPS / NEWSDESK_CRASH_KILLS shrink a run while working on the suite.
 */

const OPS = Number(process.env.NEWSDESK_CRASH_OPS ?? 1000);
const KILLS = Number(process.env.NEWSDESK_CRASH_KILLS ?? 20);
/** Operations in flight: enough that most kills land mid-write, few enough for a 2-CPU machine. */
const IN_FLIGHT = 8;
const FEEDS = 6;
/** The worker's lease (jobs/worker.ts default): a killed worker's jobs are taken over once it has passed. */
const LEASE_MS = 5 * 60_000;
const EDITOR = { email: 'desk@crash.example', password: 'crash test password 2026' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function operations(origin: string): Operation[] {
  return Array.from({ length: OPS }, (_, n) => ({
    n, url: origin + clientArticle(n).path, headline: `${clientArticle(n).headline} (desk pick ${n})`,
    note: `We recommend story ${n} because the crash suite must not lose it.`, tags: ['crash test', `batch ${n % 7}`],
    schedule: n % 10 === 3, attempts: 0,
  }));
}

async function seed(store: TestStore, fx: CrashFixtures): Promise<void> {
  const now = new Date();
  await addUser(store, { email: EDITOR.email, role: 'editor', password: EDITOR.password, now });
  await addWatchRule(store.db, WATCH_WORD, 'capture', now.toISOString());
  for (const url of fx.feedUrls) await insertFeed(store.db, { url, intervalSeconds: 120, now: now.toISOString() });
}

/**
 * Kill k lands at a random point of the k-th slice of the operations (by acknowledgements), so the kills hit
 * random moments of writes in flight over the whole run. Time-based pauses (0.3–3 s) were tried first: the
 * client finished its 1,000 operations after five kills and the other fifteen hit idle processes. The client
 * may not start work past slice k until kill k has happened (`phase.ackLimit`): a restart takes seconds, and
 * on a fast machine the client otherwise finished while the last kills still waited for their turn.
 */
async function killer(cluster: CrashCluster, stats: RunStats, phase: CrashPhase, log: string[]): Promise<void> {
  const slice = OPS / KILLS;
  const done = () => phase.clientDone;
  for (let k = 1; k <= KILLS && !phase.failed; k++) {
    phase.ackLimit = k * slice;
    const target = (k - 1) * slice + Math.random() * slice * 0.9;
    while (!done() && stats.acknowledged < target) await sleep(10);
    // Just after a restart the lanes may all be pausing before a retry: give them a moment to be mid-write.
    for (let waited = 0; !done() && stats.inFlight === 0 && waited < 2000; waited += 10) await sleep(10);
    const r = Math.random();
    const targets: Target[] = r < 0.4 ? ['server'] : r < 0.7 ? ['worker'] : ['server', 'worker'];
    const inFlight = stats.inFlight;
    await Promise.all(targets.map((t) => cluster.kill(t)));
    if (inFlight > 0) stats.killsInFlight = (stats.killsInFlight ?? 0) + 1;
    log.push(`${new Date().toISOString()} kill ${k}: ${targets.join('+')} with ${inFlight} operations in flight (${stats.acknowledged} acknowledged)`);
    await sleep(300 + Math.random() * 700);
    for (const t of targets) await cluster.start(t);
  }
  phase.ackLimit = Infinity;
}

/** What the client and the killer share. */
interface CrashPhase {
  clientDone: boolean;
  failed: boolean;
  /** New attempts wait while this many operations are acknowledged (set by the killer). */
  ackLimit: number;
}

/** Runs every job the killed workers left, as a worker would once their leases expired (the clock moved past them). */
async function drainAfterLeases(store: TestStore, fx: CrashFixtures): Promise<{ at: string; stale: number; rounds: number }> {
  const later = Date.now() + LEASE_MS + 60_000;
  const now = () => new Date(later);
  const running = await store.db.selectFrom('jobs').select(['id', 'locked_until']).where('state', '=', 'running').execute();
  const unbounded = running.filter((j) => !j.locked_until || Date.parse(j.locked_until) > later);
  assert.deepEqual(unbounded, [], 'a running job holds a lease that never expires');
  const handlers = jobHandlers({ store, logger: pino({ level: 'silent' }), now, feeds: { allow: fx.server.allow, userAgent: 'newsdesk-crash-suite' }, links: { allow: fx.server.allow, userAgent: 'newsdesk-crash-suite' } });
  // Every publish queues a link registration besides its own work, so a thousand operations leave a few thousand jobs.
  const worker = createWorker({ store, handlers, logger: pino({ level: 'silent' }), now, concurrency: 16, workerId: 'crash-suite-drain' });
  let rounds = 0;
  while ((await worker.tick()) > 0 && rounds < 5000) rounds++;
  await worker.stop();
  return { at: now().toISOString(), stale: running.length, rounds };
}

async function publicPages(base: string, ops: readonly Operation[]): Promise<string[]> {
  const client = new CrashClient(base);
  const out: string[] = [];
  try {
    for (const op of ops) {
      const page = await client.get(op.acked!.path ?? '/missing');
      const headline = op.headline.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      if (page.status !== 200 || !page.body.includes(headline)) out.push(`op ${op.n}: ${op.acked!.path} answered ${page.status}${page.status === 200 ? ' without the headline' : ''}`);
    }
  } finally {
    await client.close();
  }
  return out;
}

/** Phase 1: the editor works while processes die under it; feeds grow so polls keep finding work. */
async function workUnderKills(cluster: CrashCluster, client: CrashClient, ops: Operation[], fx: CrashFixtures): Promise<{ stats: RunStats; kills: string[] }> {
  const stats = newStats();
  const kills: string[] = [];
  const phase: CrashPhase = { clientDone: false, failed: false, ackLimit: OPS / KILLS };
  let killError: unknown;
  const growing = setInterval(() => fx.grow(3), 2000);
  // Awaited after the client; a failed restart must not become an unhandled rejection meanwhile.
  const killing = killer(cluster, stats, phase, kills).catch((err: unknown) => { killError = err; phase.ackLimit = Infinity; });
  try {
    const mayStart = () => stats.acknowledged < phase.ackLimit;
    await runOperations(client, ops, { concurrency: IN_FLIGHT, deadline: Date.now() + 12 * 60_000, mayStart }, stats)
      .catch((err: unknown) => { phase.failed = true; throw err; })
      .finally(() => { phase.clientDone = true; });
  } finally {
    // Even after a failure: no restart may happen once the caller has killed everything.
    await killing;
    clearInterval(growing);
  }
  if (killError) throw killError;
  return { stats, kills };
}

function report(kind: string, cluster: CrashCluster, run: { stats: RunStats; kills: string[] }, drain: { stale: number; rounds: number }, ms: { client: number; whole: number }, counts: Record<string, number>): void {
  const { stats, kills } = run;
  console.log(`# crash suite on ${kind}: ${OPS} operations, ${kills.length} kills (${cluster.starts.server - 2} server and ${cluster.starts.worker - 1} worker restarts), `
    + `${stats.killsInFlight ?? 0} of them with operations in flight, ${stats.acknowledged} acknowledged, ${stats.retries} retried attempts, client phase ${(ms.client / 1000).toFixed(0)} s, whole run ${(ms.whole / 1000).toFixed(0)} s; `
    + `${drain.stale} jobs left leased by killed workers, drained in ${drain.rounds} rounds`);
  console.log(`# failures by reason: ${JSON.stringify(Object.fromEntries(stats.failures))}`);
  console.log(`# tally: ${JSON.stringify(counts)}`);
  console.log(kills.map((k) => `#   ${k}`).join('\n'));
  if (cluster.errors.length) console.log(`# errors the processes logged:\n${cluster.errors.map((e) => `#   ${e}`).join('\n')}`);
}

async function crashRun(kind: StoreKind): Promise<void> {
  const started = Date.now();
  const store = await kind.create();
  const fx = await startCrashFixtures({ articles: OPS, feeds: FEEDS, items: 20 });
  const port = await freePort();
  const env = cleanEnv({
    PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: store.reopen.databaseUrl, NEWSDESK_DATA_DIR: store.reopen.dataDir,
    NEWSDESK_FETCH_ALLOW: fx.server.allow, NEWSDESK_DEMO: '0', NEWSDESK_SHUTDOWN_GRACE_MS: '10000', NEWSDESK_WORKER_CONCURRENCY: '4',
  });
  const cluster = new CrashCluster({ server: { ...env, LOG_LEVEL: 'warn' }, worker: { ...env, LOG_LEVEL: 'info' } });
  const client = new CrashClient(`http://127.0.0.1:${port}`);
  try {
    await seed(store, fx);
    await Promise.all([cluster.start('server'), cluster.start('worker')]);
    await client.signIn(EDITOR.email, EDITOR.password);
    const ops = operations(fx.server.origin);
    // 1. The editor works while processes die under it (workUnderKills).
    const run = await workUnderKills(cluster, client, ops, fx);
    const clientMs = Date.now() - started;
    // 2. Let the live worker finish what is due (scheduled publishes), then stop both the polite way.
    await sleep(8000);
    await cluster.stopAll();
    const drain = await drainAfterLeases(store, fx);
    // 3. The invariants, read from the database; then the reader site of a fresh server.
    const problems = [
      ...(await checkJobs(store, drain.at)), ...(await checkNoDoubles(store)),
      ...(await checkPiecesWhole(store)), ...(await checkAcknowledged(store, ops)),
    ];
    await cluster.start('server');
    problems.push(...(await publicPages(client.base, ops)));
    await cluster.stop('server');
    if (kind.name === 'sqlite') problems.push(...sqliteIntegrity(store.reopen.dataDir));
    report(kind.name, cluster, run, drain, { client: clientMs, whole: Date.now() - started }, await tally(store));
    assert.equal(run.kills.length, KILLS);
    // A client that outran the killer would leave the kills hitting idle processes and prove nothing.
    assert.ok((run.stats.killsInFlight ?? 0) >= KILLS / 2, `only ${run.stats.killsInFlight ?? 0} of ${KILLS} kills landed with operations in flight`);
    assert.equal(ops.filter((o) => o.acked).length, OPS, 'every operation was acknowledged in the end');
    assert.deepEqual(problems.slice(0, 50), [], `${problems.length} problems after the crash run`);
  } finally {
    await cluster.killAll();
    await client.close();
    await fx.close();
    await store.close();
  }
}

for (const kind of storeKinds()) {
  describe(`crashes lose nothing on ${kind.name}`, () => {
    it('keeps every acknowledged publish whole, does nothing twice and loses no job through 20 SIGKILLs', async () => {
      await crashRun(kind);
    });
  });
}
