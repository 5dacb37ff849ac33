import { PROBLEM_STATES, type LinkState } from '../../model/link-check.ts';
import { linksOf, listLinks, pieceHeadlines, type LinkWithUses } from '../../store/link-checks.ts';
import { html, type SafeHtml } from '../html.ts';
import { notice } from './layout.ts';
import { m, mf, type EditorKey } from './messages.ts';
import type { EditorRequest, EditorRouter } from './router.ts';

/*
 * The Links screen: outbound links the checker found broken, gone, refused, unreachable or moved, worst first, with
 * the pieces that use them and since when they fail; and the warning the piece edit screen shows for its own links.
 */

const STATE_KEY: Partial<Record<LinkState, EditorKey>> = {
  broken: 'linkBroken', gone: 'linkGone', refused: 'linkRefused', unreachable: 'linkUnreachable', redirected: 'linkRedirected',
};

/** Confirmed failures: what an editor must fix (a redirect still reaches the page). */
const FAILING: readonly LinkState[] = PROBLEM_STATES.filter((s) => s !== 'redirected');

function stateWord(e: EditorRequest, state: string): string {
  const key = STATE_KEY[state as LinkState];
  return key ? m(e.lang, key) : state;
}

function row(e: EditorRequest, l: LinkWithUses, headlines: Map<number, string>): SafeHtml {
  const pieces = l.uses.filter((u) => u.subjectType === 'piece');
  return html`<tr class="ed-link-${l.state}"><td>${stateWord(e, l.state)}${l.http_status ? html` <span class="ed-muted">${String(l.http_status)}</span>` : ''}</td>
<td><a href="${l.url}" rel="noopener noreferrer nofollow">${l.url}</a>${l.final_url ? html`<br><span class="ed-muted">${m(e.lang, 'linkMovedTo')} ${l.final_url}</span>` : ''}
${l.error && l.state !== 'redirected' ? html`<br><span class="ed-muted">${l.error}</span>` : ''}</td>
<td>${l.first_failed_at ? html`${l.first_failed_at.slice(0, 16).replace('T', ' ')}<br><span class="ed-muted">${mf(e.lang, 'linkFailures', { n: Number(l.consecutive_failures) })}</span>` : '—'}</td>
<td>${pieces.map((u) => html`<a href="/editor/pieces/${String(u.subjectId)}">${headlines.get(u.subjectId) ?? `#${u.subjectId}`}</a> <span class="ed-muted">(${u.field})</span><br>`)}</td></tr>`;
}

async function linksScreen(e: EditorRequest): Promise<SafeHtml> {
  const links = await listLinks(e.deps.store.db, { states: PROBLEM_STATES, limit: 500 });
  const headlines = await pieceHeadlines(e.deps.store.db, links.flatMap((l) => l.uses.filter((u) => u.subjectType === 'piece').map((u) => u.subjectId)));
  const lang = e.lang;
  const main = html`<p>${m(lang, 'linksIntro')}</p>
${links.length ? html`<div class="ed-table-wrap"><table class="ed-table"><thead><tr><th scope="col">${m(lang, 'state')}</th><th scope="col">URL</th><th scope="col">${m(lang, 'linkFailingSince')}</th><th scope="col">${m(lang, 'linkUsedBy')}</th></tr></thead>
<tbody>${links.map((l) => row(e, l, headlines))}</tbody></table></div>` : html`<p>${m(lang, 'linksNone')}</p>`}`;
  return e.page({ title: m(lang, 'linksTitle'), main, wide: true });
}

/** A warning naming the piece's links the checker confirmed failing; empty when there are none. */
export async function brokenLinksNotice(e: EditorRequest, pieceId: number): Promise<SafeHtml> {
  const failing = (await linksOf(e.deps.store.db, { subjectType: 'piece', subjectId: pieceId })).filter((l) => FAILING.includes(l.state as LinkState));
  if (failing.length === 0) return html``;
  const items = failing.map((l) => html`<li>${stateWord(e, l.state)}: ${l.url} <span class="ed-muted">(${l.uses.filter((u) => u.subjectType === 'piece' && u.subjectId === pieceId).map((u) => u.field).join(', ')}${l.first_failed_at ? `; ${mf(e.lang, 'linkSince', { at: l.first_failed_at.slice(0, 10) })}` : ''})</span></li>`);
  return notice('warn', html`<ul class="ed-link-warnings">${items}</ul>`, m(e.lang, 'pieceBrokenLinks'));
}

/** Registers the Links screen (editors and admins). */
export function registerLinksScreen(r: EditorRouter): void {
  r.get('/editor/links', 'editor', async (_req, _reply, e) => linksScreen(e));
}
