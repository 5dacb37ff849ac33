import type { PieceView } from '../../store/pieces.ts';
import { html, type SafeHtml } from '../html.ts';
import { itemList } from './items.ts';
import { href, layout, type PageContext } from './layout.ts';
import { t } from './messages.ts';

/*
 * Pages for what is not there: 404 with ways on (search, latest pieces, archive), and 410 for a retracted piece
 * with its retraction note, so readers and search engines learn the piece is gone on purpose.
 */

function searchForm(ctx: PageContext): SafeHtml {
  return html`<form class="search-form" role="search" method="get" action="${href(ctx, '/search')}">
<label for="q">${t(ctx.lang, 'searchLabel')}</label> <input id="q" name="q" type="search" maxlength="200"> <button type="submit">${t(ctx.lang, 'searchButton')}</button>
</form>`;
}

/** The 404 page: why, a search form, links to the front page, latest and archive, and the latest pieces. */
export function notFoundBody(ctx: PageContext, latest: readonly PieceView[], path = '/'): SafeHtml {
  return layout(ctx, {
    title: t(ctx.lang, 'notFoundTitle'), path, canonical: false,
    head: html`<meta name="robots" content="noindex">`,
    main: html`<h1>${t(ctx.lang, 'notFoundTitle')}</h1>
<p>${t(ctx.lang, 'notFoundText')}</p>
<p>${t(ctx.lang, 'notFoundHelp')}</p>
${searchForm(ctx)}
<ul class="not-found-links"><li><a href="${href(ctx, '/')}">${t(ctx.lang, 'goHome')}</a></li><li><a href="${href(ctx, '/latest')}">${t(ctx.lang, 'latest')}</a></li><li><a href="${href(ctx, '/archive')}">${t(ctx.lang, 'archive')}</a></li></ul>
${latest.length ? html`<section aria-labelledby="nf-latest"><h2 id="nf-latest">${t(ctx.lang, 'latest')}</h2>${itemList(latest, ctx)}</section>` : ''}`,
  });
}

/** The 410 page of a retracted piece: the retraction note, and the way back. */
export function retractedBody(ctx: PageContext, v: PieceView): SafeHtml {
  return layout(ctx, {
    title: t(ctx.lang, 'retractedTitle'), path: v.piece.path ?? '/', canonical: false,
    head: html`<meta name="robots" content="noindex">`,
    main: html`<h1>${t(ctx.lang, 'retractedTitle')}</h1>
${v.piece.retractionNote ? html`<p class="retraction-note" lang="${v.piece.language}">${v.piece.retractionNote}</p>` : ''}
<p><a href="${href(ctx, '/')}">${t(ctx.lang, 'goHome')}</a></p>`,
  });
}
