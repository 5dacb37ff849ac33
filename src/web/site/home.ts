import { localized } from '../../model/site.ts';
import { formatShortDate, isoInstant } from '../../newsroom/rules/dates.ts';
import { headlineFor } from '../../newsroom/rules/headline.ts';
import type { PieceView } from '../../store/pieces.ts';
import { html, type SafeHtml } from '../html.ts';
import { layout, type PageContext } from './layout.ts';
import { t } from './messages.ts';

/** The headline a piece is listed and shown with (opinion → `Author: Headline`). */
export function displayHeadline(v: PieceView, ctx: Pick<PageContext, 'lang'>): string {
  return headlineFor({
    kind: v.piece.kind, headline: v.piece.headline, override: v.piece.headlineOverride ?? null, lang: ctx.lang,
    authors: v.authors.map((a) => localized(a.names, ctx.lang)),
  });
}

function item(v: PieceView, ctx: PageContext): SafeHtml {
  const rec = v.piece.type === 'recommendation';
  const when = v.piece.publishedAt;
  return html`<li class="item ${rec ? 'item-rec' : 'item-story'}">
<p class="item-label">${rec ? html`${t(ctx.lang, 'recommendation')}${v.outlet ? html` \u00b7 ${v.outlet.name}` : ''}` : t(ctx.lang, 'story')}</p>
<h2 class="item-headline"><a href="${v.piece.path ?? '#'}">${displayHeadline(v, ctx)}</a></h2>
${v.piece.standfirst ? html`<p class="item-standfirst">${v.piece.standfirst}</p>` : ''}
<p class="item-meta">${v.authors.map((a) => localized(a.names, ctx.lang)).join(', ')}${when ? html` <time datetime="${isoInstant(when)}">${formatShortDate(when, ctx.lang, ctx.timeZone)}</time>` : ''}</p>
</li>`;
}

/** The front page: the latest pieces, recommendations and stories visibly told apart. */
export function homePage(ctx: PageContext, latest: PieceView[]): SafeHtml {
  return layout(ctx, {
    title: ctx.siteName,
    main: html`<h1 class="section-title">${t(ctx.lang, 'latest')}</h1>
${latest.length ? html`<ul class="items">${latest.map((v) => item(v, ctx))}</ul>` : html`<p>${t(ctx.lang, 'noPieces')}</p>`}`,
  });
}
