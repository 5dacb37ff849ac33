import { escapeHtml as esc } from '../html.ts';
import { displayHeadline } from './items.ts';
import { absoluteUrl, type PageContext } from './layout.ts';
import type { PieceView } from '../../store/pieces.ts';

/*
 * Sitemaps (sitemaps.org 0.9): an index pointing to one file of site pages (home, lists, archive months) and
 * files of at most 50,000 pieces each; a Google News sitemap of our own stories from the last two days
 * (aggregated recommendations do not belong there); robots.txt pointing to both.
 */

/** URLs per sitemap file (the protocol's limit). */
export const SITEMAP_SIZE = 50_000;

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** The sitemap index: the pages file, then one file per 50,000 indexable pieces. */
export function sitemapIndex(ctx: PageContext, pieceCount: number, lastmod: string): string {
  const files = ['/sitemaps/pages.xml', '/sitemaps/news.xml'];
  for (let i = 1; i <= Math.max(1, Math.ceil(pieceCount / SITEMAP_SIZE)); i++) files.push(`/sitemaps/pieces-${i}.xml`);
  return `${HEAD}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files
    .map((f) => `<sitemap><loc>${esc(`${ctx.siteUrl}${f}`)}</loc><lastmod>${esc(lastmod)}</lastmod></sitemap>`).join('\n')}\n</sitemapindex>\n`;
}

/** A urlset of paths, each with its language alternates. */
export function urlSet(ctx: PageContext, entries: { path: string; lastmod?: string }[]): string {
  const alt = (path: string) => (ctx.languages.length > 1
    ? ctx.languages.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${esc(absoluteUrl(ctx, path, l))}"/>`).join('') : '');
  return `${HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries
    .map((e) => `<url><loc>${esc(absoluteUrl(ctx, e.path))}</loc>${e.lastmod ? `<lastmod>${esc(e.lastmod)}</lastmod>` : ''}${alt(e.path)}</url>`).join('\n')}\n</urlset>\n`;
}

/** The Google News sitemap: our stories only, with publication name and language. */
export function newsSitemap(ctx: PageContext, stories: readonly PieceView[]): string {
  const items = stories.filter((v) => v.piece.type === 'story' && v.piece.path && v.piece.publishedAt).map((v) => `<url><loc>${esc(absoluteUrl(ctx, v.piece.path!))}</loc><news:news>`
    + `<news:publication><news:name>${esc(ctx.siteName)}</news:name><news:language>${v.piece.language}</news:language></news:publication>`
    + `<news:publication_date>${esc(v.piece.publishedAt!)}</news:publication_date><news:title>${esc(displayHeadline(v))}</news:title></news:news></url>`);
  return `${HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${items.join('\n')}\n</urlset>\n`;
}

/** robots.txt: everything may be crawled except search results; where the sitemaps are. */
export function robotsTxt(ctx: PageContext): string {
  const searches = ['/search', ...ctx.languages.filter((l) => l !== ctx.defaultLang).map((l) => `/${l}/search`)];
  return `User-agent: *\n${searches.map((s) => `Disallow: ${s}`).join('\n')}\nAllow: /\n\nSitemap: ${ctx.siteUrl}/sitemap.xml\nSitemap: ${ctx.siteUrl}/sitemaps/news.xml\n`;
}
