import v8 from 'node:v8';
import type { Command } from 'commander';
import type { Logger } from 'pino';
import { FEED_LANE_JOBS } from '../jobs/feed-jobs.ts';
import { declareSchedules, jobHandlers } from '../jobs/handlers.ts';
import { createWorker, type Worker } from '../jobs/worker.ts';
import { hubPostVia } from '../ingest/websub.ts';
import { createFetcher } from '../net/safe-fetch.ts';
import { ensureFirstAdmin } from '../newsroom/accounts.ts';
import { seedDemoIfEmpty } from '../newsroom/demo.ts';
import type { Store } from '../store/open.ts';
import { pasteFetcher } from './capture.ts';
import { CliError } from './cli-error.ts';
import { openMigrated, type CliContext } from './context.ts';

/** Starts the worker for a process (shared by `serve` and `worker`). */
export async function startWorker(ctx: CliContext, store: Store, logger: Logger): Promise<Worker> {
  const now = () => new Date();
  const { fetchAllow: allow, siteUrl } = ctx.config;
  const userAgent = `newsdesk/0.1 (+${siteUrl})`;
  await declareSchedules(store, now(), { websub: true });
  // Hubs are third-party hosts: their POSTs go through safeFetch like every other request (no robots, no redirects).
  const hubFetcher = createFetcher({ allow, userAgent, totalTimeoutMs: 15_000 });
  // The callback routes are mounted by web/app.ts at /websub (web/websub/routes.ts).
  const websub = { callbackBase: `${siteUrl}/websub`, hubPost: hubPostVia(hubFetcher) };
  const handlers = jobHandlers({ store, logger, now, feeds: { allow, userAgent, websub }, links: { allow, userAgent } });
  const worker = createWorker({
    store, logger: logger.child({ room: 'jobs' }), handlers, concurrency: ctx.config.workerConcurrency,
    lanes: [{ names: FEED_LANE_JOBS, concurrency: ctx.config.feedConcurrency }],
  });
  worker.start();
  return worker;
}

/** Stops everything on SIGTERM/SIGINT: no new work, in-flight requests and jobs finish, then exit. */
export function onShutdown(logger: Logger, graceMs: number, steps: (() => Promise<void>)[]): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => { logger.error({ graceMs }, 'shutdown took too long; exiting'); process.exit(1); }, graceMs);
    force.unref();
    for (const step of steps) await step().catch((err: unknown) => logger.error({ err }, 'shutdown step failed'));
    logger.flush();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

async function serve(ctx: CliContext, opts: { worker: boolean }): Promise<void> {
  const logger = ctx.logger('stdout');
  const { config } = ctx;
  const store = await openMigrated(ctx);
  const now = new Date();
  const admin = await ensureFirstAdmin(store, now);
  if (admin) {
    process.stdout.write(`\nFirst start: created the admin account\n  email:    ${admin.email}\n  password: ${admin.password}\nThis is shown once. Change it with \`newsdesk user password --email ${admin.email}\`.\n\n`);
  }
  if (config.demo && (await seedDemoIfEmpty(store, { siteUrl: config.siteUrl, now }))) {
    process.stdout.write('Seeded the demo site (fictional content). Remove it with `newsdesk demo --clear`.\n');
  }
  const fetcher = pasteFetcher(config);
  // Loaded here, not at the top: the web app (Fastify, every page) is ~30 MB that `newsdesk worker` never uses.
  const { buildApp } = await import('../web/app.ts');
  const app = await buildApp({ store, logger, siteUrl: config.siteUrl, trustProxy: config.trustProxy, fetchPage: (u) => fetcher.fetch(u) });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await store.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`port ${config.port} on ${config.host} is already in use; stop the other program or set PORT to a free port`);
    if (code === 'EACCES') throw new CliError(`not allowed to listen on ${config.host}:${config.port}; use a port above 1024 or set HOST`);
    if (code === 'EADDRNOTAVAIL') throw new CliError(`HOST ${config.host} is not an address of this machine`);
    throw err;
  }
  const worker = opts.worker ? await startWorker(ctx, store, logger) : undefined;
  onShutdown(logger, config.shutdownGraceMs, [
    () => app.close(),
    () => fetcher.close(),
    async () => { await worker?.stop(); },
    () => store.close(),
  ]);
  process.stdout.write(`newsdesk is serving ${config.siteUrl} (listening on http://${config.host}:${config.port}, ${store.dialect} at ${store.location}${worker ? ', with worker' : ', web only'})\n`);
}

/** `newsdesk serve [--no-worker]`. */
export function registerServe(program: Command, ctx: CliContext): void {
  program.command('serve').description('serve the site and the editors\u2019 UI, with an in-process job worker')
    .option('--no-worker', 'web only: run jobs in separate `newsdesk worker` processes')
    .action((opts: { worker: boolean }) => serve(ctx, opts));
}

/** `newsdesk worker`. */
export function registerWorker(program: Command, ctx: CliContext): void {
  program.command('worker').description('run background jobs (feeds, captures, link checks, schedules) until stopped')
    .action(async () => {
      const logger = ctx.logger('stdout');
      const store = await openMigrated(ctx);
      const worker = await startWorker(ctx, store, logger);
      // The heap limit shows whether bin/newsdesk.mjs applied NEWSDESK_WORKER_HEAP_MB (it does unless started another way).
      const heapLimitMb = Math.round(v8.getHeapStatistics().heap_size_limit / 1_048_576);
      logger.info({ workerId: worker.id, database: store.dialect, heapLimitMb }, 'worker started');
      onShutdown(logger, ctx.config.shutdownGraceMs, [() => worker.stop(), () => store.close()]);
    });
}
