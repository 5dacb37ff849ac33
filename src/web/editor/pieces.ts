import { AppError } from '../../model/app-error.ts';
import { PIECE_STATES } from '../../model/piece.ts';
import { correctPiece, retractPiece, unpublishPiece } from '../../newsroom/piece-commands.ts';
import { listPieces, listRevisions } from '../../store/pieces.ts';
import { html, type SafeHtml } from '../html.ts';
import { csrfField } from './layout.ts';
import { m } from './messages.ts';
import type { EditorRequest, EditorRouter } from './router.ts';

/*
 * The Pieces screen (lists by state, with search), a piece's revision history with what changed, and the
 * after-publishing actions: corrections, unpublish, retract. Roles are checked by the newsroom commands.
 */

function stateTabs(e: EditorRequest, current: string, q: string): SafeHtml {
  const states = ['', ...PIECE_STATES];
  return html`<nav class="ed-tabs" aria-label="${m(e.lang, 'state')}"><ul>${states.map((s) => html`<li><a href="/editor/pieces${s || q ? `?${new URLSearchParams({ ...(s ? { state: s } : {}), ...(q ? { q } : {}) })}` : ''}"${s === current ? html` aria-current="page"` : ''}>${s || m(e.lang, 'allStates')}</a></li>`)}</ul></nav>`;
}

async function listScreen(e: EditorRequest, state: string, q: string): Promise<SafeHtml> {
  const all = await listPieces(e.deps.store.db, { ...(state ? { states: [state] } : {}), limit: 500 });
  const needle = q.toLowerCase();
  const views = needle ? all.filter((v) => `${v.piece.headline} ${v.piece.headlineOverride ?? ''} ${v.outlet?.name ?? ''}`.toLowerCase().includes(needle)) : all;
  const rows = views.map((v) => html`<tr><td><a href="/editor/pieces/${v.piece.id}">${v.piece.headlineOverride || v.piece.headline}</a></td><td>${v.piece.state}</td><td>${v.piece.kind}</td><td>${v.outlet?.name ?? ''}</td><td><time datetime="${v.piece.updatedAt}">${v.piece.updatedAt.slice(0, 16).replace('T', ' ')}</time></td></tr>`);
  const main = html`${stateTabs(e, state, q)}
<form method="get" action="/editor/pieces" class="ed-search" role="search">${state ? html`<input type="hidden" name="state" value="${state}">` : ''}<label for="q">${m(e.lang, 'search')}</label><input id="q" name="q" type="search" maxlength="200" value="${q}"><button type="submit">${m(e.lang, 'search')}</button></form>
${views.length ? html`<div class="ed-table-wrap"><table class="ed-table"><thead><tr><th scope="col">${m(e.lang, 'headline')}</th><th scope="col">${m(e.lang, 'state')}</th><th scope="col">${m(e.lang, 'kind')}</th><th scope="col">${m(e.lang, 'outlet')}</th><th scope="col">${m(e.lang, 'updated')}</th></tr></thead><tbody>${rows}</tbody></table></div>` : html`<p>${m(e.lang, 'noPieces')}</p>`}`;
  return e.page({ title: m(e.lang, 'piecesTitle'), main, wide: true });
}

function showValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

async function historyScreen(e: EditorRequest, id: number): Promise<SafeHtml> {
  const revs = await listRevisions(e.deps.store.db, id);
  if (!revs.length) throw new AppError('not-found', m(e.lang, 'notFound'));
  const rows = revs.map((r) => {
    const changes = JSON.parse(r.changes) as Record<string, [unknown, unknown]>;
    return html`<tr><td>${String(r.version)}</td><td><time datetime="${r.at}">${r.at.slice(0, 16).replace('T', ' ')}</time></td><td>${r.user_id === null ? 'system' : `#${r.user_id}`}</td>
<td><dl class="ed-changes">${Object.entries(changes).map(([k, pair]) => html`<dt>${k}</dt><dd><del>${showValue(pair?.[0])}</del> → <ins>${showValue(pair?.[1])}</ins></dd>`)}</dl></td></tr>`;
  });
  const c = e.ctx();
  const main = html`<p><a href="/editor/pieces/${id}">${m(e.lang, 'back')}</a></p>
<div class="ed-table-wrap"><table class="ed-table"><thead><tr><th scope="col">${m(e.lang, 'version')}</th><th scope="col">${m(e.lang, 'updated')}</th><th scope="col">${m(e.lang, 'by')}</th><th scope="col">${m(e.lang, 'changes')}</th></tr></thead><tbody>${rows}</tbody></table></div>
<section aria-labelledby="corr-h"><h2 id="corr-h">${m(e.lang, 'addCorrection')}</h2>
<form method="post" action="/editor/pieces/${id}/correct" class="ed-form">${csrfField(c)}<p><label for="corr">${m(e.lang, 'correctionText')}</label><textarea id="corr" name="text" rows="3" maxlength="5000" required></textarea></p><p><button type="submit">${m(e.lang, 'addCorrection')}</button></p></form></section>
<section aria-labelledby="ret-h"><h2 id="ret-h">${m(e.lang, 'retract')}</h2>
<form method="post" action="/editor/pieces/${id}/retract" class="ed-form">${csrfField(c)}<p><label for="ret">${m(e.lang, 'retractNote')}</label><textarea id="ret" name="note" rows="3" maxlength="5000" required></textarea></p><p><button type="submit" class="ed-danger">${m(e.lang, 'retract')}</button></p></form>
<form method="post" action="/editor/pieces/${id}/unpublish" class="ed-form">${csrfField(c)}<p><button type="submit">${m(e.lang, 'unpublish')}</button></p></form></section>`;
  return e.page({ title: `${m(e.lang, 'revisionsTitle')} #${id}`, main, wide: true });
}

function pieceId(raw: unknown): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('not-found', 'no such piece');
  return id;
}

function bodyText(body: unknown, name: string): string {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  if (typeof v !== 'string') return '';
  if (v.length > 5000) throw new AppError('invalid', `${name} is too long (at most 5000 characters)`);
  return v;
}

/** Registers the pieces list, history, corrections, unpublish and retract. */
export function registerPieces(r: EditorRouter): void {
  r.get('/editor/pieces', 'contributor', async (req, _reply, e) => {
    const q = (req.query as Record<string, unknown>);
    const state = typeof q.state === 'string' && (PIECE_STATES as readonly string[]).includes(q.state) ? q.state : '';
    return listScreen(e, state, typeof q.q === 'string' ? q.q.slice(0, 200) : '');
  });
  r.get('/editor/pieces/:id/history', 'contributor', async (req, _reply, e) => historyScreen(e, pieceId((req.params as { id: string }).id)));
  const after = (path: string, run: (e: EditorRequest, id: number, body: unknown) => Promise<unknown>) =>
    r.post(`/editor/pieces/:id/${path}`, 'editor', async (req, reply, e) => {
      const id = pieceId((req.params as { id: string }).id);
      await run(e, id, req.body);
      await e.deps.afterPublicChange?.();
      return reply.code(303).header('location', `/editor/pieces/${id}/history`).send();
    });
  after('correct', (e, id, body) => correctPiece(e.deps.store, e.actor(), id, bodyText(body, 'text'), e.deps.now()));
  after('retract', (e, id, body) => retractPiece(e.deps.store, e.actor(), id, bodyText(body, 'note'), e.deps.now()));
  after('unpublish', (e, id) => unpublishPiece(e.deps.store, e.actor(), id, e.deps.now()));
}

