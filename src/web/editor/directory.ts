import { AppError } from '../../model/app-error.ts';
import { recordAudit } from '../../store/audit.ts';
import { listOutlets, listPeople, listTags, mergePeople } from '../../store/directory.ts';
import { parseJson } from '../../store/json.ts';
import { html, type SafeHtml } from '../html.ts';
import { csrfField } from './layout.ts';
import { m } from './messages.ts';
import type { EditorRequest, EditorRouter } from './router.ts';

/*
 * Outlets, people and tags as editors see them, with merging of two people records (the same author captured
 * under two spellings). Each outlet and person links to its edit screen (directory-edit.ts); tags stay in the CLI.
 */

function name(names: string): string {
  const n = parseJson<Record<string, string>>(names, {});
  return n.en ?? Object.values(n)[0] ?? '';
}

async function directoryScreen(e: EditorRequest): Promise<SafeHtml> {
  const { db } = e.deps.store;
  const [outlets, people, tags] = await Promise.all([listOutlets(db), listPeople(db), listTags(db)]);
  const lang = e.lang;
  const c = e.ctx();
  const options = people.map((p) => html`<option value="${String(p.id)}">${name(p.names)} (${p.slug})</option>`);
  const main = html`<section aria-labelledby="o-h"><h2 id="o-h">${m(lang, 'outlets')}</h2><ul class="ed-list">${outlets.map((o) => html`<li><a href="/editor/outlets/${String(o.id)}">${o.name}</a>${o.home_url ? html` — <span class="ed-muted">${o.home_url}</span>` : ''}</li>`)}</ul></section>
<section aria-labelledby="p-h"><h2 id="p-h">${m(lang, 'people')}</h2><ul class="ed-list">${people.map((p) => html`<li><a href="/editor/people/${String(p.id)}">${name(p.names)}</a> <span class="ed-muted">${p.slug}${p.website_url ? ` · ${p.website_url}` : ''}</span></li>`)}</ul>
${people.length > 1 ? html`<form method="post" action="/editor/people/merge" class="ed-form ed-narrow">${csrfField(c)}
<p><label for="merge-from">${m(lang, 'mergeFrom')}</label><select id="merge-from" name="from">${options}</select></p>
<p><label for="merge-into">${m(lang, 'mergeInto')}</label><select id="merge-into" name="into">${options}</select></p>
<p><button type="submit">${m(lang, 'merge')}</button></p></form>` : ''}</section>
<section aria-labelledby="t-h"><h2 id="t-h">${m(lang, 'tags')}</h2><ul class="ed-list">${tags.map((t) => html`<li>${name(t.names)} <span class="ed-muted">${t.slug}</span></li>`)}</ul></section>`;
  return e.page({ title: m(lang, 'directoryTitle'), main });
}

/** Registers the outlets/people/tags screen and merging people. */
export function registerDirectory(r: EditorRouter): void {
  r.get('/editor/directory', 'editor', async (_req, _reply, e) => directoryScreen(e));
  r.post('/editor/people/merge', 'editor', async (req, reply, e) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const from = Number(body.from);
    const into = Number(body.into);
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(into) || from <= 0 || into <= 0) throw new AppError('invalid', 'choose two people to merge');
    if (from === into) throw new AppError('invalid', 'choose two different people to merge');
    await mergePeople(e.deps.store.db, from, into);
    await recordAudit(e.deps.store.db, { at: e.deps.now().toISOString(), userId: e.user!.id, action: 'person.merge', subjectType: 'person', subjectId: into, details: { from } });
    await e.deps.afterPublicChange?.();
    return reply.code(303).header('location', '/editor/directory').send();
  });
}
