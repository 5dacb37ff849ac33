import { AppError } from '../../model/app-error.ts';
import type { Language } from '../../model/site.ts';
import { dedupeUrl } from '../../model/url.ts';
import { recordAudit } from '../../store/audit.ts';
import { getCapture } from '../../store/captures.ts';
import { dismissCandidate, getCandidate, listInbox, markCaptured } from '../../store/candidates.ts';
import { feedStatus } from '../../feeds/feed-health.ts';
import { listFeeds, pauseFeed, resumeFeed, type FeedWithOutlet } from '../../store/feeds.ts';
import { html, type SafeHtml } from '../html.ts';
import { captureToDraft } from './capture.ts';
import { csrfField, notice } from './layout.ts';
import { m, mf } from './messages.ts';
import type { EditorRequest, EditorRouter } from './router.ts';

/*
 * The Inbox (candidates found in the outlets' feeds, syndicated copies grouped under the first one, one-click
 * capture, dismiss) and the feeds' health (errors in a row, last success, why a feed is paused; pause/resume).
 */

async function inboxScreen(e: EditorRequest, flaggedOnly: boolean, top?: SafeHtml): Promise<SafeHtml> {
  const entries = await listInbox(e.deps.store.db, { flaggedOnly, limit: 200 });
  const c = e.ctx();
  const lang = e.lang;
  const items = entries.map((x) => html`<li class="ed-candidate"><p><a href="${x.url}" rel="noopener noreferrer">${x.title}</a>
${x.watch_matches ? html` <strong>${m(lang, 'flagged')}</strong>` : ''}<br><span class="ed-muted">${x.outlet_name ?? ''} · ${x.published_at?.slice(0, 16).replace('T', ' ') ?? ''}</span></p>
${x.sources.length ? html`<p class="ed-muted">${m(lang, 'alsoAt')}: ${x.sources.map((s) => s.outlet_name ?? s.url).join(', ')}</p>` : ''}
<form method="post" action="/editor/inbox/${String(x.id)}/capture" class="ed-inline">${csrfField(c)}<button type="submit" class="ed-primary">${m(lang, 'captureButton')}</button></form>
<form method="post" action="/editor/inbox/${String(x.id)}/dismiss" class="ed-inline">${csrfField(c)}<button type="submit">${m(lang, 'dismiss')}</button></form></li>`);
  const main = html`${top ?? ''}<p><a href="/editor/inbox${flaggedOnly ? '' : '?flagged=1'}">${flaggedOnly ? m(lang, 'allStates') : m(lang, 'flagged')}</a></p>
${entries.length ? html`<ul class="ed-candidates">${items}</ul>` : html`<p>${m(lang, 'noCandidates')}</p>`}`;
  return e.page({ title: m(lang, 'inboxTitle'), main, wide: true });
}

/** The feed's health in words, with what to do about it (the same states as `newsdesk feeds status`). */
function healthCell(lang: Language, f: FeedWithOutlet, now: Date): SafeHtml {
  const s = feedStatus(f, now);
  const since = (iso: string | null) => iso?.slice(0, 16).replace('T', ' ') ?? '—';
  const every = s.usualGapSeconds ? `${Math.max(1, Math.round(s.usualGapSeconds / 3600))} h` : '—';
  const word = s.health === 'quiet' ? mf(lang, 'feedHealth_quiet', { since: since(s.lastNewItemAt), every })
    : s.health === 'overdue' ? mf(lang, 'feedHealth_overdue', { since: since(s.nextCheckAt) }) : m(lang, `feedHealth_${s.health}`);
  const reason = s.health === 'paused' ? s.pausedReason : null;
  const cap = s.overCap ? mf(lang, 'feedOverCap', { n: s.overCap }) : null;
  return html`<strong>${word}</strong>${reason ? html`: ${reason}` : ''}${cap ? html`<br><span class="ed-muted">${cap}</span>` : ''}`;
}

async function feedsScreen(e: EditorRequest): Promise<SafeHtml> {
  const feeds = await listFeeds(e.deps.store.db);
  const now = e.deps.now();
  const c = e.ctx();
  const lang = e.lang;
  const rows = feeds.map((f) => html`<tr><td>${f.title ?? f.url}<br><span class="ed-muted">${f.url}</span></td><td>${f.outlet_name ?? ''}</td>
<td>${String(f.consecutive_errors)}${f.last_error ? html`<br><span class="ed-muted">${f.last_error}</span>` : ''}</td><td>${f.last_success_at?.slice(0, 16).replace('T', ' ') ?? '—'}</td>
<td>${healthCell(lang, f, now)}</td>
<td><form method="post" action="/editor/feeds/${String(f.id)}/${f.paused_reason ? 'resume' : 'pause'}" class="ed-inline">${csrfField(c)}<button type="submit">${m(lang, f.paused_reason ? 'resume' : 'pause')}</button></form></td></tr>`);
  const main = html`<p><a href="/editor/feeds/add">${m(lang, 'feedAddLink')}</a></p><div class="ed-table-wrap"><table class="ed-table"><thead><tr><th scope="col">URL</th><th scope="col">${m(lang, 'outlet')}</th><th scope="col">${m(lang, 'feedErrors')}</th><th scope="col">${m(lang, 'lastSuccess')}</th><th scope="col">${m(lang, 'state')}</th><th scope="col"><span class="visually-hidden">${m(lang, 'change')}</span></th></tr></thead><tbody>${rows}</tbody></table></div>`;
  return e.page({ title: m(lang, 'feedsTitle'), main, wide: true });
}

function idOf(raw: unknown): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('not-found', 'not found');
  return id;
}

/** Registers the inbox and the feeds' health screens. */
export function registerInbox(r: EditorRouter): void {
  r.get('/editor/inbox', 'contributor', async (req, _reply, e) => inboxScreen(e, (req.query as Record<string, unknown>).flagged === '1'));
  r.post('/editor/inbox/:id/capture', 'contributor', async (req, reply, e) => {
    const candidate = await getCandidate(e.deps.store.db, idOf((req.params as { id: string }).id));
    if (!candidate) throw new AppError('not-found', m(e.lang, 'notFound'));
    const result = await captureToDraft(e, candidate.url);
    if ('error' in result) return reply.code(422).type('text/html; charset=utf-8').send((await inboxScreen(e, false, notice('error', result.error, m(e.lang, 'captureRefused')))).value);
    // The page's <link rel=canonical> folds this candidate into one already at that URL, as auto-capture does.
    const capture = await getCapture(e.deps.store.db, result.captureId);
    await markCaptured(e.deps.store.db, Number(candidate.id), result.captureId, capture ? dedupeUrl(capture.canonicalUrl) : null);
    return reply.code(303).header('location', `/editor/pieces/${result.id}`).send();
  });
  r.post('/editor/inbox/:id/dismiss', 'contributor', async (req, reply, e) => {
    await dismissCandidate(e.deps.store.db, idOf((req.params as { id: string }).id));
    return reply.code(303).header('location', '/editor/inbox').send();
  });
  r.get('/editor/feeds', 'editor', async (_req, _reply, e) => feedsScreen(e));
  for (const action of ['pause', 'resume'] as const) {
    r.post(`/editor/feeds/:id/${action}`, 'editor', async (req, reply, e) => {
      const id = idOf((req.params as { id: string }).id);
      const at = e.deps.now().toISOString();
      const done = action === 'pause' ? await pauseFeed(e.deps.store.db, id, m(e.lang, 'pausedByEditor'), at) : await resumeFeed(e.deps.store.db, id, at);
      if (!done) throw new AppError('not-found', m(e.lang, 'notFound'));
      await recordAudit(e.deps.store.db, { at, userId: e.user!.id, action: `feed.${action}`, subjectType: 'feed', subjectId: id });
      return reply.code(303).header('location', '/editor/feeds').send();
    });
  }
}
