import type { FastifyReply } from 'fastify';
import { AppError } from '../../model/app-error.ts';
import { editOutlet, editPerson } from '../../newsroom/directory-edit.ts';
import { findOutlet, findPerson } from '../../store/directory.ts';
import { parseJson } from '../../store/json.ts';
import { html, type SafeHtml } from '../html.ts';
import { csrfField, notice } from './layout.ts';
import { m, type EditorKey } from './messages.ts';
import type { EditorRequest, EditorRouter } from './router.ts';

/*
 * Editing one outlet or one person record (editors and admins). A refused save shows the same form again with
 * what was typed and the reason, naming the field; nothing is stored.
 */

type Values = Record<string, string>;

function formBody(body: unknown): Values {
  return Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Values;
}

function field(e: EditorRequest, name: string, label: EditorKey, val: Values, opts: { area?: boolean; type?: string; max?: number; extra?: string } = {}): SafeHtml {
  const input = opts.area
    ? html`<textarea id="f-${name}" name="${name}" rows="4" maxlength="${opts.max ?? 5000}">${val[name] ?? ''}</textarea>`
    : html`<input id="f-${name}" name="${name}" type="${opts.type ?? 'text'}" maxlength="${opts.max ?? 500}" value="${val[name] ?? ''}"${opts.type === 'number' ? html` step="any" min="0"` : ''}>`;
  return html`<p><label for="f-${name}">${m(e.lang, label)}</label>${input}</p>`;
}

function idOf(e: EditorRequest, raw: string): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('not-found', m(e.lang, 'notFound'));
  return id;
}

async function outletValues(e: EditorRequest, id: number): Promise<Values> {
  const o = await findOutlet(e.deps.store.db, String(id));
  if (!o) throw new AppError('not-found', m(e.lang, 'notFound'));
  const p = parseJson<Record<string, unknown>>(o.excerpt_policy ?? '', {});
  const num = (k: string) => (typeof p[k] === 'number' ? String(p[k]) : '');
  return { name: o.name, home_url: o.home_url ?? '', permissions_note: o.permissions_note ?? '', max_paragraphs: num('maxParagraphs'), max_words: num('maxWords'), max_share: num('maxShare') };
}

function outletScreen(e: EditorRequest, id: number, val: Values, top: SafeHtml | string = ''): SafeHtml {
  const c = e.ctx();
  const main = html`${top}<form method="post" action="/editor/outlets/${id}" class="ed-form ed-narrow">${csrfField(c)}
${field(e, 'name', 'name', val, { max: 200 })}${field(e, 'home_url', 'homeUrl', val, { type: 'url', max: 2000 })}
<fieldset><legend>${m(e.lang, 'policyOverride')}</legend>${field(e, 'max_paragraphs', 'maxParagraphs', val, { type: 'number', max: 10 })}${field(e, 'max_words', 'maxWords', val, { type: 'number', max: 10 })}${field(e, 'max_share', 'maxShare', val, { type: 'number', max: 10 })}</fieldset>
${field(e, 'permissions_note', 'permissionsNote', val, { area: true, max: 2000 })}
<p><button type="submit" class="ed-primary">${m(e.lang, 'save')}</button> <a href="/editor/directory">${m(e.lang, 'back')}</a></p></form>`;
  return e.page({ title: `${m(e.lang, 'outletEditTitle')}: ${val.name ?? ''}`, main });
}

async function personValues(e: EditorRequest, id: number): Promise<Values> {
  const p = await findPerson(e.deps.store.db, String(id));
  if (!p) throw new AppError('not-found', m(e.lang, 'notFound'));
  const names = parseJson<Record<string, string>>(p.names, {});
  const bios = parseJson<Record<string, string>>(p.bios, {});
  return { name_en: names.en ?? '', name_uk: names.uk ?? '', bio_en: bios.en ?? '', bio_uk: bios.uk ?? '', website: p.website_url ?? '', pronoun: p.pronoun, staff: Number(p.staff) === 1 ? 'on' : '' };
}

function personScreen(e: EditorRequest, id: number, val: Values, top: SafeHtml | string = ''): SafeHtml {
  const c = e.ctx();
  const pronouns = ['he', 'she', 'they'].map((p) => html`<option value="${p}"${val.pronoun === p ? html` selected` : ''}>${p}</option>`);
  const main = html`${top}<form method="post" action="/editor/people/${id}" class="ed-form ed-narrow">${csrfField(c)}
${field(e, 'name_en', 'nameEn', val, { max: 200 })}${field(e, 'name_uk', 'nameUk', val, { max: 200 })}
${field(e, 'bio_en', 'bioEn', val, { area: true })}${field(e, 'bio_uk', 'bioUk', val, { area: true })}
${field(e, 'website', 'website', val, { type: 'url', max: 2000 })}
<p><label for="f-pronoun">${m(e.lang, 'pronoun')}</label><select id="f-pronoun" name="pronoun">${pronouns}</select></p>
<p><input id="f-staff" name="staff" type="checkbox" value="on"${val.staff === 'on' ? html` checked` : ''}> <label for="f-staff" class="ed-inline">${m(e.lang, 'staff')}</label></p>
<p><button type="submit" class="ed-primary">${m(e.lang, 'save')}</button> <a href="/editor/directory">${m(e.lang, 'back')}</a></p></form>`;
  return e.page({ title: `${m(e.lang, 'personEditTitle')}: ${val.name_en ?? ''}`, main });
}

function optionalNumber(raw: string | undefined): number | null {
  const s = (raw ?? '').trim();
  return s === '' ? null : Number(s);
}

/** Runs a save; a refusal (invalid input) answers 400 with the form again, keeping what was typed. */
async function saveOr(reply: FastifyReply, run: () => Promise<void>, again: (top: SafeHtml) => SafeHtml, done: string): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'invalid')) throw err;
    return reply.code(400).type('text/html; charset=utf-8').send(again(notice('error', err.message)).value);
  }
  return reply.code(303).header('location', done).send();
}

/** Registers the outlet and person edit screens. */
export function registerDirectoryEdit(r: EditorRouter): void {
  r.get('/editor/outlets/:id', 'editor', async (req, _reply, e) => {
    const id = idOf(e, (req.params as { id: string }).id);
    const saved = (req.query as Record<string, unknown>).saved !== undefined;
    return outletScreen(e, id, await outletValues(e, id), saved ? notice('ok', m(e.lang, 'recordSaved')) : '');
  });
  r.post('/editor/outlets/:id', 'editor', async (req, reply, e) => {
    const id = idOf(e, (req.params as { id: string }).id);
    const b = formBody(req.body);
    const val = { ...(await outletValues(e, id)), ...b };
    const input = { name: b.name ?? '', homeUrl: b.home_url ?? '', permissionsNote: b.permissions_note ?? '', policy: { maxParagraphs: optionalNumber(b.max_paragraphs), maxWords: optionalNumber(b.max_words), maxShare: optionalNumber(b.max_share) } };
    const run = async () => { await editOutlet(e.deps.store, e.actor(), id, input, e.deps.now()); await e.deps.afterPublicChange?.(); };
    return saveOr(reply, run, (top) => outletScreen(e, id, val, top), `/editor/outlets/${id}?saved`);
  });
  r.get('/editor/people/:id', 'editor', async (req, _reply, e) => {
    const id = idOf(e, (req.params as { id: string }).id);
    const saved = (req.query as Record<string, unknown>).saved !== undefined;
    return personScreen(e, id, await personValues(e, id), saved ? notice('ok', m(e.lang, 'recordSaved')) : '');
  });
  r.post('/editor/people/:id', 'editor', async (req, reply, e) => {
    const id = idOf(e, (req.params as { id: string }).id);
    const b = formBody(req.body);
    // An unticked checkbox is not sent at all: its absence means "not staff".
    const val = { ...(await personValues(e, id)), staff: '', ...b };
    const input = { names: { en: b.name_en ?? '', uk: b.name_uk ?? '' }, bios: { en: b.bio_en ?? '', uk: b.bio_uk ?? '' }, website: b.website ?? '', pronoun: b.pronoun ?? 'they', staff: b.staff === 'on' };
    const run = async () => { await editPerson(e.deps.store, e.actor(), id, input, e.deps.now()); await e.deps.afterPublicChange?.(); };
    return saveOr(reply, run, (top) => personScreen(e, id, val, top), `/editor/people/${id}?saved`);
  });
}
