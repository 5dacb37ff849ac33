import type { FeedItem, ParsedFeed } from '../../model/feed.ts';
import { addFeed, findFeeds } from '../../ingest/add-feed.ts';
import type { FeedFetch } from '../../ingest/refresh-feed.ts';
import { recordAudit } from '../../store/audit.ts';
import { findFeed } from '../../store/feeds.ts';
import { html, type SafeHtml } from '../html.ts';
import { csrfField, notice } from './layout.ts';
import { m, mf } from './messages.ts';
import type { EditorRequest, EditorRouter } from './router.ts';

/*
 * Adding a feed from the editor: paste a feed's URL or an outlet's home page, see what newsdesk finds there (each
 * feed's title, kind and newest items, so the editor can judge it) and add the right one. Everything shown comes
 * from a stranger's server, so it is text through the escaping template. Fetching goes through the paste fetcher
 * (safeFetch, with its SSRF guard); nothing is stored until the editor presses "Add".
 */

const PREVIEW_ITEMS = 8;

function fetcherOf(e: EditorRequest): FeedFetch | null {
  const page = e.deps.fetchPage;
  return page ? (url) => page(url) : null;
}

function urlField(raw: unknown): string {
  return typeof raw === 'string' ? raw.trim().slice(0, 2000) : '';
}

function itemLine(it: FeedItem): SafeHtml {
  const meta = [it.publishedAt?.slice(0, 16).replace('T', ' '), it.authors.join(', ')].filter(Boolean).join(' · ');
  return html`<li><a href="${it.url}" rel="noopener noreferrer nofollow">${it.title}</a>${meta ? html` <span class="ed-muted">${meta}</span>` : ''}</li>`;
}

async function foundFeed(e: EditorRequest, url: string, feed: ParsedFeed): Promise<SafeHtml> {
  const lang = e.lang;
  const known = await findFeed(e.deps.store.db, url);
  const action = known
    ? html`<p><strong>${m(lang, 'feedAlreadyWatched')}</strong></p>`
    : html`<form method="post" action="/editor/feeds/add" class="ed-inline">${csrfField(e.ctx())}<input type="hidden" name="url" value="${url}"><button type="submit" class="ed-primary">${m(lang, 'feedAddThis')}</button></form>`;
  return html`<section class="ed-feed-preview"><h2>${feed.title ?? url}</h2>
<p class="ed-muted">${url} · ${feed.format}${feed.language ? ` · ${feed.language}` : ''} · ${mf(lang, 'feedItemCount', { n: feed.items.length })}</p>
${feed.items.length ? html`<ul>${feed.items.slice(0, PREVIEW_ITEMS).map(itemLine)}</ul>` : ''}${action}</section>`;
}

async function addScreen(e: EditorRequest, url: string, top?: SafeHtml): Promise<SafeHtml> {
  const lang = e.lang;
  const form = html`<form method="get" action="/editor/feeds/add" class="ed-form ed-narrow">
<p><label for="feed-url">${m(lang, 'feedAddLabel')}</label><input id="feed-url" name="url" type="url" required maxlength="2000" value="${url}"></p>
<p><button type="submit">${m(lang, 'feedFind')}</button></p></form>`;
  let found: SafeHtml | string = '';
  const fetch = fetcherOf(e);
  if (url && !fetch) found = notice('error', m(lang, 'feedNoFetcher'));
  else if (url && fetch) {
    const r = await findFeeds(fetch, url);
    found = r.ok ? html`${await Promise.all(r.found.map((f) => foundFeed(e, f.url, f.feed)))}` : notice('error', r.message);
  }
  return e.page({ title: m(lang, 'feedAddTitle'), main: html`${top ?? ''}<p>${m(lang, 'feedAddIntro')}</p>${form}${found}` });
}

/** Registers the screen that finds, previews and adds feeds (editors and admins). */
export function registerFeedAdd(r: EditorRouter): void {
  r.get('/editor/feeds/add', 'editor', async (req, _reply, e) => addScreen(e, urlField((req.query as Record<string, unknown>).url)));
  r.post('/editor/feeds/add', 'editor', async (req, reply, e) => {
    const url = urlField((req.body as Record<string, unknown> | undefined)?.url);
    const fetch = fetcherOf(e);
    if (!fetch) return addScreen(e, url, notice('error', m(e.lang, 'feedNoFetcher')));
    const at = e.deps.now();
    // The URL the preview showed is a feed's own, so this adds exactly that feed (never a page's other feeds).
    const r = await addFeed(e.deps.store, fetch, url, { now: at, maxFeeds: 1 });
    if (!r.ok) return addScreen(e, url, notice('error', r.message));
    for (const f of r.feeds.filter((x) => x.created)) {
      await recordAudit(e.deps.store.db, { at: at.toISOString(), userId: e.user!.id, action: 'feed.add', subjectType: 'feed', subjectId: f.id, details: { url: f.url } });
    }
    return reply.code(303).header('location', '/editor/feeds').send();
  });
}
