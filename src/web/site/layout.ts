import type { Language } from '../../model/site.ts';
import { formatMastheadDate } from '../../newsroom/rules/dates.ts';
import { html, type SafeHtml } from '../html.ts';
import { t } from './messages.ts';

/** What every reader page shares: site name, language, today's date, whether the demo is present. */
export interface PageContext {
  siteName: string;
  lang: Language;
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
  /** Extra elements for <head> (canonical, robots, JSON-LD, OpenGraph). */
  head?: SafeHtml;
  main: SafeHtml;
}

/** The page shell: masthead with today's date, the demo notice, main content, footer. */
export function layout(ctx: PageContext, parts: PageParts): SafeHtml {
  const title = parts.title === ctx.siteName ? ctx.siteName : `${parts.title} \u2014 ${ctx.siteName}`;
  return html`<!doctype html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${parts.description ? html`<meta name="description" content="${parts.description}">` : ''}
<link rel="stylesheet" href="/assets/site.css?v=${ctx.assetVersion}">
${parts.head ?? ''}
</head>
<body>
<a class="skip" href="#main">${t(ctx.lang, 'skipToContent')}</a>
${ctx.demo ? html`<p class="demo-banner" role="note">${t(ctx.lang, 'demoBanner')}</p>` : ''}
<header class="masthead">
<p class="masthead-date">${formatMastheadDate(ctx.now, ctx.lang, ctx.timeZone)}</p>
<p class="masthead-name"><a href="/">${ctx.siteName}</a></p>
</header>
<main id="main">
${parts.main}
</main>
<footer class="site-footer"><p>\u00a9 ${ctx.siteName}</p></footer>
</body>
</html>`;
}
