/*
 * One worker process of the feeds benchmark: newsdesk's real job worker with the feed handlers,
 * reaching the fixture server's many host names through safeFetch (allowlisted, resolved to 127.0.0.1).
 */
import type { KyselyPlugin } from 'kysely';
import pino from 'pino';
import { createFeedFetch } from '../src/ingest/feed-fetch.ts';
import { feedJobHandlers } from '../src/jobs/feed-jobs.ts';
import { createWorker } from '../src/jobs/worker.ts';
import { openStore } from '../src/store/open.ts';

const [databaseUrl, dataDir, allow, concurrency] = [process.env.BENCH_DATABASE_URL || undefined, process.env.BENCH_DATA_DIR!, process.env.BENCH_ALLOW!, Number(process.env.BENCH_CONCURRENCY ?? 64)];
const opened = await openStore({ databaseUrl, dataDir, poolSize: 10 });
// BENCH_PROF: time every statement by kind and table, to see where the database time goes.
const timing = new Map<string, { n: number; ms: number }>();
const started = new Map<unknown, { key: string; t: number }>();
const plugin: KyselyPlugin = {
  transformQuery(args) {
    const node = args.node as unknown as { kind: string; from?: { froms: { table?: { identifier?: { name: string } } }[] }; into?: { table: { identifier: { name: string } } }; table?: { table: { identifier: { name: string } } } };
    const table = node.from?.froms?.[0]?.table?.identifier?.name ?? node.into?.table.identifier.name ?? node.table?.table?.identifier?.name ?? '';
    started.set(args.queryId, { key: `${node.kind} ${table}`, t: performance.now() });
    return args.node;
  },
  async transformResult(args) {
    const s = started.get(args.queryId);
    if (s) {
      started.delete(args.queryId);
      const e = timing.get(s.key) ?? { n: 0, ms: 0 };
      e.n++;
      e.ms += performance.now() - s.t;
      timing.set(s.key, e);
    }
    return args.result;
  },
};
const store = process.env.BENCH_PROF ? { ...opened, db: opened.db.withPlugin(plugin) } : opened;
const logger = pino({ level: 'silent' });
const feedFetch = createFeedFetch({ allow, userAgent: 'newsdesk-bench', totalTimeoutMs: 10_000, lookup: async () => [{ address: '127.0.0.1', family: 4 }] });
const handlers = feedJobHandlers({ store, logger, now: () => new Date(), feeds: { allow, userAgent: 'newsdesk-bench', fetch: feedFetch.fetch, perHost: 1, maxBacklog: 1000 } });
const worker = createWorker({ store, logger, handlers, concurrency, pollMs: 100, leaseMs: 120_000 });
const rssAtStart = process.memoryUsage().rss;
worker.start();
// Where the memory is at its peak: V8 heap vs buffers outside it (sockets, bodies).
const peak = { rss: 0, heapTotal: 0, external: 0, arrayBuffers: 0 };
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  if (m.rss > peak.rss) Object.assign(peak, { rss: m.rss, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers });
}, 250);
process.send?.({ type: 'ready' });
process.on('message', async (msg: { type: string }) => {
  if (msg.type !== 'stop') return;
  await worker.stop();
  await feedFetch.close();
  await store.close();
  if (process.env.BENCH_PROF) for (const [k, v] of [...timing].sort((a, b) => b[1].ms - a[1].ms)) console.error(`${v.ms.toFixed(0).padStart(7)} ms ${String(v.n).padStart(7)} × ${k}`);
  const cpu = process.cpuUsage();
  clearInterval(sampler);
  const mb = (n: number) => Math.round(n / 1048576);
  process.send?.({ type: 'usage', cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssMb: process.resourceUsage().maxRSS / 1024, rssAtStartMb: mb(rssAtStart), atPeak: { rss: mb(peak.rss), heapTotal: mb(peak.heapTotal), external: mb(peak.external), arrayBuffers: mb(peak.arrayBuffers) } });
  process.exit(0);
});
