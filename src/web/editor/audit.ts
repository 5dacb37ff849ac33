import { listAudit } from '../../store/audit.ts';
import { html, type SafeHtml } from '../html.ts';
import { m } from './messages.ts';
import type { EditorRequest, EditorRouter } from './router.ts';

/*
 * The audit log (admins only): who signed in, who failed and from where, and who changed pieces, people, outlets,
 * users and settings. Much of it is typed by strangers (a failed sign-in records the e-mail as typed), so every
 * value is shown as text through the escaping template, never as markup.
 */

const PAGE = 100;
const GROUPS = ['auth', 'piece', 'user', 'person', 'outlet', 'settings', 'feed', 'flag'] as const;

type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];

function detailsText(raw: string | null): string {
  if (!raw) return '';
  try {
    const d = JSON.parse(raw) as Record<string, unknown>;
    return Object.entries(d).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' · ').slice(0, 400);
  } catch {
    return raw.slice(0, 400);
  }
}

function subject(r: AuditRow): SafeHtml | string {
  if (!r.subject_type) return '—';
  const label = `${r.subject_type} ${r.subject_id ?? ''}`.trim();
  const id = Number(r.subject_id);
  if (r.subject_type === 'piece' && Number.isSafeInteger(id) && id > 0) return html`<a href="/editor/pieces/${String(id)}/history">${label}</a>`;
  return label;
}

function row(r: AuditRow): SafeHtml {
  const who = r.user_name || r.user_email || '—';
  return html`<tr><td><time datetime="${r.at}">${r.at.slice(0, 19).replace('T', ' ')}</time></td><td>${who}</td>
<td><code>${r.action}</code></td><td>${subject(r)}</td><td class="ed-audit-details">${detailsText(r.details)}</td></tr>`;
}

function groupLinks(e: EditorRequest, current: string | undefined): SafeHtml {
  const link = (g: string | undefined, label: string) => (g === current
    ? html`<strong aria-current="page">${label}</strong>`
    : html`<a href="/editor/audit${g ? `?action=${g}` : ''}">${label}</a>`);
  return html`<p class="ed-filters">${link(undefined, m(e.lang, 'auditAll'))}${GROUPS.map((g) => html` · ${link(g, g)}`)}</p>`;
}

async function auditScreen(e: EditorRequest, query: Record<string, unknown>): Promise<SafeHtml> {
  const group = typeof query.action === 'string' && (GROUPS as readonly string[]).includes(query.action) ? query.action : undefined;
  const before = Number(query.before);
  const beforeId = Number.isSafeInteger(before) && before > 0 ? before : undefined;
  const rows = await listAudit(e.deps.store.db, { beforeId, actionGroup: group, limit: PAGE });
  const lang = e.lang;
  const older = rows.length === PAGE
    ? html`<p><a rel="next" href="/editor/audit?${group ? `action=${group}&` : ''}before=${String(rows[rows.length - 1]!.id)}">${m(lang, 'auditOlder')}</a></p>` : '';
  const main = html`<p>${m(lang, 'auditIntro')}</p>${groupLinks(e, group)}
${rows.length ? html`<div class="ed-table-wrap"><table class="ed-table"><thead><tr><th scope="col">${m(lang, 'auditWhen')}</th><th scope="col">${m(lang, 'auditWho')}</th><th scope="col">${m(lang, 'auditAction')}</th><th scope="col">${m(lang, 'auditSubject')}</th><th scope="col">${m(lang, 'auditDetails')}</th></tr></thead>
<tbody>${rows.map(row)}</tbody></table></div>${older}` : html`<p>${m(lang, 'auditNone')}</p>`}`;
  return e.page({ title: m(lang, 'auditTitle'), main, wide: true });
}

/** Registers the audit log screen (admins only). */
export function registerAuditScreen(r: EditorRouter): void {
  r.get('/editor/audit', 'admin', async (req, _reply, e) => auditScreen(e, req.query as Record<string, unknown>));
}
