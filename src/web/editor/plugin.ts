import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FetchPage } from '../../ingest/capture.ts';
import { AppError, type AppErrorCode } from '../../model/app-error.ts';
import type { Store } from '../../store/open.ts';
import { getSetting, putSetting } from '../../store/settings.ts';
import { siteRuntimeOf } from '../site/routes.ts';
import { registerCapture } from './capture.ts';
import { registerDirectory } from './directory.ts';
import { registerDirectoryEdit } from './directory-edit.ts';
import { registerInbox } from './inbox.ts';
import { registerLinksScreen } from './links.ts';
import { registerAuditScreen } from './audit.ts';
import { registerFeedAdd } from './feed-add.ts';
import { notice } from './layout.ts';
import { m } from './messages.ts';
import { registerPieceEdit } from './piece-edit.ts';
import { registerPieces } from './pieces.ts';
import { EditorRouter, type EditorRequest, type RouteSpec } from './router.ts';
import { registerSettings } from './settings.ts';
import { registerPasswordReset } from './password-reset.ts';
import { registerSignIn } from './sign-in.ts';
import { registerUsers } from './users.ts';

const ASSETS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets');
const STATUS: Record<AppErrorCode, number> = { 'not-found': 404, gone: 410, forbidden: 403, unauthenticated: 401, invalid: 400, conflict: 409, unavailable: 503, internal: 500 };
const tables = new WeakMap<object, RouteSpec[]>();

/** What `registerEditor` needs from the app. */
export interface RegisterEditorOptions {
  store: Store;
  siteUrl: string;
  now: () => Date;
  fetchPage?: FetchPage;
}

/** The declared editor routes of an app (method, path, least role), for the route × role test. */
export function editorRoutesOf(app: object): readonly RouteSpec[] {
  return tables.get(app) ?? [];
}

function assetVersion(): string {
  const h = crypto.createHash('sha256');
  for (const f of ['site.css', 'editor.css', 'editor.js']) h.update(fs.readFileSync(path.join(ASSETS, f)));
  return h.digest('hex').slice(0, 10);
}

/** The HMAC key of CSRF tokens: one per database, so every web process of a site accepts the same tokens. */
async function csrfKey(store: Store, now: Date): Promise<string> {
  try {
    return await storedCsrfKey(store, now);
  } catch {
    // The database is not ready yet (/readyz says so); a per-process key keeps this process working meanwhile.
    return crypto.randomBytes(32).toString('base64url');
  }
}

async function storedCsrfKey(store: Store, now: Date): Promise<string> {
  const known = await getSetting<string | null>(store.db, 'editor.csrf-key', null);
  if (known) return known;
  await putSetting(store.db, 'editor.csrf-key', crypto.randomBytes(32).toString('base64url'), now.toISOString());
  // Read back: if two processes raced, both use whichever write won.
  return (await getSetting<string | null>(store.db, 'editor.csrf-key', null))!;
}

/** Registers the editors' UI under /editor: cookies, form bodies, CSRF, sign-in rate limit, and every screen. */
export async function registerEditor(app: FastifyInstance, opts: RegisterEditorOptions): Promise<void> {
  const secure = opts.siteUrl.startsWith('https:');
  const hmacKey = await csrfKey(opts.store, opts.now());
  const routes: RouteSpec[] = [];
  tables.set(app, routes);
  await app.register(async (scope) => {
    // Declared up front so every request object has the same shape (the router fills it in its preHandler).
    scope.decorateRequest('editor', null);
    await scope.register(cookie);
    await scope.register(formbody, { bodyLimit: 1_048_576 });
    await scope.register(rateLimit, { global: false });
    await scope.register(csrf, {
      sessionPlugin: '@fastify/cookie', cookieKey: 'nd_csrf', cookieOpts: { path: '/editor', httpOnly: true, sameSite: 'lax', secure },
      csrfOpts: { hmacKey, userInfo: true }, getUserInfo: (req) => ((req as FastifyRequest & { editor?: EditorRequest }).editor?.sessionHash ?? 'anonymous'),
    });
    const deps = {
      store: opts.store, siteUrl: opts.siteUrl, now: opts.now, assetVersion: assetVersion(), ...(opts.fetchPage ? { fetchPage: opts.fetchPage } : {}),
      afterPublicChange: async () => { await siteRuntimeOf(app)?.syncNow(); },
    };
    const router = new EditorRouter(scope, deps, secure);
    registerSignIn(router);
    registerPasswordReset(router);
    registerCapture(router);
    registerInbox(router);
    registerLinksScreen(router);
    registerAuditScreen(router);
    registerFeedAdd(router);
    registerPieces(router);
    registerPieceEdit(router);
    registerDirectory(router);
    registerDirectoryEdit(router);
    registerUsers(router);
    registerSettings(router);
    routes.push(...router.routes);
    scope.setErrorHandler(async (err, req, reply) => {
      const status = err instanceof AppError ? STATUS[err.code] : (err as { statusCode?: number }).statusCode ?? 500;
      if (status >= 500) req.log.error({ err, url: req.url }, 'editor request failed');
      const e = (req as FastifyRequest & { editor?: EditorRequest }).editor;
      const text = status === 413 ? m(e?.lang ?? 'en', 'tooLarge') : status >= 500 ? 'Something went wrong; the error was logged.' : (err as Error).message;
      if (!e) return reply.code(status).type('text/plain; charset=utf-8').send(text);
      return reply.code(status).type('text/html; charset=utf-8').send(e.page({ title: m(e.lang, 'error'), main: notice('error', text) }).value);
    });
  });
}
