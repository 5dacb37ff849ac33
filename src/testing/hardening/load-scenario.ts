/*
 * Issue #8 §5, the load scenario shared by `npm run bench:load` (which reports) and load.hardening.ts (which
 * asserts): a seeded SQLite site served by a real `newsdesk serve` process with its in-process worker; feeds on a
 * loopback server that the worker polls and ingests during the run; an editor who signs in over HTTP and
 * captures and publishes a piece every 1–2 s; and 200 concurrent readers (autocannon) on the home page, piece
 * pages, search and the feeds, all at once, for a bounded time, on 127.0.0.1 only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { addUser } from '../../newsroom/accounts.ts';
import { insertFeed } from '../../store/feeds.ts';
import { migrateToLatest } from '../../store/migrate.ts';
import { openStore } from '../../store/open.ts';
import { cleanEnv, freePort, startServer, type Server } from '../run-cli.ts';
import { seedBenchSite } from '../site-seed.ts';
import { HttpEditor } from './editor-http.ts';
import { startLoadFixtures, type LoadFixtures } from './load-fixtures.ts';
import { readerTargets, readTarget, type TargetFigures } from './load-readers.ts';

/** Settings of one run. */
export interface LoadOptions {
  /** Measured seconds (the issue: 60). */
  seconds: number;
  /** Published pieces seeded before the run. */
  pieces: number;
  /** Concurrent reader connections (the issue: 200). */
  connections: number;
  /** Feeds added, due one after the other across the run. */
  feeds: number;
  /** Unmeasured warm-up seconds before the run (JIT, first builds). */
  warmupSeconds: number;
  /** Progress lines. */
  log: (line: string) => void;
}

/** Everything one run measured. */
export interface LoadResult {
  options: Omit<LoadOptions, 'log'>;
  targets: TargetFigures[];
  /** Peak VmRSS of the server process during the measured run, MB. */
  rssPeakMb: number;
  published: number;
  publishFailures: string[];
  /** Publish round trips (capture → edit screen → publish), ms, in order. */
  publishMs: number[];
  /** Candidates the worker stored from the feeds during the run, and feed answers served. */
  ingested: number;
  feedPolls: number;
  loadStart: number[];
  loadEnd: number[];
  /** Highest 1-minute load average sampled during the run. */
  loadPeak: number;
  /** Server CPU time during the run, as % of one core. */
  serverCpuPercent: number;
  /** Event-loop delay of the process running the readers, ms: when high, the latencies include the client's own waiting. */
  clientDelay: { p99: number; max: number };
  /** The server's event-loop delay (load-probe.mjs), ms: the highest, and the seconds of the run that saw a stall over 100 ms. */
  serverDelay: { max: number; secondsOver100: number; seconds: number };
  /** True for the baseline run without editor and feeds. */
  readersOnly: boolean;
  serverExit: number | null;
  node: string;
  startedAt: string;
}

const EDITOR = { email: 'load-editor@test.example', password: 'correct horse battery staple' };

/** Defaults of the issue: 60 s, 200 readers, 10,000 pieces, 30 feeds, 5 s warm-up. */
export function loadOptions(env: NodeJS.ProcessEnv, log: (line: string) => void): LoadOptions {
  const num = (k: string, d: number) => (env[k] ? Number(env[k]) : d);
  return { seconds: num('LOAD_SECONDS', 60), pieces: num('LOAD_PIECES', 10_000), connections: num('LOAD_CONNECTIONS', 200), feeds: num('LOAD_FEEDS', 30), warmupSeconds: num('LOAD_WARMUP_SECONDS', 5), log };
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** Seeds the site and the editor; returns piece paths readers ask for (the newest first, then a spread of older ones). */
async function seed(dataDir: string, opts: LoadOptions, base: string): Promise<string[]> {
  const store = await openStore({ dataDir });
  try {
    await migrateToLatest(store);
    await seedBenchSite(store, opts.pieces, base);
    await addUser(store, { email: EDITOR.email, role: 'editor', password: EDITOR.password, now: new Date() });
    const newest = await store.db.selectFrom('pieces').select('path').orderBy('published_at', 'desc').limit(12).execute();
    const spread = Array.from({ length: 8 }, (_, i) => 1 + Math.floor((i * opts.pieces) / 8));
    const older = await store.db.selectFrom('pieces').select('path').where('id', 'in', spread).execute();
    return [...newest, ...older].map((r) => r.path!).filter(Boolean);
  } finally {
    await store.close();
  }
}

/** Adds the feeds with their first checks spread over the run, so the worker ingests throughout. */
async function addFeeds(dataDir: string, fixtures: LoadFixtures, opts: LoadOptions): Promise<void> {
  const store = await openStore({ dataDir });
  try {
    const start = Date.now();
    for (let i = 0; i < opts.feeds; i++) {
      const due = new Date(start + Math.floor((i * opts.seconds * 1000 * 0.8) / opts.feeds)).toISOString();
      await insertFeed(store.db, { url: fixtures.feedUrl(i), title: `Load feed ${i}`, intervalSeconds: 900, now: due });
    }
  } finally {
    await store.close();
  }
}

async function countCandidates(dataDir: string): Promise<number> {
  const store = await openStore({ dataDir });
  try {
    return Number((await store.db.selectFrom('candidates').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  } finally {
    await store.close();
  }
}

/** The editor's loop: capture and publish a new article every 1–2 s until `until`. */
async function editorLoop(editor: HttpEditor, fixtures: LoadFixtures, until: number, out: Pick<LoadResult, 'publishFailures' | 'publishMs'> & { published: number }): Promise<void> {
  for (let n = 1; Date.now() < until; n++) {
    const next = Date.now() + 1000 + Math.random() * 1000;
    const t0 = Date.now();
    try {
      await editor.captureAndPublish(fixtures.articleUrl(n));
      out.published++;
      out.publishMs.push(Date.now() - t0);
    } catch (err) {
      out.publishFailures.push((err as Error).message);
    }
    const wait = Math.min(next, until) - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
}

const PROBE = fileURLToPath(new URL('./load-probe.mjs', import.meta.url));

/** The server's event-loop delay between `from` and `to` (ms since the epoch), from the probe's per-second lines. */
function readProbe(file: string, from: number, to: number): LoadResult['serverDelay'] {
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : [];
  const seconds = lines.map((l) => JSON.parse(l) as { at: number; max: number }).filter((x) => x.at > from && x.at <= to + 1000);
  return { max: Math.round(Math.max(0, ...seconds.map((x) => x.max))), secondsOver100: seconds.filter((x) => x.max > 100).length, seconds: seconds.length };
}

function cpuSeconds(pid: number): number {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name): user and system time in clock ticks (100 Hz on Linux).
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Samples the server's RSS, its CPU time, the load average and this process's event-loop delay during the run. */
function startSampling(pid: number): () => Pick<LoadResult, 'rssPeakMb' | 'loadStart' | 'loadEnd' | 'loadPeak' | 'serverCpuPercent' | 'clientDelay'> {
  const loadStart = os.loadavg();
  const cpu0 = cpuSeconds(pid);
  const t0 = Date.now();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let rssPeakMb = rssMb(pid);
  let loadPeak = loadStart[0]!;
  const timer = setInterval(() => {
    rssPeakMb = Math.max(rssPeakMb, rssMb(pid));
    loadPeak = Math.max(loadPeak, os.loadavg()[0]!);
  }, 100);
  return () => {
    clearInterval(timer);
    delay.disable();
    const serverCpuPercent = Math.round(((cpuSeconds(pid) - cpu0) / ((Date.now() - t0) / 1000)) * 100);
    return { rssPeakMb, loadStart, loadEnd: os.loadavg(), loadPeak, serverCpuPercent, clientDelay: { p99: Math.round(delay.percentile(99) / 1e6), max: Math.round(delay.max / 1e6) } };
  };
}

/** The measured run against a started server: readers, and (unless `readersOnly`) the editor and the feeds at once. */
async function measure(ctx: { base: string; pid: number; dataDir: string; fixtures: LoadFixtures; piecePaths: string[] }, opts: LoadOptions, readersOnly: boolean) {
  const targets = readerTargets(ctx.piecePaths, opts.connections);
  // Warm-up: every page built once and the JIT warm, as on a site that has been up for a while.
  await Promise.all(targets.map((t) => readTarget(ctx.base, { ...t, connections: Math.max(1, Math.round(t.connections / 4)) }, opts.warmupSeconds)));
  const editor = new HttpEditor(ctx.base);
  if (!readersOnly) await editor.signIn(EDITOR.email, EDITOR.password);
  const before = await countCandidates(ctx.dataDir);
  if (!readersOnly) await addFeeds(ctx.dataDir, ctx.fixtures, opts);
  const polls0 = ctx.fixtures.feedPolls();
  opts.log(`${readersOnly ? 'readers only' : `${opts.feeds} feeds added, editor publishing`}: ${opts.connections} readers for ${opts.seconds} s`);
  const out = { published: 0, publishFailures: [] as string[], publishMs: [] as number[] };
  const stop = startSampling(ctx.pid);
  const startedAt = new Date().toISOString();
  const until = Date.now() + opts.seconds * 1000;
  const [targetsOut] = await Promise.all([
    Promise.all(targets.map((t) => readTarget(ctx.base, t, opts.seconds))),
    readersOnly ? Promise.resolve() : editorLoop(editor, ctx.fixtures, until, out),
  ]);
  const sampled = stop();
  const ingested = readersOnly ? 0 : (await countCandidates(ctx.dataDir)) - before;
  return { targets: targetsOut, ...sampled, ...out, ingested, feedPolls: ctx.fixtures.feedPolls() - polls0, startedAt };
}

/** Runs the scenario once (`readersOnly`: the same readers with no editor and no feeds, as a baseline) and returns what it measured; stops everything it started. */
export async function runLoadScenario(opts: LoadOptions, readersOnly = false): Promise<LoadResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-load-'));
  const fixtures = await startLoadFixtures();
  let server: Server | undefined;
  try {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const t0 = Date.now();
    const piecePaths = await seed(dataDir, opts, base);
    opts.log(`seeded ${opts.pieces} pieces in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const probe = path.join(dataDir, 'event-loop.jsonl');
    server = await startServer(cleanEnv({
      NEWSDESK_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', NEWSDESK_SITE_URL: base, NEWSDESK_DEMO: 'false',
      NEWSDESK_FETCH_ALLOW: fixtures.allow, LOG_LEVEL: 'warn', LOAD_PROBE_FILE: probe,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${PROBE}`.trim(),
    }));
    const measured = await measure({ base, pid: server.child.pid!, dataDir, fixtures, piecePaths }, opts, readersOnly);
    const serverDelay = readProbe(probe, Date.parse(measured.startedAt), Date.parse(measured.startedAt) + opts.seconds * 1000);
    const serverExit = await server.stop();
    server = undefined;
    const { log: _log, ...options } = opts;
    return { options, readersOnly, ...measured, serverDelay, serverExit, node: process.version };
  } finally {
    await server?.stop();
    await fixtures.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
