import type { Language } from '../../model/site.ts';
import { formatMastheadDate } from '../../newsroom/rules/dates.ts';
import { html, type SafeHtml } from '../html.ts';
import { languageName, t } from './messages.ts';

/*
 * Languages in URLs: pages in the site's default language have no prefix (`/tag/media`); every other
 * language has its own (`/uk/tag/media`). One URL, one language: caches and search engines see distinct
 * pages, linked by hreflang alternates. A piece keeps its own language on its <article>.
 */

/** What every reader page shares: site name, language, today's date, whether the demo is present. */
export interface PageContext {
  siteName: string;
  lang: Language;
  /** The site's default language (the one without a URL prefix). */
  defaultLang: Language;
  languages: readonly Language[];
  timeZone: string;
  now: Date;
  demo: boolean;
  siteUrl: string;
  assetVersion: string;
}

/** One page's own parts. */
export interface PageParts {
  title: string;
  description?: string;
  /** The path of this page without a language prefix (for the language switcher, hreflang and canonical). */
  path: string;
  /** Feeds of this page's list, by base path (`/tag/media` → `/tag/media/feed.xml` …). */
  feedBase?: string;
  feedTitle?: string;
  /** Extra elements for <head> (robots, JSON-LD, OpenGraph). */
  head?: SafeHtml;
  /** False when `head` already holds a canonical link (a recommendation canonical to the original). */
  canonical?: boolean;
  main: SafeHtml;
}

/** The URL prefix of a language: '' for the default language, `/uk` for the others. */
export function langPrefix(lang: Language, defaultLang: Language): string {
  return lang === defaultLang ? '' : `/${lang}`;
}

/** A site path in the page's language. */
export function href(ctx: Pick<PageContext, 'lang' | 'defaultLang'>, path: string): string {
  return `${langPrefix(ctx.lang, ctx.defaultLang)}${path}`;
}

/** An absolute URL of a path in a language. */
export function absoluteUrl(ctx: Pick<PageContext, 'siteUrl' | 'defaultLang'>, path: string, lang: Language = ctx.defaultLang): string {
  return `${ctx.siteUrl}${langPrefix(lang, ctx.defaultLang)}${path}`;
}

function feedLinks(ctx: PageContext, parts: PageParts): SafeHtml {
  if (!parts.feedBase) return html``;
  const base = href(ctx, parts.feedBase === '/' ? '' : parts.feedBase);
  const title = parts.feedTitle ?? ctx.siteName;
  return html`<link rel="alternate" type="application/rss+xml" title="${title} (RSS)" href="${base}/feed.xml">
<link rel="alternate" type="application/atom+xml" title="${title} (Atom)" href="${base}/feed.atom">
<link rel="alternate" type="application/feed+json" title="${title} (JSON Feed)" href="${base}/feed.json">`;
}

function alternates(ctx: PageContext, parts: PageParts): SafeHtml {
  return html`${parts.canonical === false ? '' : html`<link rel="canonical" href="${absoluteUrl(ctx, parts.path, ctx.lang)}">`}
${ctx.languages.length > 1 ? html`${ctx.languages.map((l) => html`<link rel="alternate" hreflang="${l}" href="${absoluteUrl(ctx, parts.path, l)}">`)}<link rel="alternate" hreflang="x-default" href="${absoluteUrl(ctx, parts.path)}">` : ''}`;
}

function header(ctx: PageContext, parts: PageParts): SafeHtml {
  const others = ctx.languages.filter((l) => l !== ctx.lang);
  return html`<header class="masthead">
<p class="masthead-date">${formatMastheadDate(ctx.now, ctx.lang, ctx.timeZone)}</p>
<p class="masthead-name"><a href="${href(ctx, '/')}">${ctx.siteName}</a></p>
<nav class="site-nav" aria-label="${ctx.siteName}"><ul>
<li><a href="${href(ctx, '/')}">${t(ctx.lang, 'home')}</a></li>
<li><a href="${href(ctx, '/latest')}">${t(ctx.lang, 'latest')}</a></li>
<li><a href="${href(ctx, '/archive')}">${t(ctx.lang, 'archive')}</a></li>
<li><a href="${href(ctx, '/search')}">${t(ctx.lang, 'search')}</a></li>
${others.map((l) => html`<li><a href="${langPrefix(l, ctx.defaultLang)}${parts.path}" hreflang="${l}" lang="${l}">${languageName(l)}</a></li>`)}
</ul></nav>
</header>`;
}

/** The page shell: masthead with today's date, navigation, the demo notice, main content, footer. */
export function layout(ctx: PageContext, parts: PageParts): SafeHtml {
  const title = parts.title === ctx.siteName ? ctx.siteName : `${parts.title} \u2014 ${ctx.siteName}`;
  return html`<!doctype html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
${parts.description ? html`<meta name="description" content="${parts.description}">` : ''}
<link rel="stylesheet" href="/assets/site.css?v=${ctx.assetVersion}">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
${alternates(ctx, parts)}
${feedLinks(ctx, parts)}
${parts.head ?? ''}
</head>
<body>
<a class="skip" href="#main">${t(ctx.lang, 'skipToContent')}</a>
${ctx.demo ? html`<p class="demo-banner" role="note">${t(ctx.lang, 'demoBanner')}</p>` : ''}
${header(ctx, parts)}
<main id="main">
${parts.main}
</main>
<footer class="site-footer">
<p>\u00a9 ${ctx.siteName} \u00b7 <a href="${href(ctx, '/feed.xml')}">${t(ctx.lang, 'rssFeed')}</a></p>
<p class="print-only">${absoluteUrl(ctx, parts.path, ctx.lang)}</p>
</footer>
</body>
</html>`;
}
