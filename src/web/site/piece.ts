import type { Person } from '../../model/person.ts';
import { localized, type SiteSettings } from '../../model/site.ts';
import { formatBylineTime, isoInstant } from '../../newsroom/rules/dates.ts';
import { joinNames } from '../../newsroom/rules/headline.ts';
import { authorWebsiteLink, continueReadingLink } from '../../newsroom/rules/link-text.ts';
import { safeHttpUrl } from '../../newsroom/rules/links.ts';
import type { PieceView } from '../../store/pieces.ts';
import { html, type SafeHtml } from '../html.ts';
import { renderBlocks } from './blocks.ts';
import { displayHeadline } from './items.ts';
import { href, layout, type PageContext } from './layout.ts';
import { renderMarkdown } from './markdown.ts';
import { t } from './messages.ts';
import { pieceDescription, pieceHead } from './seo.ts';

/*
 * The piece page, in the order of ANATOMY.md: (1) masthead date (layout), (2) headline, (3) byline and time as
 * separate elements, (4) figure with caption and credit apart, (5) excerpt — or a story's full body —,
 * (6) continue reading, (7) editor's note, (8) author boxes, corrections, tags, (9) reader support.
 */

function byline(v: PieceView, ctx: PageContext): SafeHtml {
  const when = v.piece.type === 'recommendation' ? v.piece.originalPublishedAt ?? v.piece.publishedAt : v.piece.publishedAt;
  const names = v.authors.map((a) => localized(a.names, v.piece.language));
  const links = v.authors.map((a, i) => html`<a rel="author" href="${href(ctx, `/people/${a.slug}`)}">${names[i]!}</a>`);
  // Separators come from joinNames so the byline reads "A, B and C" in the piece's language.
  const joined = joinNames(names.map((_, i) => `\uE000${i}\uE001`), v.piece.language).split(/\uE000(\d+)\uE001/)
    .map((part, i) => (i % 2 === 1 ? links[Number(part)]! : part));
  return html`<div class="byline">${v.authors.length ? html`<p class="byline-authors"><span lang="${ctx.lang}">${t(ctx.lang, 'by')}</span> ${joined}</p>` : ''}
${when ? html`<time class="byline-time" datetime="${isoInstant(when)}" lang="${ctx.lang}">${formatBylineTime(when, ctx.lang, ctx.timeZone)}</time>` : ''}</div>`;
}

function leadImage(v: PieceView, src: string | null): SafeHtml {
  const img = v.piece.image;
  if (!img || !src) return html``;
  return html`<figure class="lead">
<img src="${src}" alt="${img.alt ?? ''}"${img.width ? html` width="${img.width}"` : ''}${img.height ? html` height="${img.height}"` : ''} decoding="async" referrerpolicy="no-referrer">
${img.caption || img.credit ? html`<figcaption>${img.caption ? html`<span class="caption">${img.caption}</span>` : ''}${img.credit ? html` <span class="credit">(${img.credit})</span>` : ''}</figcaption>` : ''}
</figure>`;
}

function authorBox(p: Person, ctx: PageContext, lang: PieceView['piece']['language']): SafeHtml {
  const bio = p.bios[lang] ?? p.bios.en;
  const site = authorWebsiteLink(p.website, p.pronoun, ctx.lang);
  const photo = p.photo ? safeHttpUrl(p.photo.url) : null;
  return html`<section class="author-box" aria-label="${localized(p.names, ctx.lang)}">
${photo ? html`<img class="author-photo" src="${photo}" alt="" width="64" height="64" loading="lazy" referrerpolicy="no-referrer">` : ''}
<h2 class="author-name"><a href="${href(ctx, `/people/${p.slug}`)}">${localized(p.names, ctx.lang)}</a></h2>
${bio ? html`<p class="author-bio" lang="${p.bios[lang] ? lang : 'en'}">${bio}</p>` : ''}
${site ? html`<p class="author-website"><a href="${site.href}" rel="noopener">${site.text}</a></p>` : ''}
</section>`;
}

/** The reader-support appeal: heading, text and a button when the newsroom has set a donation page. */
export function readerSupport(site: SiteSettings, ctx: PageContext): SafeHtml {
  const block = site.readerSupport[ctx.lang] ?? site.readerSupport.en;
  const url = safeHttpUrl(block.buttonUrl);
  return html`<aside class="support" aria-labelledby="support-heading"><h2 id="support-heading">${block.heading}</h2><p>${block.text}</p>${url ? html`<p><a class="button" href="${url}">${block.buttonLabel}</a></p>` : ''}</aside>`;
}

function corrections(v: PieceView, ctx: PageContext): SafeHtml {
  if (!v.piece.corrections.length) return html``;
  return html`<section class="corrections" aria-labelledby="corrections-heading"><h2 id="corrections-heading">${t(ctx.lang, 'corrections')}</h2><ul>${v.piece.corrections.map((c) => html`<li><time datetime="${isoInstant(c.at)}">${formatBylineTime(c.at, ctx.lang, ctx.timeZone)}</time> <span>${c.text}</span></li>`)}</ul></section>`;
}

function tags(v: PieceView, ctx: PageContext): SafeHtml {
  if (!v.tags.length) return html``;
  return html`<nav class="tags" aria-label="${t(ctx.lang, 'tags')}"><ul>${v.tags.map((tag) => html`<li><a rel="tag" href="${href(ctx, `/tag/${tag.slug}`)}">${localized(tag.names, ctx.lang)}</a></li>`)}</ul></nav>`;
}

/** The cache keys of a piece page: the piece, its people, outlet and tags. */
export function pieceKeys(v: PieceView): string[] {
  return [`p:${v.piece.id}`, ...v.authors.map((a) => `a:${a.id}`), ...(v.outlet ? [`o:${v.outlet.id}`] : []), ...v.tags.map((tag) => `t:${tag.id}`)];
}

/** The piece page. `image` is the lead image URL to show, or null (none, invalid, or found gone). */
export function piecePage(ctx: PageContext, site: SiteSettings, v: PieceView, image: string | null): SafeHtml {
  const headline = displayHeadline(v);
  const rec = v.piece.type === 'recommendation';
  const outletName = v.outlet?.name ?? (safeHttpUrl(v.piece.originalUrl) ? new URL(v.piece.originalUrl!).hostname : '');
  const cont = rec && v.piece.originalUrl ? continueReadingLink(v.piece.originalUrl, outletName, ctx.lang) : null;
  const withBio = v.authors.filter((a) => rec || a.bios[v.piece.language] || a.bios.en);
  const main = html`<article class="piece piece-${v.piece.type}" lang="${v.piece.language}">
<header class="piece-header"><h1 class="headline">${headline}</h1>
${v.piece.standfirst ? html`<p class="standfirst">${v.piece.standfirst}</p>` : ''}
${byline(v, ctx)}</header>
${leadImage(v, image)}
<div class="${rec ? 'excerpt' : 'body'}">${rec ? renderBlocks(v.piece.excerpt) : renderMarkdown(v.piece.body ?? '')}</div>
${cont ? html`<p class="continue" lang="${ctx.lang}"><a href="${cont.href}" rel="noopener">${cont.text}</a></p>` : ''}
${rec && v.piece.editorsNote ? html`<aside class="editors-note" aria-label="${t(ctx.lang, 'editorsNote')}"><p><strong lang="${ctx.lang}">${t(ctx.lang, 'editorsNote')}</strong> ${v.piece.editorsNote}</p></aside>` : ''}
${withBio.length ? html`<div class="authors" lang="${ctx.lang}">${withBio.map((a) => authorBox(a, ctx, v.piece.language))}</div>` : ''}
<div lang="${ctx.lang}">${corrections(v, ctx)}${tags(v, ctx)}</div>
</article>
${readerSupport(site, ctx)}`;
  return layout(ctx, { title: headline, description: pieceDescription(v), path: v.piece.path ?? '/', canonical: false, head: pieceHead(v, ctx, headline, image), main });
}
