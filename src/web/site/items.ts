import { localized } from '../../model/site.ts';
import { formatShortDate, isoInstant } from '../../newsroom/rules/dates.ts';
import { headlineFor } from '../../newsroom/rules/headline.ts';
import type { PieceView } from '../../store/pieces.ts';
import { html, type SafeHtml } from '../html.ts';
import { href, type PageContext } from './layout.ts';
import { t, tf } from './messages.ts';

/** Pieces per list page. */
export const PAGE_SIZE = 20;
/** Highest page number honoured; anything larger is treated as past the end (keeps OFFSET small). */
export const MAX_PAGE = 100_000;

/** The headline a piece is listed and shown with (opinion → `Author: Headline`), in the piece's language. */
export function displayHeadline(v: PieceView): string {
  return headlineFor({
    kind: v.piece.kind, headline: v.piece.headline, override: v.piece.headlineOverride ?? null, lang: v.piece.language,
    authors: v.authors.map((a) => localized(a.names, v.piece.language)),
  });
}

/** The cache keys of what a list item shows: the piece, its authors and its outlet. */
export function itemKeys(views: readonly PieceView[]): string[] {
  return views.flatMap((v) => [`p:${v.piece.id}`, ...v.authors.map((a) => `a:${a.id}`), ...(v.outlet ? [`o:${v.outlet.id}`] : [])]);
}

/** The latest update among pieces, for a list's Last-Modified. */
export function latestUpdate(views: readonly PieceView[], fallback: string): string {
  return views.reduce((max, v) => (v.piece.updatedAt > max ? v.piece.updatedAt : max), fallback);
}

/** One piece in a list: recommendations carry the outlet and a distinct label and style. */
export function item(v: PieceView, ctx: PageContext, extra?: SafeHtml, headline?: SafeHtml): SafeHtml {
  const rec = v.piece.type === 'recommendation';
  const when = v.piece.publishedAt;
  const label = rec ? (v.outlet ? tf(ctx.lang, 'recommendedFrom', { outlet: v.outlet.name }) : t(ctx.lang, 'recommendation')) : t(ctx.lang, 'story');
  return html`<li class="item ${rec ? 'item-rec' : 'item-story'}" lang="${v.piece.language}">
<p class="item-label" lang="${ctx.lang}">${label}</p>
<h3 class="item-headline"><a href="${href(ctx, v.piece.path ?? '/')}">${headline ?? displayHeadline(v)}</a></h3>
${extra ?? (v.piece.standfirst ? html`<p class="item-standfirst">${v.piece.standfirst}</p>` : '')}
<p class="item-meta">${v.authors.map((a) => localized(a.names, ctx.lang)).join(', ')}${when ? html` <time datetime="${isoInstant(when)}" lang="${ctx.lang}">${formatShortDate(when, ctx.lang, ctx.timeZone)}</time>` : ''}</p>
</li>`;
}

/** A list of pieces, or the "nothing yet" line. */
export function itemList(views: readonly PieceView[], ctx: PageContext): SafeHtml {
  return views.length ? html`<ul class="items">${views.map((v) => item(v, ctx))}</ul>` : html`<p>${t(ctx.lang, 'noPieces')}</p>`;
}

/** Reads `?page=`: anything that is not a plain positive integer is page 1; huge numbers are capped. */
export function pageNumber(raw: unknown): number {
  const s = Array.isArray(raw) ? raw[0] : raw;
  if (typeof s !== 'string' || !/^\d{1,12}$/.test(s)) return 1;
  const n = Number(s);
  return n < 1 ? 1 : Math.min(n, MAX_PAGE);
}

/** Number of pages for `total` items (at least one). */
export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** Newer/older links and "page n of m"; `query` keeps other parameters (the search words). */
export function pagination(ctx: PageContext, path: string, page: number, total: number, query = ''): SafeHtml {
  const pages = pageCount(total);
  if (pages <= 1) return html``;
  const link = (n: number) => `${href(ctx, path)}${n === 1 ? (query ? `?${query}` : '') : `?${query ? `${query}&` : ''}page=${n}`}`;
  return html`<nav class="pagination" aria-label="${t(ctx.lang, 'pagination')}">
${page > 1 ? html`<a rel="prev" href="${link(Math.min(page - 1, pages))}">${t(ctx.lang, 'previous')}</a>` : ''}
<span>${tf(ctx.lang, 'pageOf', { n: Math.min(page, pages), total: pages })}</span>
${page < pages ? html`<a rel="next" href="${link(page + 1)}">${t(ctx.lang, 'next')}</a>` : ''}
</nav>`;
}

/** The message shown for a page number past the end of a list, with a way back. */
export function pastTheEnd(ctx: PageContext, path: string, page: number, total: number): SafeHtml {
  return html`<p>${tf(ctx.lang, 'pageEmpty', { n: page, total: pageCount(total) })}</p><p><a href="${href(ctx, path)}">${t(ctx.lang, 'firstPage')}</a></p>`;
}
