import type { Person } from '../../model/person.ts';
import { localized, type SiteSettings } from '../../model/site.ts';
import { formatBylineTime, isoInstant } from '../../newsroom/rules/dates.ts';
import { authorWebsiteLink, continueReadingLink } from '../../newsroom/rules/link-text.ts';
import { safeHttpUrl } from '../../newsroom/rules/links.ts';
import type { PieceView } from '../../store/pieces.ts';
import { html, jsonForScript, type SafeHtml } from '../html.ts';
import { renderBlocks } from './blocks.ts';
import { displayHeadline } from './home.ts';
import { layout, type PageContext } from './layout.ts';
import { renderMarkdown } from './markdown.ts';
import { t } from './messages.ts';

function byline(v: PieceView, ctx: PageContext): SafeHtml {
  const when = v.piece.type === 'recommendation' ? v.piece.originalPublishedAt : v.piece.publishedAt;
  return html`<p class="byline">${v.authors.length ? html`<span class="byline-authors">${t(ctx.lang, 'by')} ${v.authors.map((a, i) => html`${i ? (i === v.authors.length - 1 ? (ctx.lang === 'uk' ? ' і ' : ' and ') : ', ') : ''}<a href="/people/${a.slug}">${localized(a.names, ctx.lang)}</a>`)}</span>` : ''}
${when ? html`<time class="byline-time" datetime="${isoInstant(when)}">${formatBylineTime(when, ctx.lang, ctx.timeZone)}</time>` : ''}</p>`;
}

function leadImage(v: PieceView): SafeHtml {
  const img = v.piece.image;
  const src = img && img.decision !== 'none' ? safeHttpUrl(img.url) : null;
  if (!img || !src) return html``;
  return html`<figure class="lead">
<img src="${src}" alt="${img.alt ?? ''}"${img.width ? html` width="${img.width}"` : ''}${img.height ? html` height="${img.height}"` : ''}>
${img.caption || img.credit ? html`<figcaption>${img.caption ? html`<span class="caption">${img.caption}</span>` : ''}${img.credit ? html` <span class="credit">(${img.credit})</span>` : ''}</figcaption>` : ''}
</figure>`;
}

function authorBox(p: Person, ctx: PageContext): SafeHtml {
  const bio = p.bios[ctx.lang] ?? p.bios.en;
  const site = authorWebsiteLink(p.website, p.pronoun, ctx.lang);
  const photo = p.photo ? safeHttpUrl(p.photo.url) : null;
  return html`<section class="author-box" aria-label="${localized(p.names, ctx.lang)}">
${photo ? html`<img class="author-photo" src="${photo}" alt="" width="64" height="64">` : ''}
<h2 class="author-name"><a href="/people/${p.slug}">${localized(p.names, ctx.lang)}</a></h2>
${bio || site ? html`<p class="author-bio">${bio ?? ''}${site ? html` <a href="${site.href}" rel="noopener">${site.text}</a>.` : ''}</p>` : ''}
</section>`;
}

function readerSupport(site: SiteSettings, ctx: PageContext): SafeHtml {
  const block = site.readerSupport[ctx.lang] ?? site.readerSupport.en;
  const url = safeHttpUrl(block.buttonUrl);
  return html`<aside class="support" aria-label="${block.heading}"><h2>${block.heading}</h2><p>${block.text}</p>${url ? html`<p><a class="button" href="${url}">${block.buttonLabel}</a></p>` : ''}</aside>`;
}

/** Structured data: a story is our NewsArticle; a recommendation is a WebPage about someone else's work. */
function jsonLd(v: PieceView, ctx: PageContext, headline: string): SafeHtml {
  const url = `${ctx.siteUrl}${v.piece.path ?? ''}`;
  const authors = v.authors.map((a) => ({ '@type': 'Person', name: localized(a.names, ctx.lang) }));
  const data = v.piece.type === 'story'
    ? { '@context': 'https://schema.org', '@type': v.piece.kind === 'opinion' ? 'OpinionNewsArticle' : 'NewsArticle', headline, url, datePublished: v.piece.publishedAt, dateModified: v.piece.updatedAt, author: authors, publisher: { '@type': 'Organization', name: ctx.siteName } }
    : { '@context': 'https://schema.org', '@type': 'WebPage', name: headline, url, isBasedOn: { '@type': 'CreativeWork', url: v.piece.originalUrl, headline: v.piece.headline, author: authors, datePublished: v.piece.originalPublishedAt, publisher: v.outlet ? { '@type': 'Organization', name: v.outlet.name } : undefined } };
  return html`<script type="application/ld+json">${jsonForScript(data)}</script>`;
}

function head(v: PieceView, ctx: PageContext, headline: string): SafeHtml {
  const seo = v.piece.type === 'story' ? 'index' : v.piece.seo;
  const original = safeHttpUrl(v.piece.originalUrl);
  return html`${seo === 'noindex' ? html`<meta name="robots" content="noindex">` : ''}
<link rel="canonical" href="${seo === 'canonical' && original ? original : `${ctx.siteUrl}${v.piece.path ?? ''}`}">
<meta property="og:type" content="article"><meta property="og:title" content="${headline}"><meta property="og:site_name" content="${ctx.siteName}">
<meta name="twitter:card" content="summary_large_image">
${jsonLd(v, ctx, headline)}`;
}

/** The piece page, in the order of ANATOMY.md: headline, byline + time, figure, excerpt, continue reading, note, authors, corrections, tags, support. */
export function piecePage(ctx: PageContext, site: SiteSettings, v: PieceView): SafeHtml {
  const headline = displayHeadline(v, ctx);
  const rec = v.piece.type === 'recommendation';
  const cont = rec && v.piece.originalUrl ? continueReadingLink(v.piece.originalUrl, v.outlet?.name ?? new URL(v.piece.originalUrl).hostname, ctx.lang) : null;
  const main = html`<article class="piece piece-${v.piece.type}">
<header><h1 class="headline">${headline}</h1>
${v.piece.standfirst ? html`<p class="standfirst">${v.piece.standfirst}</p>` : ''}
${byline(v, ctx)}</header>
${leadImage(v)}
<div class="${rec ? 'excerpt' : 'body'}">${rec ? renderBlocks(v.piece.excerpt) : renderMarkdown(v.piece.body ?? '')}</div>
${cont ? html`<p class="continue"><a href="${cont.href}" rel="noopener">${cont.text}</a></p>` : ''}
${rec && v.piece.editorsNote ? html`<aside class="editors-note" aria-label="${t(ctx.lang, 'editorsNote')}"><p><strong>${t(ctx.lang, 'editorsNote')}</strong> ${v.piece.editorsNote}</p></aside>` : ''}
${v.authors.filter((a) => rec || a.bios[ctx.lang] || a.bios.en).map((a) => authorBox(a, ctx))}
${v.piece.corrections.length ? html`<section class="corrections"><h2>${t(ctx.lang, 'corrections')}</h2><ul>${v.piece.corrections.map((c) => html`<li><time datetime="${isoInstant(c.at)}">${formatBylineTime(c.at, ctx.lang, ctx.timeZone)}</time> ${c.text}</li>`)}</ul></section>` : ''}
${v.tags.length ? html`<nav class="tags" aria-label="${t(ctx.lang, 'tags')}"><ul>${v.tags.map((tag) => html`<li><a href="/tag/${tag.slug}">${localized(tag.names, ctx.lang)}</a></li>`)}</ul></nav>` : ''}
</article>
${readerSupport(site, ctx)}`;
  return layout(ctx, { title: headline, head: head(v, ctx, headline), main });
}
