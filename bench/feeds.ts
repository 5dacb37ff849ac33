/*
 * `npm run bench:feeds`: newsdesk's feed worker against a local fixture server serving 10,000 feeds of
 * mixed behaviour (304, changed, syndicated, slow, 500, timeouts, resets, malformed, 5 MB, 301/302).
 * Runs on SQLite with one worker process, then on PostgreSQL (NEWSDESK_TEST_DATABASE_URL) with two.
 * Each run does two passes: a cold one (every feed new) and a warm one (validators, new items).
 * The workers are `newsdesk worker` as a deployment starts it (bench/feeds-process.ts), measured from outside.
 * Settings: BENCH_FEEDS (10000), BENCH_CONCURRENCY (unset: the product default of NEWSDESK_FEED_CONCURRENCY; a number sets it),
 * BENCH_HEAP_MB (unset: the product default of NEWSDESK_WORKER_HEAP_MB), BENCH_ONLY (sqlite|postgres).
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrateToLatest } from '../src/store/migrate.ts';
import { openStore, type Store } from '../src/store/open.ts';
import { startWorker, stopWorker } from './feeds-process.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const FEEDS = Number(process.env.BENCH_FEEDS ?? 10_000);
const CONCURRENCY = process.env.BENCH_CONCURRENCY ?? 'default';
const PASS_LIMIT_MS = 20 * 60_000;

type Msg = { type: string; [k: string]: unknown };
function start(file: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; first: Msg }> {
  const child = fork(path.join(here, file), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ child, first: m as Msg }));
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
}
function ask(child: ChildProcess, type: string, want: string): Promise<Msg> {
  return new Promise((resolve) => {
    const on = (m: Msg) => { if (m.type === want) { child.off('message', on); resolve(m); } };
    child.on('message', on);
    child.send({ type });
  });
}

// The feeds spread over the fixture's hosts; the worker declared its schedules itself (the 10 s feeds tick).
async function seed(store: Store, hosts: string[], port: number): Promise<void> {
  const now = new Date().toISOString();
  for (let i = 0; i < FEEDS; i += 500) {
    const rows = Array.from({ length: Math.min(500, FEEDS - i) }, (_, k) => {
      const n = i + k;
      const host = hosts[n % hosts.length]!;
      return { url: `http://${host}:${port}/feed/${n}.xml`, host, next_check_at: now, created_at: now, updated_at: now };
    });
    await store.db.insertInto('feeds').values(rows).execute();
  }
}

async function waitPass(store: Store, since: string): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    const r = await store.db.selectFrom('feeds').select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.or([eb('last_checked_at', 'is', null), eb('last_checked_at', '<', since)])).where('paused_reason', 'is', null).executeTakeFirstOrThrow();
    if (Number(r.n) === 0) return Date.now() - t0;
    if (Date.now() - t0 > PASS_LIMIT_MS) throw new Error(`pass not finished after 20 min: ${r.n} feeds left`);
    await new Promise((res) => setTimeout(res, 500));
  }
}

async function countCandidates(store: Store): Promise<{ rows: number; keys: Map<string, number> }> {
  const rows = await store.db.selectFrom('candidates').select('url').execute();
  const keys = new Map<string, number>();
  for (const r of rows) {
    const m = /\/story\/(w\d+)|\/news\/(c\d+x\d+)|\/s\/(\d+)\/(\d+)|\/a\/(\d+)\/(\d+)|\/h\/(\d+)\/(\d+)/.exec(r.url);
    const key = !m ? r.url : m[1] ?? m[2] ?? (m[3] ? `s${m[3]}x${m[4]}` : m[5] ? `u${m[5]}x${m[6]}` : `h${m[7]}x${Number(m[8])}`);
    keys.set(key, (keys.get(key) ?? 0) + 1);
  }
  return { rows: rows.length, keys };
}

async function run(kind: 'sqlite' | 'postgres', workers: number, fixture: ChildProcess, hosts: string[], port: number): Promise<Record<string, unknown>> {
  // 1. A fresh database with 10,000 due feeds.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-feeds-'));
  let databaseUrl = '';
  const admin = process.env.NEWSDESK_TEST_DATABASE_URL;
  const dbName = `newsdesk_bench_${process.pid}`;
  if (kind === 'postgres') {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${dbName}`);
    await c.end();
    const u = new URL(admin!);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  }
  const store = await openStore({ databaseUrl: databaseUrl || undefined, dataDir });
  await migrateToLatest(store);
  await ask(fixture, 'reset', 'reset');
  // 2. Worker processes, started before the feeds exist so that their baseline memory is measured idle.
  const env: Record<string, string> = {
    NEWSDESK_DATA_DIR: dataDir, NEWSDESK_FETCH_ALLOW: hosts.map((h) => `${h}:${port}`).join(','),
    ...(CONCURRENCY === 'default' ? {} : { NEWSDESK_FEED_CONCURRENCY: CONCURRENCY }), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...(process.env.BENCH_HEAP_MB ? { NEWSDESK_WORKER_HEAP_MB: process.env.BENCH_HEAP_MB } : {}),
  };
  const children = await Promise.all(Array.from({ length: workers }, (_, k) => startWorker(env, path.join(dataDir, `worker-${k}.log`))));
  await seed(store, hosts, port);
  // 3. Cold pass, then a warm pass as if the interval had elapsed.
  const cold = await waitPass(store, '0');
  const pass1 = await ask(fixture, 'new-pass', 'pass');
  const warmStart = new Date().toISOString();
  await store.db.updateTable('feeds').set({ next_check_at: warmStart }).execute();
  const warm = await waitPass(store, warmStart);
  // 4. Stop workers, collect their CPU and peak RSS, count what was stored.
  const usage = await Promise.all(children.map((c) => stopWorker(c)));
  const served = await ask(fixture, 'served', 'served');
  const { rows, keys } = await countCandidates(store);
  const expected = served.keys as string[];
  const lost = expected.filter((k) => !keys.has(k)).length;
  const duplicates = [...keys.values()].reduce((n, c) => n + c - 1, 0);
  const retaken = await store.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('name', '=', 'feeds.refresh').where('attempts', '>', 1).executeTakeFirstOrThrow();
  const states = await store.db.selectFrom('feeds').select(['last_status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('last_status').execute();
  // 301 feeds must now point at their new URL; 302 feeds must keep theirs.
  const moved = await store.db.selectFrom('feeds').select((eb) => eb.fn.countAll<number>().as('n')).where('url', 'like', '%/moved/%').executeTakeFirstOrThrow();
  const paused = await store.db.selectFrom('feeds').select((eb) => eb.fn.countAll<number>().as('n')).where('consecutive_errors', '>', 0).executeTakeFirstOrThrow();
  await store.close();
  if (kind === 'postgres') {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await c.end();
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    store: kind, workers, feeds: FEEDS, concurrency: CONCURRENCY, heapMb: process.env.BENCH_HEAP_MB ?? 'default', coldSeconds: +(cold / 1000).toFixed(1), coldFeedsPerMinute: Math.round(FEEDS / (cold / 60_000)),
    warmSeconds: +(warm / 1000).toFixed(1), warmFeedsPerMinute: Math.round(FEEDS / (warm / 60_000)),
    cpuSeconds: usage.map((u) => u.cpuSeconds), peakTreeRssMb: usage.map((u) => u.peakTreeRssMb), peakRssMb: usage.map((u) => u.peakRssMb), rssAtStartMb: usage.map((u) => u.rssAtStartMb),
    heapLimitMb: usage.map((u) => u.heapLimitMb), logLines: usage.map((u) => u.logLines),
    itemsServed: expected.length, candidates: rows, lost, duplicates, jobsTakenTwice: Number(retaken.n),
    feedsFetchedTwiceInAPass: (pass1.fetchedTwice as number) + (served.fetchedTwice as number),
    feedsMovedBy301: Number(moved.n), feedsWithErrors: Number(paused.n), lastStatus: Object.fromEntries(states.map((s) => [String(s.last_status), Number(s.n)])),
  };
}

const { child: fixture, first } = await start('feeds-fixture.ts');
const port = first.port as number;
const hosts = first.hosts as string[];
const results: Record<string, unknown>[] = [];
try {
  if (process.env.BENCH_ONLY !== 'postgres') results.push(await run('sqlite', 1, fixture, hosts, port));
  if (process.env.BENCH_ONLY !== 'sqlite') {
    if (process.env.NEWSDESK_TEST_DATABASE_URL) results.push(await run('postgres', 2, fixture, hosts, port));
    else console.log('PostgreSQL run skipped: set NEWSDESK_TEST_DATABASE_URL=postgres://…');
  }
} finally {
  fixture.send({ type: 'stop' });
}
for (const r of results) console.log(JSON.stringify(r));
fs.mkdirSync(path.join(here, 'out'), { recursive: true });
fs.writeFileSync(path.join(here, 'out', 'feeds.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, results }, null, 2)}\n`);
