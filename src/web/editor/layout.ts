import type { Language } from '../../model/site.ts';
import type { UserRecord } from '../../store/users.ts';
import { html, type SafeHtml } from '../html.ts';
import { m, type EditorKey } from './messages.ts';

/** What every editor screen knows about the request: language, the signed-in user, a CSRF token for its forms. */
export interface ScreenContext {
  lang: Language;
  user: UserRecord | null;
  csrf: string;
  /** The request path (for the active navigation item). */
  path: string;
  /** Stylesheet version, so the URL changes with the file. */
  assetVersion: string;
}

/** One screen's own parts. */
export interface ScreenParts {
  title: string;
  main: SafeHtml;
  /** Adds the reader site's stylesheet, for screens with a reader preview. */
  withSiteCss?: boolean;
  wide?: boolean;
}

/** The hidden CSRF field every state-changing form carries. */
export function csrfField(c: ScreenContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${c.csrf}">`;
}

const NAV: { path: string; key: EditorKey; roles: readonly string[] }[] = [
  { path: '/editor/capture', key: 'navCapture', roles: ['admin', 'editor', 'contributor'] },
  { path: '/editor/inbox', key: 'navInbox', roles: ['admin', 'editor', 'contributor'] },
  { path: '/editor/pieces', key: 'navPieces', roles: ['admin', 'editor', 'contributor'] },
  { path: '/editor/feeds', key: 'navFeeds', roles: ['admin', 'editor'] },
  { path: '/editor/links', key: 'navLinks', roles: ['admin', 'editor'] },
  { path: '/editor/directory', key: 'navDirectory', roles: ['admin', 'editor'] },
  { path: '/editor/users', key: 'navUsers', roles: ['admin'] },
  { path: '/editor/settings', key: 'navSettings', roles: ['admin'] },
  { path: '/editor/audit', key: 'navAudit', roles: ['admin'] },
];

function nav(c: ScreenContext): SafeHtml {
  if (!c.user) return html``;
  const items = NAV.filter((n) => n.roles.includes(c.user!.role));
  return html`<nav class="ed-nav" aria-label="${m(c.lang, 'appName')}"><ul>
${items.map((n) => html`<li><a href="${n.path}"${c.path.startsWith(n.path) ? html` aria-current="page"` : ''}>${m(c.lang, n.key)}</a></li>`)}
<li><a href="/">${m(c.lang, 'navSite')}</a></li></ul></nav>`;
}

function account(c: ScreenContext): SafeHtml {
  const lang = html`<form method="post" action="/editor/language" class="ed-inline">${csrfField(c)}<input type="hidden" name="to" value="${c.lang === 'en' ? 'uk' : 'en'}"><input type="hidden" name="back" value="${c.path}"><button type="submit" class="ed-link" lang="${c.lang === 'en' ? 'uk' : 'en'}">${m(c.lang, 'switchLanguage')}</button></form>`;
  if (!c.user) return html`<div class="ed-account">${lang}</div>`;
  return html`<div class="ed-account"><span class="ed-who">${c.user.name} · ${c.user.role}</span>${lang}
<form method="post" action="/editor/sign-out" class="ed-inline">${csrfField(c)}<button type="submit" class="ed-link">${m(c.lang, 'signOut')}</button></form>
<form method="post" action="/editor/sign-out-everywhere" class="ed-inline">${csrfField(c)}<button type="submit" class="ed-link">${m(c.lang, 'signOutEverywhere')}</button></form></div>`;
}

/** A whole editor page: header with navigation and account, the screen's main, no inline script or style (CSP). */
export function screen(c: ScreenContext, p: ScreenParts): SafeHtml {
  return html`<!doctype html>
<html lang="${c.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><title>${p.title} · ${m(c.lang, 'appName')}</title>
${p.withSiteCss ? html`<link rel="stylesheet" href="/assets/site.css?v=${c.assetVersion}">` : ''}
<link rel="stylesheet" href="/assets/editor.css?v=${c.assetVersion}"><link rel="manifest" href="/assets/editor.webmanifest"><script src="/assets/editor.js?v=${c.assetVersion}" defer></script></head>
<body class="ed"><a class="ed-skip" href="#main">${m(c.lang, 'skip')}</a>
<header class="ed-header"><p class="ed-brand"><a href="/editor">${m(c.lang, 'appName')}</a></p>${nav(c)}${account(c)}</header>
<main id="main" class="${p.wide ? 'ed-main ed-wide' : 'ed-main'}" tabindex="-1"><h1>${p.title}</h1>
${p.main}</main></body></html>`;
}

/** A message box: `error` for refusals, `ok` for confirmations, `warn` for things to check. */
export function notice(kind: 'error' | 'ok' | 'warn', text: string | SafeHtml, title?: string): SafeHtml {
  return html`<div class="ed-notice ed-${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${title ? html`<p class="ed-notice-title">${title}</p>` : ''}<p>${text}</p></div>`;
}
