import { ARTICLE_KINDS } from '../../model/capture.ts';
import { localized, type SiteSettings } from '../../model/site.ts';
import { findByPath, type PieceView } from '../../store/pieces.ts';
import {
  countIndexable, goneUrls, indexablePage, latestByKind, listedSlugs, listPublishedPage, outletBySlug, personBySlug, publishedInstants,
  recentStories, tagBySlug, type PieceFilter,
} from '../../store/site-queries.ts';
import type { SafeHtml } from '../html.ts';
import { retractedBody } from './errors.ts';
import { renderFeed, FEED_SIZE, type FeedFormat } from './feeds.ts';
import { homePage } from './home.ts';
import { itemKeys, latestUpdate, PAGE_SIZE, pageCount } from './items.ts';
import type { PageContext } from './layout.ts';
import { archiveIndex, groupByMonth, listPage, monthBounds, monthName, outletIntro, personIntro, personTitle } from './lists.ts';
import { t, tf } from './messages.ts';
import type { RenderedPage } from './page-cache.ts';
import { pieceKeys, piecePage } from './piece.ts';
import { outletJsonLd, personJsonLd } from './seo.ts';
import { PAGE_CACHE_CONTROL, SHORT_CACHE_CONTROL, TYPES } from './respond.ts';
import type { SiteRuntime } from './runtime.ts';
import { SITEMAP_SIZE, newsSitemap, robotsTxt, sitemapIndex, urlSet } from './sitemaps.ts';
import { shownImage } from './seo.ts';

/*
 * One builder per page: read the store, render, and say what the page shows (cache keys) and when it last
 * changed. A builder returns null when the thing asked for does not exist (the route answers 404).
 */

/** What every builder gets. */
export interface BuildContext {
  rt: SiteRuntime;
  ctx: PageContext;
  site: SiteSettings;
}

function ok(b: BuildContext, body: SafeHtml | string, keys: string[], modified: string, contentType: string = TYPES.html): RenderedPage {
  const dayStart = b.rt.dayStartIso;
  return {
    status: 200, body: typeof body === 'string' ? body : body.value, contentType, keys, cacheControl: PAGE_CACHE_CONTROL,
    modified: contentType === TYPES.html && dayStart > modified ? dayStart : modified,
  };
}

const EPOCH = '1970-01-01T00:00:00.000Z';

/** The front page. */
export async function buildHome(b: BuildContext): Promise<RenderedPage> {
  const { db } = b.rt.deps.store;
  const [latest, outlets] = await Promise.all([listPublishedPage(db, {}, { limit: 12, offset: 0 }), b.rt.topOutlets()]);
  const sections = await latestByKind(db, ARTICLE_KINDS, 4, latest.views.map((v) => Number(v.piece.id)));
  const all = [...latest.views, ...[...sections.values()].flat()];
  return ok(b, homePage(b.ctx, { latest: latest.views, sections, outlets }), ['l:all', ...itemKeys(all), ...outlets.map((o) => `o:${o.id}`)], latestUpdate(all, EPOCH));
}

/** A piece page (200), a retracted piece (410, not cached), or null. */
export async function buildPiece(b: BuildContext, path: string): Promise<RenderedPage | null> {
  const { db } = b.rt.deps.store;
  const view = await findByPath(db, path);
  if (!view || (view.piece.state !== 'published' && view.piece.state !== 'retracted')) return null;
  if (view.piece.state === 'retracted') {
    return { status: 410, body: retractedBody(b.ctx, view).value, contentType: TYPES.html, keys: [], modified: view.piece.updatedAt, cacheControl: SHORT_CACHE_CONTROL };
  }
  const gone = await goneUrls(db, view.piece.image?.url ? [view.piece.image.url] : []);
  return ok(b, piecePage(b.ctx, b.site, view, shownImage(view, gone)), pieceKeys(view), view.piece.updatedAt);
}

/** A list scope: what it filters by, its title and intro, the keys of the records it is about. */
interface Scope {
  filter: PieceFilter;
  title: string;
  description: string;
  intro?: SafeHtml;
  /** JSON-LD for the list's first page, given its path. */
  jsonLd?: (path: string) => SafeHtml;
  keys: string[];
}

/** The scope of `/tag/x`, `/people/x`, `/outlets/x`, `/latest` (null when the slug is unknown). */
export async function findScope(b: BuildContext, kind: 'tag' | 'people' | 'outlets' | 'latest', slug: string): Promise<Scope | null> {
  const { db } = b.rt.deps.store;
  const { ctx } = b;
  if (kind === 'latest') return { filter: {}, title: t(ctx.lang, 'latest'), description: ctx.siteName, keys: ['l:all'] };
  if (kind === 'tag') {
    const tag = await tagBySlug(db, slug);
    if (!tag) return null;
    const name = localized(tag.names, ctx.lang);
    return { filter: { tagId: Number(tag.id) }, title: tf(ctx.lang, 'tagTitle', { name }), description: name, keys: [`t:${tag.id}`, `l:tag:${tag.id}`] };
  }
  if (kind === 'people') {
    const p = await personBySlug(db, slug);
    if (!p) return null;
    return { filter: { personId: Number(p.id) }, title: personTitle(p, ctx), description: tf(ctx.lang, 'personPieces', { name: personTitle(p, ctx) }), intro: personIntro(p, ctx), jsonLd: (path) => personJsonLd(p, ctx, path), keys: [`a:${p.id}`, `l:person:${p.id}`] };
  }
  const o = await outletBySlug(db, slug);
  if (!o) return null;
  const title = tf(ctx.lang, 'outletTitle', { name: o.name });
  return { filter: { outletId: Number(o.id) }, title, description: o.name, intro: outletIntro(o, ctx), jsonLd: (path) => outletJsonLd(o, ctx, path, title), keys: [`o:${o.id}`, `l:outlet:${o.id}`] };
}

/** One page of a list; a page past the end renders (404, not cached) with a way back. */
export async function buildList(b: BuildContext, scope: Scope, path: string, page: number, feedBase?: string): Promise<RenderedPage> {
  const { views, total } = await listPublishedPage(b.rt.deps.store.db, scope.filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const head = page === 1 ? scope.jsonLd?.(path) : undefined;
  const body = listPage(b.ctx, { title: scope.title, path, intro: scope.intro, head, feedBase, views, total, page });
  const r = ok(b, body, [...scope.keys, ...itemKeys(views)], latestUpdate(views, EPOCH));
  return page > pageCount(total) && total > 0 ? { ...r, status: 404, cacheControl: SHORT_CACHE_CONTROL } : r;
}

/** A feed of a scope. */
export async function buildFeed(b: BuildContext, scope: Scope, base: string, format: FeedFormat): Promise<RenderedPage> {
  const { views } = await listPublishedPage(b.rt.deps.store.db, scope.filter, { limit: FEED_SIZE, offset: 0 });
  const title = base === '/' ? b.ctx.siteName : `${scope.title} \u2014 ${b.ctx.siteName}`;
  const body = renderFeed(format, b.ctx, { title, description: scope.description, base, views });
  return ok(b, body, [...scope.keys, ...itemKeys(views), ...views.flatMap((v) => v.tags.map((tag) => `t:${tag.id}`))], latestUpdate(views, EPOCH), TYPES[format]);
}

/** The archive index. */
export async function buildArchive(b: BuildContext): Promise<RenderedPage> {
  const instants = await publishedInstants(b.rt.deps.store.db);
  return ok(b, archiveIndex(b.ctx, groupByMonth(instants, b.ctx.timeZone)), ['l:all'], instants[0] ?? EPOCH);
}

/** The scope of one month's archive (null for a month that cannot exist). */
export function monthScope(b: BuildContext, y: string, m: string): Scope | null {
  if (!/^\d{4}$/.test(y) || !/^(0[1-9]|1[0-2])$/.test(m) || Number(y) < 1900 || Number(y) > 2200) return null;
  const bounds = monthBounds(Number(y), Number(m), b.ctx.timeZone);
  const title = tf(b.ctx.lang, 'archiveOf', { month: monthName(Number(y), Number(m), b.ctx.lang) });
  return { filter: bounds, title, description: title, keys: ['l:all'] };
}

/** sitemap.xml, the pages file, a pieces file, or the news sitemap (null past the last pieces file). */
export async function buildSitemap(b: BuildContext, which: 'index' | 'pages' | 'news' | number): Promise<RenderedPage | null> {
  const { db } = b.rt.deps.store;
  const now = b.ctx.now.toISOString();
  if (which === 'index') return ok(b, sitemapIndex(b.ctx, await countIndexable(db), b.rt.dayStartIso), ['l:all'], b.rt.dayStartIso, TYPES.xml);
  if (which === 'news') {
    const stories = await recentStories(db, new Date(b.ctx.now.getTime() - 2 * 86_400_000).toISOString(), 1000);
    return ok(b, newsSitemap(b.ctx, stories), ['l:all', ...itemKeys(stories)], latestUpdate(stories, EPOCH), TYPES.xml);
  }
  if (which === 'pages') {
    const slugs = await listedSlugs(db);
    const months = groupByMonth(await publishedInstants(db), b.ctx.timeZone);
    const paths = ['/', '/latest', '/archive', ...months.map((m) => `/archive/${m.year}/${String(m.month).padStart(2, '0')}`),
      ...slugs.tags.map((s) => `/tag/${s}`), ...slugs.people.map((s) => `/people/${s}`), ...slugs.outlets.map((s) => `/outlets/${s}`)];
    return ok(b, urlSet(b.ctx, paths.map((path) => ({ path }))), ['l:all'], now, TYPES.xml);
  }
  if (!Number.isSafeInteger(which) || which < 1 || which > Math.max(1, Math.ceil((await countIndexable(db)) / SITEMAP_SIZE))) return null;
  const rows = await indexablePage(db, (which - 1) * SITEMAP_SIZE, SITEMAP_SIZE);
  return ok(b, urlSet(b.ctx, rows.map((r) => ({ path: r.path, lastmod: r.updatedAt }))), ['l:all'], latestUpdate([], rows.reduce((m, r) => (r.updatedAt > m ? r.updatedAt : m), EPOCH)), TYPES.xml);
}

/** robots.txt. */
export function buildRobots(b: BuildContext): RenderedPage {
  return ok(b, robotsTxt(b.ctx), [], EPOCH, TYPES.text);
}

/** The latest few pieces, for the 404 page. */
export async function latestFew(b: BuildContext): Promise<PieceView[]> {
  return (await listPublishedPage(b.rt.deps.store.db, {}, { limit: 5, offset: 0 })).views;
}
