import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { AppError, type AppErrorCode } from '../model/app-error.ts';
import { stripControlsDeep } from '../model/text.ts';
import { databaseAnswers, pendingMigrations } from '../store/migrate.ts';
import type { Store } from '../store/open.ts';
import { CSP_REPORT_PATH, cspReportsOf, registerCspReports } from './csp-report.ts';
import { registerEditor } from './editor/plugin.ts';
import { webSubRoutes } from './websub/routes.ts';
import { notFoundPage, registerSiteRoutes } from './site/routes.ts';
import type { FetchPage } from '../ingest/capture.ts';

const ASSETS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');

/** Everything the HTTP app needs; built once by `serve`. */
export interface AppDeps {
  store: Store;
  logger: Logger;
  siteUrl: string;
  trustProxy?: boolean;
  now?: () => Date;
  /** The fetcher of editors' pasted links (safeFetch); without it the Capture screen explains it is not configured. */
  fetchPage?: FetchPage;
}

const STATUS: Record<AppErrorCode, number> = {
  'not-found': 404, gone: 410, forbidden: 403, unauthenticated: 401, invalid: 400, conflict: 409, unavailable: 503, internal: 500,
};

/** A hash of the stylesheet, so its URL changes when it does and browsers may cache it for a year. */
function assetVersion(): string {
  return crypto.createHash('sha256').update(fs.readFileSync(path.join(ASSETS, 'site.css'))).digest('hex').slice(0, 10);
}

/** Builds the HTTP app: security headers, assets, health checks, reader pages; the one place errors become responses. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: deps.logger as FastifyBaseLogger, trustProxy: deps.trustProxy ?? false, bodyLimit: 1_048_576,
    // A line per request costs more than serving a cached page; errors are still logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }) as never, routerOptions: { maxParamLength: 500 } });
  const site = { store: deps.store, siteUrl: deps.siteUrl, assetVersion: assetVersion(), now: deps.now ?? (() => new Date()) };

  // Every form field, query and path segment loses its C0 controls before a handler sees it: a NUL fails a
  // PostgreSQL write (error 22021) and no control is meant as text (model/text.ts). Raw bodies (WebSub) stay as sent.
  app.addHook('preValidation', async (req) => {
    req.query = stripControlsDeep(req.query);
    req.params = stripControlsDeep(req.params);
    if (req.body && typeof req.body === 'object') req.body = stripControlsDeep(req.body);
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'https:', 'http:', 'data:'],
        frameAncestors: ["'none'"], formAction: ["'self'"], baseUri: ["'self'"], objectSrc: ["'none'"], upgradeInsecureRequests: null,
        // report-uri, not report-to: given both, Chromium ignores report-uri, and headless Chromium delivered no
        // Reporting API report within 90 s in our tests, so violations would go unseen (see SECURITY.md).
        reportUri: [CSP_REPORT_PATH],
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await registerCspReports(app);
  await app.register(fastifyStatic, { root: ASSETS, prefix: '/assets/', maxAge: '365d', immutable: true, index: false });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    try {
      await databaseAnswers(deps.store);
      const pending = await pendingMigrations(deps.store);
      if (pending.length) return reply.code(503).send({ status: 'migrations pending', pending });
      return { status: 'ready', database: deps.store.dialect, cspReports: cspReportsOf(app)?.count ?? 0 };
    } catch (err) {
      return reply.code(503).send({ status: 'database unavailable', error: (err as Error).message });
    }
  });

  registerSiteRoutes(app, site);
  await app.register(webSubRoutes, { prefix: '/websub', store: deps.store, now: site.now });
  await registerEditor(app, { store: deps.store, siteUrl: deps.siteUrl, now: site.now, ...(deps.fetchPage ? { fetchPage: deps.fetchPage } : {}) });
  addConditionalGet(app);

  app.setNotFoundHandler(async (_req, reply) => reply.code(404).type('text/html; charset=utf-8').send(await notFoundPage(site)));
  app.setErrorHandler(async (err, req, reply) => {
    const status = err instanceof AppError ? STATUS[err.code] : (err as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) req.log.error({ err, url: req.url }, 'request failed');
    const message = status >= 500 ? 'Something went wrong; the error was logged.' : (err as Error).message;
    return reply.code(status).type('text/plain; charset=utf-8').send(message);
  });
  return app;
}

/** Gives every 200 HTML page a strong ETag and answers a matching If-None-Match with 304. */
function addConditionalGet(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET' || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
    const etag = `"${crypto.createHash('sha1').update(payload).digest('base64url')}"`;
    reply.header('etag', etag);
    if (req.headers['if-none-match'] === etag) {
      reply.code(304);
      return '';
    }
    return payload;
  });
}
