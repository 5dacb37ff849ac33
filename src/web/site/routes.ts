import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Language } from '../../model/site.ts';
import { localized } from '../../model/site.ts';
import { findByPath, listPublished } from '../../store/pieces.ts';
import { getSetting, getSiteSettings } from '../../store/settings.ts';
import type { Store } from '../../store/open.ts';
import { html } from '../html.ts';
import { homePage } from './home.ts';
import { layout, type PageContext } from './layout.ts';
import { t } from './messages.ts';
import { piecePage } from './piece.ts';

/** What the reader site needs from the process. */
export interface SiteDeps {
  store: Store;
  siteUrl: string;
  assetVersion: string;
  now: () => Date;
}

async function context(deps: SiteDeps, lang?: Language): Promise<{ ctx: PageContext; site: Awaited<ReturnType<typeof getSiteSettings>> }> {
  const site = await getSiteSettings(deps.store.db);
  const language = lang ?? site.languages[0] ?? 'en';
  const demo = await getSetting(deps.store.db, 'demo', false);
  return {
    site,
    ctx: { siteName: localized(site.name, language), lang: language, timeZone: site.timeZone, now: deps.now(), demo, siteUrl: deps.siteUrl, assetVersion: deps.assetVersion },
  };
}

/** Sends a reader page: HTML with a cache policy a CDN can follow. */
function sendPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', status === 200 ? 'public, max-age=60, stale-while-revalidate=600' : 'public, max-age=30').send(body);
}

/** The "not found" page, with links that help a reader on. */
export async function notFoundPage(deps: SiteDeps): Promise<string> {
  const { ctx } = await context(deps);
  return layout(ctx, {
    title: t(ctx.lang, 'notFoundTitle'),
    head: html`<meta name="robots" content="noindex">`,
    main: html`<h1>${t(ctx.lang, 'notFoundTitle')}</h1><p>${t(ctx.lang, 'notFoundText')}</p><p><a href="/">${t(ctx.lang, 'goHome')}</a></p>`,
  }).value;
}

/** Registers the reader-facing pages. */
export function registerSiteRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get('/', async (_req, reply) => {
    const { ctx } = await context(deps);
    const latest = await listPublished(deps.store.db, { limit: 30 });
    return sendPage(reply, 200, homePage(ctx, latest).value);
  });

  app.get<{ Params: { y: string; m: string; d: string; slug: string } }>('/:y/:m/:d/:slug', async (req, reply) => {
    const { y, m, d, slug } = req.params;
    const view = /^\d{4}$/.test(y) && /^\d{2}$/.test(m) && /^\d{2}$/.test(d) ? await findByPath(deps.store.db, `/${y}/${m}/${d}/${slug}`) : undefined;
    if (!view || (view.piece.state !== 'published' && view.piece.state !== 'retracted')) return sendPage(reply, 404, await notFoundPage(deps));
    const { ctx, site } = await context(deps, view.piece.language);
    if (view.piece.state === 'retracted') {
      const page = layout(ctx, { title: t(ctx.lang, 'retractedTitle'), head: html`<meta name="robots" content="noindex">`, main: html`<h1>${t(ctx.lang, 'retractedTitle')}</h1><p>${view.piece.retractionNote ?? ''}</p>` });
      return sendPage(reply, 410, page.value);
    }
    return sendPage(reply, 200, piecePage(ctx, site, view).value);
  });
}
