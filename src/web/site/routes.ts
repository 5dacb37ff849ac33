import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LANGUAGES, type Language } from '../../model/site.ts';
import { MAX_SEARCH_OFFSET, searchPieces } from '../../store/search.ts';
import { piecesByIds } from '../../store/site-queries.ts';
import {
  buildArchive, buildFeed, buildHome, buildList, buildPiece, buildRobots, buildSitemap, findScope, latestFew, monthScope, type BuildContext,
} from './builders.ts';
import { notFoundBody } from './errors.ts';
import type { FeedFormat } from './feeds.ts';
import { PAGE_SIZE, pageNumber } from './items.ts';
import type { RenderedPage } from './page-cache.ts';
import { SHORT_CACHE_CONTROL, TYPES, secure, sendPage, serveCached, type SecurityHeaders } from './respond.ts';
import { SiteRuntime, type SiteDeps } from './runtime.ts';
import { searchBusyPage, searchPage } from './search-page.ts';

export type { SiteDeps } from './runtime.ts';

/*
 * The reader site's routes. Pages in the default language have no prefix; `/uk/…` (or `/en/…` when Ukrainian is
 * the default) serves the same pages in the other language; a prefix naming the default language redirects to
 * the unprefixed URL. Cache keys are the prefix and path plus the page number; other query parameters (utm_…)
 * do not split the cache.
 */

const runtimes = new WeakMap<object, SiteRuntime>();

/** The reader site's runtime of an app or of the deps it was registered with (for `syncNow()` after publishing). */
export function siteRuntimeOf(appOrDeps: object): SiteRuntime | undefined {
  return runtimes.get(appOrDeps);
}

type Build = (b: BuildContext) => Promise<RenderedPage | null>;
// Site routes set helmet's headers themselves, computed once (see respond.ts `secure`).
const OWN_HEADERS = { helmet: false } as const;
const headerMemos = new WeakMap<SiteRuntime, SecurityHeaders>();
type Req = FastifyRequest<{ Params: Record<string, string>; Querystring: Record<string, unknown> }>;

const FEEDS: [string, FeedFormat][] = [['xml', 'rss'], ['atom', 'atom'], ['json', 'json']];

/** Registers the reader-facing pages, feeds, sitemaps and robots.txt; returns the site's runtime. */
export function registerSiteRoutes(app: FastifyInstance, deps: SiteDeps): SiteRuntime {
  const rt = new SiteRuntime(deps);
  headerMemos.set(rt, { value: null });
  runtimes.set(app, rt);
  runtimes.set(deps, rt);

  for (const lang of [null, ...LANGUAGES] as const) {
    const p = lang ? `/${lang}` : '';
    const route = (path: string, keyOf: (req: Req) => string, build: (req: Req) => Build) =>
      app.get(`${p}${path}`, OWN_HEADERS, (req: Req, reply) => handle(rt, lang, req, reply, keyOf(req), build(req)));
    const paged = (req: Req) => `${req.url.split('?')[0]}${pageNumber(req.query.page) > 1 ? `?page=${pageNumber(req.query.page)}` : ''}`;
    const plain = (req: Req) => req.url.split('?')[0]!;

    if (lang) route('', plain, () => buildHome);
    route('/', plain, () => buildHome);
    route('/:y/:m/:d/:slug', plain, (req) => async (b) => {
      const { y, m, d, slug } = req.params;
      return /^\d{4}$/.test(y!) && /^\d{2}$/.test(m!) && /^\d{2}$/.test(d!) ? buildPiece(b, `/${y}/${m}/${d}/${slug}`) : null;
    });
    route('/latest', paged, (req) => async (b) => buildList(b, (await findScope(b, 'latest', ''))!, '/latest', pageNumber(req.query.page), '/'));
    for (const kind of ['tag', 'people', 'outlets'] as const) {
      route(`/${kind}/:slug`, paged, (req) => async (b) => {
        const scope = await findScope(b, kind, req.params.slug!);
        const base = `/${kind}/${req.params.slug}`;
        return scope && buildList(b, scope, base, pageNumber(req.query.page), base);
      });
      for (const [ext, format] of FEEDS) {
        route(`/${kind}/:slug/feed.${ext}`, plain, (req) => async (b) => {
          const scope = await findScope(b, kind, req.params.slug!);
          return scope && buildFeed(b, scope, `/${kind}/${req.params.slug}`, format);
        });
      }
    }
    for (const [ext, format] of FEEDS) route(`/feed.${ext}`, plain, () => async (b) => buildFeed(b, { ...(await findScope(b, 'latest', ''))!, title: b.ctx.siteName, description: b.ctx.siteName }, '/', format));
    route('/archive', plain, () => buildArchive);
    route('/archive/:y/:m', paged, (req) => async (b) => {
      const scope = monthScope(b, req.params.y!, req.params.m!);
      return scope && buildList(b, scope, `/archive/${req.params.y}/${req.params.m}`, pageNumber(req.query.page));
    });
    app.get(`${p}/search`, OWN_HEADERS, (req: Req, reply) => search(rt, lang, req, reply));
    if (lang) app.get(`${p}/*`, OWN_HEADERS, (req: Req, reply) => notFound(rt, lang, req, reply));
  }

  const unprefixed = (path: string, build: Build) => app.get(path, OWN_HEADERS, (req: Req, reply) => handle(rt, null, req, reply, path, build));
  unprefixed('/sitemap.xml', (b) => buildSitemap(b, 'index'));
  unprefixed('/sitemaps/pages.xml', (b) => buildSitemap(b, 'pages'));
  unprefixed('/sitemaps/news.xml', (b) => buildSitemap(b, 'news'));
  unprefixed('/robots.txt', async (b) => buildRobots(b));
  app.get('/sitemaps/:file', OWN_HEADERS, (req: Req, reply) => {
    const match = /^pieces-(\d{1,6})\.xml$/.exec(req.params.file ?? '');
    const n = match ? Number(match[1]) : 0;
    return handle(rt, null, req, reply, `/sitemaps/pieces-${n}.xml`, (b) => buildSitemap(b, n));
  });
  return rt;
}

/** Checks a language prefix (the default language's prefix redirects), then serves from the cache or builds. */
async function handle(rt: SiteRuntime, lang: Language | null, req: Req, reply: FastifyReply, key: string, build: Build): Promise<FastifyReply> {
  secure(reply, headerMemos.get(rt)!);
  // No slug has control characters; PostgreSQL would reject a NUL in a query parameter.
  if (Object.values(req.params ?? {}).some((v) => /\p{Cc}/u.test(v))) return notFound(rt, lang, req, reply);
  if (lang) {
    const { ctx } = await rt.context();
    if (lang === ctx.defaultLang) {
      const rest = req.url.slice(lang.length + 1);
      return reply.redirect(rest.startsWith('/') ? rest : `/${rest}`, 301);
    }
    if (!ctx.languages.includes(lang)) return notFound(rt, null, req, reply);
  }
  const sent = await serveCached(req, reply, rt, key, async () => build({ rt, ...(await rt.context(lang ?? undefined)) }));
  return sent ? reply : notFound(rt, lang, req, reply);
}

/** Sends the 404 page in the request's language. */
async function notFound(rt: SiteRuntime, lang: Language | null, req: Req, reply: FastifyReply): Promise<FastifyReply> {
  secure(reply, headerMemos.get(rt)!);
  const { ctx, site } = await rt.context(lang ?? undefined);
  const body = notFoundBody(ctx, await latestFew({ rt, ctx, site }), req.url.split('?')[0]!.replace(/^\/(en|uk)(?=\/|$)/, '') || '/');
  return sendPage(reply, { status: 404, body: body.value, contentType: TYPES.html, keys: [], modified: '', cacheControl: SHORT_CACHE_CONTROL });
}

/** The search page, cached by query and page in the runtime's separate search cache. */
async function search(rt: SiteRuntime, lang: Language | null, req: Req, reply: FastifyReply): Promise<FastifyReply> {
  secure(reply, headerMemos.get(rt)!);
  const { ctx } = await rt.context(lang ?? undefined);
  if (lang && lang === ctx.defaultLang) return reply.redirect(req.url.slice(lang.length + 1), 301);
  const raw = Array.isArray(req.query.q) ? req.query.q[0] : req.query.q;
  const query = typeof raw === 'string' ? raw.slice(0, 10_000) : '';
  const page = Math.min(pageNumber(req.query.page), Math.floor(MAX_SEARCH_OFFSET / PAGE_SIZE) + 1);
  const key = `${lang ?? ''}:${page}:${crypto.createHash('sha1').update(query).digest('base64url')}`;
  const sync = rt.maybeSync();
  if (sync) await sync;
  rt.freshenSearch();
  await serveCached(req, reply, rt, key, async () => {
    const { store } = rt.deps;
    const found = await rt.searchLimiter.run(() => searchPieces(store.db, store.dialect, query, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }));
    if (!found) {
      reply.header('retry-after', '5');
      return { status: 503, body: searchBusyPage(ctx).value, contentType: TYPES.html, keys: [], modified: '', cacheControl: 'no-store' };
    }
    const views = await piecesByIds(store.db, found.ids);
    const body = searchPage(ctx, { query, terms: found.terms, views, total: found.total, page });
    return { status: 200, body: body.value, contentType: TYPES.html, keys: [], modified: rt.dayStartIso, cacheControl: SHORT_CACHE_CONTROL };
  }, rt.searchCache, { background: true });
  return reply;
}

/** The "not found" page in the site's default language (used by the app's not-found handler). */
export async function notFoundPage(deps: SiteDeps): Promise<string> {
  const rt = runtimes.get(deps) ?? new SiteRuntime(deps);
  const { ctx, site } = await rt.context();
  return notFoundBody(ctx, await latestFew({ rt, ctx, site })).value;
}
