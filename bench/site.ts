/*
 * `npm run bench:site`: seeds a database of 10,000 pieces, starts newsdesk (`serve --no-worker`) on it, and measures
 * with autocannon (50 connections, 10 s after a warm-up) the piece page, the home page and the site RSS, and in the
 * same run a plain node:http server that returns the same piece HTML from a prebuilt buffer (the ceiling).
 * Writes the figures into BENCHMARKS.md under "## Reader site" (other sections are left alone).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest } from '../src/store/migrate.ts';
import { openStore } from '../src/store/open.ts';
import { seedBenchSite } from '../src/testing/site-seed.ts';
import { writeSection } from './lib/report.ts';

interface CannonResult { requests: { average: number; total: number }; latency: { p50: number; p99: number }; errors: number; timeouts: number; non2xx: number }
const autocannon = createRequire(import.meta.url)('autocannon') as (o: Record<string, unknown>) => Promise<CannonResult>;

const PIECES = Number(process.env.BENCH_PIECES ?? 10_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = 3;
const CONNECTIONS = 50;
const HEADING = '## Reader site';

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

const SEARCH_WORDS = ['grain', 'corridor', 'port', 'ship', 'river', 'steppe', 'market', 'energy', 'court', 'election', 'budget', 'school'];
/** Requests for `/search` with a random two-word query and page each time (autocannon `requests`). */
const distinctSearches = [{
  setupRequest: (req: Record<string, unknown>) => {
    const pick = () => SEARCH_WORDS[Math.floor(Math.random() * SEARCH_WORDS.length)];
    return { ...req, path: `/search?q=${pick()}%20${pick()}&page=${1 + Math.floor(Math.random() * 100)}` };
  },
}];

/** Measures one URL (or the request generator given): warm-up, then the measured run, sampling the server's RSS. */
async function measure(name: string, url: string, pid: number, requests?: unknown[]) {
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP, ...(requests ? { requests } : {}) });
  let peak = 0;
  const timer = setInterval(() => { peak = Math.max(peak, rssMb(pid)); }, 250);
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, ...(requests ? { requests } : {}) });
  clearInterval(timer);
  peak = Math.max(peak, rssMb(pid));
  const row = { name, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx, rss: peak };
  console.error(`${name}: ${row.rps} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, errors ${row.errors}, RSS ${row.rss} MB`);
  return row;
}

function start(cmd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('error', (err) => { throw err; });
  return child;
}

const CEILING_SERVER = `
const http = require('node:http');
const body = require('node:fs').readFileSync(process.env.BENCH_HTML);
http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length }); res.end(body); })
  .listen(Number(process.env.PORT), '127.0.0.1');`;


async function main(): Promise<void> {
  const loadAtStart = os.loadavg();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-site-'));
  const port = 3700 + Math.floor(Math.random() * 200);
  const base = `http://127.0.0.1:${port}`;
  const children: ChildProcess[] = [];
  try {
    // 1. Seed the database.
    const t0 = Date.now();
    const store = await openStore({ dataDir });
    await migrateToLatest(store);
    const piecePath = await seedBenchSite(store, PIECES, base);
    await store.close();
    console.error(`seeded ${PIECES} pieces in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // 2. Start newsdesk and the ceiling server with the same piece HTML.
    const app = start(process.execPath, ['bin/newsdesk.mjs', 'serve', '--no-worker'], { NEWSDESK_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', NEWSDESK_DEMO: 'false', NEWSDESK_SITE_URL: base, LOG_LEVEL: 'warn' });
    children.push(app);
    await waitFor(`${base}/readyz`);
    const html = await (await fetch(`${base}${piecePath}`)).text();
    const css = await (await fetch(`${base}${/href="(\/assets\/site\.css[^"]*)"/.exec(html)![1]}`)).text();
    const home = await (await fetch(`${base}/`)).text();
    const rss = await (await fetch(`${base}/feed.xml`)).text();
    const htmlFile = path.join(dataDir, 'piece.html');
    fs.writeFileSync(htmlFile, html);
    const ceiling = start(process.execPath, ['-e', CEILING_SERVER], { BENCH_HTML: htmlFile, PORT: String(port + 1) });
    children.push(ceiling);
    await waitFor(`http://127.0.0.1:${port + 1}/`);
    // 3. Measure, one target at a time.
    // The ceiling is measured right before and right after the piece page, and their mean is the reference:
    // on a shared machine the load changes between runs, and this keeps the ratio honest both ways.
    const ceilingUrl = `http://127.0.0.1:${port + 1}${piecePath}`;
    const rows = [
      await measure('ceiling: node:http, prebuilt buffer (before)', ceilingUrl, ceiling.pid!),
      await measure('piece page', `${base}${piecePath}`, app.pid!),
      await measure('ceiling: node:http, prebuilt buffer (after)', ceilingUrl, ceiling.pid!),
      await measure('home page', `${base}/`, app.pid!),
      await measure('site RSS', `${base}/feed.xml`, app.pid!),
      // Distinct queries, so (nearly) every request misses the search cache and runs the full-text query.
      await measure('search, distinct two-word queries (cache misses)', `${base}/search`, app.pid!, distinctSearches),
    ];
    // 4. Report.
    const ceilingRps = Math.round((rows[0]!.rps + rows[2]!.rps) / 2);
    const kb = (s: string) => (Buffer.byteLength(s) / 1024).toFixed(1);
    const table = ['| target | req/s | p50 ms | p99 ms | errors | server RSS (peak) | ratio to ceiling (mean) |', '|---|---|---|---|---|---|---|',
      ...rows.map((r) => `| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.rss} MB | ${(r.rps / ceilingRps).toFixed(2)} |`)].join('\n');
    const piece = rows[1]!;
    const verdict = [`ceiling reference ${ceilingRps} req/s (mean of before and after)`, `piece page ${(piece.rps / ceilingRps * 100).toFixed(0)}% of the ceiling (target ≥ 60%)`, `p99 ${piece.p99} ms (target < 25 ms)`, `${piece.errors} errors (target 0)`,
      `piece page ${kb(html)} KB HTML + ${kb(css)} KB CSS = ${kb(html + css)} KB (target < 50 KB); home ${kb(home)} KB; RSS ${kb(rss)} KB`].join('; ');
    writeSection('BENCHMARKS.md', HEADING, `Command: \`npm run bench:site\` (run ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} CPUs, ${process.platform}/${process.arch}).
${PIECES.toLocaleString('en-US')} pieces in SQLite; newsdesk \`serve --no-worker\` and the ceiling server each run in their own process;
autocannon runs in the benchmark process: ${CONNECTIONS} connections, ${WARMUP} s warm-up, then ${DURATION} s measured, one target at a time;
load average at the start: ${loadAtStart.map((l) => l.toFixed(1)).join(', ')} (the machine is shared: compare ratios, not absolute figures).
Pages come from the in-process page cache after their first request (that is the design: a popular piece costs almost nothing).

${table}

Result: ${verdict}.`);
    console.error('BENCHMARKS.md section "Reader site" written');
  } finally {
    for (const c of children) c.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
