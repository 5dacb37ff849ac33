import type { Person } from '../../model/person.ts';
import type { Outlet } from '../../model/piece.ts';
import { localized } from '../../model/site.ts';
import { safeHttpUrl } from '../../newsroom/rules/links.ts';
import type { PieceView } from '../../store/pieces.ts';
import { html, jsonForScript, type SafeHtml } from '../html.ts';
import { absoluteUrl, type PageContext } from './layout.ts';

/*
 * What search engines and social networks read from a piece page. The rule: our stories are ours
 * (NewsArticle); a recommendation is our page *about* someone else's work (WebPage isBasedOn the original,
 * with its own author and publisher), never presented as if we wrote it.
 */

/** The plain text of a piece's first paragraph, for descriptions (markup removed, at most 300 characters). */
export function pieceDescription(v: PieceView): string {
  const first = v.piece.standfirst ?? v.piece.excerpt.find((b) => b.type === 'paragraph');
  const text = typeof first === 'string' ? first : first && 'html' in first ? first.html : '';
  const plain = text.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim();
  return plain.length > 300 ? `${plain.slice(0, 297).replace(/\s+\S*$/, '')}\u2026` : plain;
}

/** The lead image URL if it may be shown (a valid http(s) URL, a decision other than `none`, not found gone). */
export function shownImage(v: PieceView, gone: ReadonlySet<string>): string | null {
  const img = v.piece.image;
  if (!img || img.decision === 'none') return null;
  const src = safeHttpUrl(img.url);
  return src && !gone.has(src) && !(img.url && gone.has(img.url)) ? src : null;
}

function jsonLd(v: PieceView, ctx: PageContext, headline: string, image: string | null): SafeHtml {
  const url = absoluteUrl(ctx, v.piece.path ?? '/');
  const lang = v.piece.language;
  const people = v.authors.map((a) => ({ '@type': 'Person', name: localized(a.names, lang), url: absoluteUrl(ctx, `/people/${a.slug}`) }));
  const us = { '@type': 'NewsMediaOrganization', name: ctx.siteName, url: `${ctx.siteUrl}/` };
  const data = v.piece.type === 'story'
    ? {
      '@context': 'https://schema.org', '@type': v.piece.kind === 'opinion' ? 'OpinionNewsArticle' : 'NewsArticle', headline, url,
      mainEntityOfPage: url, inLanguage: lang, datePublished: v.piece.publishedAt, dateModified: v.piece.updatedAt,
      author: people, publisher: us, ...(image ? { image: [image] } : {}), ...(v.piece.standfirst ? { description: v.piece.standfirst } : {}),
    }
    : {
      '@context': 'https://schema.org', '@type': 'WebPage', name: headline, url, inLanguage: lang, datePublished: v.piece.publishedAt,
      dateModified: v.piece.updatedAt, publisher: us,
      isBasedOn: {
        '@type': v.piece.kind === 'opinion' ? 'OpinionNewsArticle' : 'NewsArticle', url: safeHttpUrl(v.piece.originalUrl) ?? undefined,
        headline: v.piece.headline, inLanguage: lang, datePublished: v.piece.originalPublishedAt,
        author: v.authors.map((a) => ({ '@type': 'Person', name: localized(a.names, lang), ...(safeHttpUrl(a.website) ? { url: safeHttpUrl(a.website) } : {}) })),
        publisher: v.outlet ? { '@type': 'NewsMediaOrganization', name: v.outlet.name, ...(safeHttpUrl(v.outlet.homeUrl) ? { url: safeHttpUrl(v.outlet.homeUrl) } : {}) } : undefined,
      },
    };
  return html`<script type="application/ld+json">${jsonForScript(data)}</script>`;
}

/** Robots and canonical per the piece's SEO policy, OpenGraph and Twitter tags, JSON-LD. */
export function pieceHead(v: PieceView, ctx: PageContext, headline: string, image: string | null): SafeHtml {
  const seo = v.piece.type === 'story' ? 'index' : v.piece.seo;
  const original = safeHttpUrl(v.piece.originalUrl);
  const ours = absoluteUrl(ctx, v.piece.path ?? '/');
  const canonical = seo === 'canonical' && original ? original : ours;
  const description = pieceDescription(v);
  return html`${seo === 'noindex' ? html`<meta name="robots" content="noindex, follow">` : ''}
<link rel="canonical" href="${canonical}">
<meta property="og:type" content="article"><meta property="og:title" content="${headline}"><meta property="og:url" content="${ours}">
<meta property="og:site_name" content="${ctx.siteName}"><meta property="og:locale" content="${v.piece.language === 'uk' ? 'uk_UA' : 'en_US'}">
${description ? html`<meta property="og:description" content="${description}">` : ''}
${image ? html`<meta property="og:image" content="${image}">${v.piece.image?.alt ? html`<meta property="og:image:alt" content="${v.piece.image.alt}">` : ''}` : ''}
${v.piece.publishedAt ? html`<meta property="article:published_time" content="${v.piece.publishedAt}">` : ''}
<meta property="article:modified_time" content="${v.piece.updatedAt}">
${v.tags.map((tag) => html`<meta property="article:tag" content="${localized(tag.names, v.piece.language)}">`)}
<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}"><meta name="twitter:title" content="${headline}">
${description ? html`<meta name="twitter:description" content="${description}">` : ''}
${jsonLd(v, ctx, headline, image)}`;
}

/** JSON-LD of a person's page: a ProfilePage about the Person, with bio, photo and the links they gave. */
export function personJsonLd(p: Person, ctx: PageContext, path: string): SafeHtml {
  const sameAs = [p.website, ...p.profiles].map((u) => safeHttpUrl(u)).filter((u): u is string => Boolean(u));
  const photo = p.photo ? safeHttpUrl(p.photo.url) : null;
  const bio = p.bios[ctx.lang] ?? p.bios.en;
  const url = absoluteUrl(ctx, path, ctx.lang);
  const data = {
    '@context': 'https://schema.org', '@type': 'ProfilePage', url, inLanguage: ctx.lang,
    mainEntity: { '@type': 'Person', name: localized(p.names, ctx.lang), url, ...(bio ? { description: bio } : {}), ...(photo ? { image: photo } : {}), ...(sameAs.length ? { sameAs } : {}) },
  };
  return html`<script type="application/ld+json">${jsonForScript(data)}</script>`;
}

/** JSON-LD of an outlet's page: our collection of recommendations about that NewsMediaOrganization. */
export function outletJsonLd(o: Outlet, ctx: PageContext, path: string, title: string): SafeHtml {
  const home = safeHttpUrl(o.homeUrl);
  const data = {
    '@context': 'https://schema.org', '@type': 'CollectionPage', name: title, url: absoluteUrl(ctx, path, ctx.lang), inLanguage: ctx.lang,
    about: { '@type': 'NewsMediaOrganization', name: o.name, ...(home ? { url: home } : {}) },
  };
  return html`<script type="application/ld+json">${jsonForScript(data)}</script>`;
}
