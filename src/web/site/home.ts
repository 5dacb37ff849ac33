import type { ArticleKind } from '../../model/capture.ts';
import type { PieceView } from '../../store/pieces.ts';
import { html, type SafeHtml } from '../html.ts';
import { item } from './items.ts';
import { href, layout, type PageContext } from './layout.ts';
import { formatNumber, kindName, t } from './messages.ts';

/** What the front page shows. */
export interface HomeData {
  latest: PieceView[];
  sections: Map<string, PieceView[]>;
  outlets: { slug: string; name: string; count: number }[];
}

function section(kind: string, views: PieceView[], ctx: PageContext): SafeHtml {
  const id = `section-${kind}`;
  return html`<section class="section" aria-labelledby="${id}"><h2 id="${id}">${kindName(kind as ArticleKind, ctx.lang)}</h2>
<ul class="items items-compact">${views.map((v) => item(v, ctx))}</ul></section>`;
}

function outletsStrip(data: HomeData, ctx: PageContext): SafeHtml {
  if (!data.outlets.length) return html``;
  return html`<section class="outlets-strip" aria-labelledby="outlets-heading"><h2 id="outlets-heading">${t(ctx.lang, 'mostRecommended')}</h2>
<ul>${data.outlets.map((o) => html`<li><a href="${href(ctx, `/outlets/${o.slug}`)}">${o.name}</a> <span class="count">${formatNumber(o.count, ctx.lang)}</span></li>`)}</ul></section>`;
}

/** The front page: latest pieces (recommendations and stories told apart), sections by kind, the outlets strip. */
export function homePage(ctx: PageContext, data: HomeData): SafeHtml {
  const sections = [...data.sections.entries()].filter(([, v]) => v.length > 0);
  return layout(ctx, {
    title: ctx.siteName, path: '/', feedBase: '/',
    main: html`<h1 class="visually-hidden">${ctx.siteName}</h1>
<section class="latest" aria-labelledby="latest-heading"><h2 id="latest-heading" class="section-title">${t(ctx.lang, 'latest')}</h2>
${data.latest.length ? html`<ul class="items">${data.latest.map((v) => item(v, ctx))}</ul>
<p class="more"><a href="${href(ctx, '/latest')}">${t(ctx.lang, 'allLatest')}</a></p>` : html`<p>${t(ctx.lang, 'noPieces')}</p>`}
</section>
${outletsStrip(data, ctx)}
${sections.length ? html`<div class="sections">${sections.map(([kind, views]) => section(kind, views, ctx))}</div>` : ''}`,
  });
}
