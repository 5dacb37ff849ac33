import { generateAtomFeed, generateJsonFeed, generateRssFeed } from 'feedsmith';
import { localized } from '../../model/site.ts';
import { formatBylineTime } from '../../newsroom/rules/dates.ts';
import { continueReadingLink } from '../../newsroom/rules/link-text.ts';
import { safeHttpUrl } from '../../newsroom/rules/links.ts';
import type { PieceView } from '../../store/pieces.ts';
import { html, type SafeHtml } from '../html.ts';
import { renderBlocks } from './blocks.ts';
import { displayHeadline } from './items.ts';
import { absoluteUrl, type PageContext } from './layout.ts';
import { renderMarkdown } from './markdown.ts';
import { t } from './messages.ts';
import { pieceDescription } from './seo.ts';

/*
 * The site's feeds in RSS 2.0, Atom 1.0 and JSON Feed 1.1, for the whole site and for each tag, person and
 * outlet. A recommendation's entry links to our page and carries the excerpt, the editor's note and the link
 * to the original (Atom `rel="related"`, JSON Feed `external_url`); a story's carries its full text.
 */

/** The three formats. */
export type FeedFormat = 'rss' | 'atom' | 'json';

/** A feed: its title, the unprefixed path of the page it mirrors, and its pieces, newest first. */
export interface FeedSpec {
  title: string;
  description: string;
  /** `/` for the site, `/tag/media` for a tag… */
  base: string;
  views: PieceView[];
}

/** Pieces in a feed. */
export const FEED_SIZE = 30;

/** Corrections, dated, as on the page: a reader who saw the entry before learns what changed (its `updated` moves too). */
function correctionsHtml(v: PieceView, ctx: PageContext): SafeHtml {
  if (!v.piece.corrections.length) return html``;
  return html`<p><strong>${t(ctx.lang, 'corrections')}</strong></p><ul>${v.piece.corrections.map((c) => html`<li>${formatBylineTime(c.at, ctx.lang, ctx.timeZone)}: ${c.text}</li>`)}</ul>`;
}

function pieceHtml(v: PieceView, ctx: PageContext): SafeHtml {
  return html`${pieceBodyHtml(v, ctx)}${correctionsHtml(v, ctx)}`;
}

function pieceBodyHtml(v: PieceView, ctx: PageContext): SafeHtml {
  if (v.piece.type === 'story') return html`${v.piece.standfirst ? html`<p><strong>${v.piece.standfirst}</strong></p>` : ''}${renderMarkdown(v.piece.body ?? '')}`;
  const cont = v.piece.originalUrl ? continueReadingLink(v.piece.originalUrl, v.outlet?.name ?? new URL(v.piece.originalUrl).hostname, ctx.lang) : null;
  return html`${renderBlocks(v.piece.excerpt)}${cont ? html`<p><a href="${cont.href}">${cont.text}</a></p>` : ''}${v.piece.editorsNote ? html`<p><em>${t(ctx.lang, 'editorsNote')} ${v.piece.editorsNote}</em></p>` : ''}`;
}

function names(v: PieceView): string[] {
  return v.authors.map((a) => localized(a.names, v.piece.language));
}

function feedUrl(ctx: PageContext, spec: FeedSpec, ext: string): string {
  return absoluteUrl(ctx, `${spec.base === '/' ? '' : spec.base}/feed.${ext}`, ctx.lang);
}

function updated(spec: FeedSpec, ctx: PageContext): Date {
  const latest = spec.views.reduce((max, v) => (v.piece.updatedAt > max ? v.piece.updatedAt : max), '');
  return latest ? new Date(latest) : ctx.now;
}

function rss(ctx: PageContext, spec: FeedSpec): string {
  return generateRssFeed({
    title: spec.title, link: absoluteUrl(ctx, spec.base, ctx.lang), description: spec.description, language: ctx.lang,
    lastBuildDate: updated(spec, ctx), atom: { links: [{ href: feedUrl(ctx, spec, 'xml'), rel: 'self', type: 'application/rss+xml' }] },
    items: spec.views.map((v) => {
      const url = absoluteUrl(ctx, v.piece.path ?? '/');
      return {
        title: displayHeadline(v), link: url, guid: { value: url, isPermaLink: true }, pubDate: new Date(v.piece.publishedAt ?? v.piece.updatedAt),
        // Readers render an RSS description as HTML, so a story's plain-text description is escaped, never passed raw.
        description: v.piece.type === 'story' ? html`${pieceDescription(v)}`.value : pieceHtml(v, ctx).value,
        ...(v.piece.type === 'story' ? { content: { encoded: pieceHtml(v, ctx).value } } : {}),
        categories: v.tags.map((tag) => ({ name: localized(tag.names, ctx.lang) })),
        ...(v.authors.length ? { dc: { creators: names(v) } } : {}),
      };
    }),
  });
}

function atom(ctx: PageContext, spec: FeedSpec): string {
  return generateAtomFeed({
    id: absoluteUrl(ctx, spec.base, ctx.lang), title: { value: spec.title }, subtitle: { value: spec.description }, updated: updated(spec, ctx),
    links: [{ href: absoluteUrl(ctx, spec.base, ctx.lang), rel: 'alternate', type: 'text/html' }, { href: feedUrl(ctx, spec, 'atom'), rel: 'self', type: 'application/atom+xml' }],
    authors: [{ name: ctx.siteName }],
    entries: spec.views.map((v) => {
      const url = absoluteUrl(ctx, v.piece.path ?? '/');
      const original = safeHttpUrl(v.piece.originalUrl);
      return {
        id: url, title: { value: displayHeadline(v) }, updated: new Date(v.piece.updatedAt), published: new Date(v.piece.publishedAt ?? v.piece.updatedAt),
        links: [{ href: url, rel: 'alternate', type: 'text/html' }, ...(original ? [{ href: original, rel: 'related', type: 'text/html' }] : [])],
        summary: { value: pieceDescription(v) || displayHeadline(v) }, content: { value: pieceHtml(v, ctx).value, type: 'html' },
        authors: names(v).map((name) => ({ name })), categories: v.tags.map((tag) => ({ term: tag.slug, label: localized(tag.names, ctx.lang) })),
      };
    }),
  });
}

function json(ctx: PageContext, spec: FeedSpec): string {
  const feed = generateJsonFeed({
    title: spec.title, description: spec.description, home_page_url: absoluteUrl(ctx, spec.base, ctx.lang), feed_url: feedUrl(ctx, spec, 'json'), language: ctx.lang,
    items: spec.views.map((v) => {
      const original = safeHttpUrl(v.piece.originalUrl);
      return {
        id: absoluteUrl(ctx, v.piece.path ?? '/'), url: absoluteUrl(ctx, v.piece.path ?? '/'), ...(original ? { external_url: original } : {}),
        title: displayHeadline(v), content_html: pieceHtml(v, ctx).value, summary: pieceDescription(v), language: v.piece.language,
        date_published: new Date(v.piece.publishedAt ?? v.piece.updatedAt), date_modified: new Date(v.piece.updatedAt),
        authors: names(v).map((name) => ({ name })), tags: v.tags.map((tag) => localized(tag.names, ctx.lang)),
      };
    }),
  });
  return JSON.stringify(feed);
}

/** The feed document in `format`. */
export function renderFeed(format: FeedFormat, ctx: PageContext, spec: FeedSpec): string {
  return format === 'rss' ? rss(ctx, spec) : format === 'atom' ? atom(ctx, spec) : json(ctx, spec);
}
