import type { FastifyReply } from 'fastify';
import { AppError } from '../../model/app-error.ts';
import { localized, type SiteSettings } from '../../model/site.ts';
import { ensureTags } from '../../newsroom/resolve.ts';
import { addPersonNamed } from '../../newsroom/directory-edit.ts';
import { publishPiece, schedulePiece, submitPiece, editPiece, type PieceEdit, type PieceEditExtra } from '../../newsroom/piece-commands.ts';
import { mergeExcerptPolicy } from '../../newsroom/rules/excerpt.ts';
import { chooseExcerpt, excerptOptions, type ExcerptOption } from '../../newsroom/rules/excerpt-choice.ts';
import type { BodyBlock } from '../../model/capture.ts';
import type { ExcerptPolicy } from '../../model/site.ts';
import { listPeople } from '../../store/directory.ts';
import { parseJson } from '../../store/json.ts';
import { countBlockWords } from '../../newsroom/rules/word-count.ts';
import { check } from '../../newsroom/rules/workflow.ts';
import { getCapture } from '../../store/captures.ts';
import { getPieceRow, getPieceView, setPieceTags, type PieceView } from '../../store/pieces.ts';
import { getSiteSettings } from '../../store/settings.ts';
import { html, raw, type SafeHtml } from '../html.ts';
import type { PageContext } from '../site/layout.ts';
import { piecePage } from '../site/piece.ts';
import { shownImage } from '../site/seo.ts';
import { notice } from './layout.ts';
import { brokenLinksNotice } from './links.ts';
import { m, mf } from './messages.ts';
import { parseEdit, parseTags, zonedLocalToInstant } from './piece-input.ts';
import { parseByline, type PersonChoice } from './piece-byline.ts';
import { pieceForm, valuesOf, warningTarget, type FormValues } from './piece-form.ts';
import type { EditorRequest, EditorRouter } from './router.ts';

/*
 * The edit screen: the reader's page of the piece (rendered by the site's own piece template, so the preview is
 * exactly what readers will get) beside the form. Saving is version-checked: a save made on an older version is
 * refused with a field-by-field diff and the editor's text kept in the form.
 */

function pageContext(e: EditorRequest, site: SiteSettings, v: PieceView): PageContext {
  return {
    siteName: localized(site.name, v.piece.language), lang: v.piece.language, defaultLang: site.languages[0] ?? 'en', languages: site.languages,
    timeZone: site.timeZone, now: e.deps.now(), demo: false, siteUrl: e.deps.siteUrl.replace(/\/$/, ''), assetVersion: e.deps.assetVersion,
  };
}

/** The full reader page of a piece in any state (the editor's preview). */
export function readerPage(e: EditorRequest, site: SiteSettings, v: PieceView): string {
  return piecePage(pageContext(e, site, v), site, v, shownImage(v, new Set())).value;
}

/** The <article> of the reader page, to show beside the form. */
function previewArticle(e: EditorRequest, site: SiteSettings, v: PieceView): SafeHtml {
  const page = readerPage(e, site, v);
  const start = page.indexOf('<article');
  const end = page.lastIndexOf('</article>');
  // The markup was produced (and escaped) by the site's own templates.
  return start >= 0 && end > start ? raw(page.slice(start, end + '</article>'.length)) : html``;
}

/** The captured body and the policy (site merged with the outlet's override) that bound this piece's excerpt. */
async function excerptSource(e: EditorRequest, site: SiteSettings, v: PieceView): Promise<{ body: BodyBlock[]; policy: ExcerptPolicy; warns: { field: string; message: string }[] }> {
  const cap = v.piece.captureId ? await getCapture(e.deps.store.db, Number(v.piece.captureId)) : undefined;
  return { body: cap?.extraction?.body ?? [], policy: mergeExcerptPolicy(site.excerptPolicy, v.outlet?.excerptPolicy ?? null), warns: cap?.extraction?.warnings ?? [] };
}

async function excerptLine(e: EditorRequest, site: SiteSettings, v: PieceView): Promise<{ line: string; warns: { field: string; message: string }[]; options: ExcerptOption[] }> {
  const src = await excerptSource(e, site, v);
  const quoted = v.piece.excerpt.reduce((n, b) => n + countBlockWords(b), 0);
  const total = src.body.reduce((n, b) => n + countBlockWords(b), 0);
  const line = mf(e.lang, 'wordsQuoted', { quoted, total, paragraphs: v.piece.excerpt.length, max: src.policy.maxWords });
  return { line, warns: src.warns, options: excerptOptions(src.body, src.policy) };
}

async function peopleChoices(e: EditorRequest): Promise<PersonChoice[]> {
  return (await listPeople(e.deps.store.db)).map((p) => {
    const n = parseJson<Record<string, string>>(p.names, {});
    return { id: Number(p.id), label: `${(e.lang === 'uk' ? n.uk : undefined) ?? n.en ?? p.slug} (${p.slug})` };
  });
}

async function editScreen(e: EditorRequest, v: PieceView, opts: { values?: FormValues; top?: SafeHtml; status?: number } = {}): Promise<SafeHtml> {
  const site = await getSiteSettings(e.deps.store.db);
  const ex = await excerptLine(e, site, v);
  const warns = new Map<string, string[]>();
  for (const w of ex.warns) warns.set(warningTarget(w.field), [...(warns.get(warningTarget(w.field)) ?? []), w.message]);
  const owner = e.user!.id === Number(v.piece.ownerId);
  const role = e.actor().role;
  const canPublish = check(role, 'publish', { isOwner: owner }).ok;
  const canEdit = check(role, 'edit', { isOwner: owner, state: v.piece.state }).ok;
  const main = html`${opts.top ?? ''}${await brokenLinksNotice(e, Number(v.piece.id))}<p class="ed-state">${m(e.lang, 'state')}: <strong>${v.piece.state}</strong> · ${m(e.lang, 'version')} ${v.piece.revision}
· <a href="/editor/pieces/${v.piece.id}/history">${m(e.lang, 'history')}</a> · <a href="/editor/pieces/${v.piece.id}/preview">${m(e.lang, 'preview')}</a>
${v.piece.state === 'published' && v.piece.path ? html` · <a href="${v.piece.path}">${m(e.lang, 'open')}</a>` : ''}</p>
<div class="ed-split"><section class="ed-preview" aria-labelledby="pv-h"><h2 id="pv-h">${m(e.lang, 'preview')}</h2><div class="ed-preview-frame">${previewArticle(e, site, v)}</div></section>
<section class="ed-fields" aria-labelledby="fd-h"><h2 id="fd-h">${m(e.lang, 'fields')}</h2>${pieceForm(e.ctx(), v, opts.values ?? valuesOf(v), warns, { canPublish, canEdit, excerptLine: ex.line, people: await peopleChoices(e), excerptOptions: ex.options })}</section></div>`;
  return e.page({ title: `${m(e.lang, 'editTitle')}: ${v.piece.headlineOverride || v.piece.headline}`, main, withSiteCss: true, wide: true });
}

async function loadView(e: EditorRequest, idParam: string): Promise<PieceView> {
  const id = Number(idParam);
  const v = Number.isSafeInteger(id) && id > 0 ? await getPieceView(e.deps.store.db, id) : undefined;
  if (!v) throw new AppError('not-found', m(e.lang, 'notFound'));
  return v;
}

/** A changed value as an editor reads it: names for a byline, the length for an excerpt, else the text. */
function shown(e: EditorRequest, key: string, value: unknown, names: ReadonlyMap<number, string>): string {
  if (key === 'authors' && Array.isArray(value)) return value.map((x) => (typeof x === 'number' ? names.get(x) ?? String(x) : String(x))).join(', ');
  if (key === 'excerpt' && typeof value === 'string') {
    const blocks = parseJson<BodyBlock[]>(value, []);
    return mf(e.lang, 'excerptOption', { paragraphs: blocks.length, words: blocks.reduce((n, b) => n + countBlockWords(b), 0) });
  }
  return String(value ?? '');
}

async function conflictTop(e: EditorRequest, err: AppError): Promise<SafeHtml> {
  const changes = (err.details?.changes ?? {}) as Record<string, [unknown, unknown]>;
  const names = new Map((await peopleChoices(e)).map((p) => [p.id, p.label] as const));
  const rows = Object.entries(changes).map(([k, [theirs, yours]]) => html`<tr><th scope="row">${k}</th><td>${shown(e, k, theirs, names)}</td><td>${shown(e, k, yours, names)}</td></tr>`);
  return html`${notice('error', m(e.lang, 'conflictIntro'), m(e.lang, 'conflictTitle'))}
<table class="ed-diff"><caption>${m(e.lang, 'changes')}</caption><thead><tr><th scope="col">${m(e.lang, 'field')}</th><th scope="col">${m(e.lang, 'theirs')}</th><th scope="col">${m(e.lang, 'yours')}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The excerpt a posted choice asks for: undefined when unchanged, refused (invalid) when beyond the policy. */
async function excerptEdit(e: EditorRequest, site: SiteSettings, v: PieceView, raw: string | undefined): Promise<string | undefined> {
  if (raw === undefined || v.piece.type !== 'recommendation' || raw === String(v.piece.excerpt.length)) return undefined;
  const src = await excerptSource(e, site, v);
  const r = chooseExcerpt(src.body, src.policy, Number(raw));
  if (!r.ok) throw new AppError('invalid', r.message);
  return JSON.stringify(r.blocks);
}

/** The byline a posted form asks for; a typed new name becomes a person record only when the rest is valid. */
async function bylineEdit(e: EditorRequest, body: Record<string, string>, stale: boolean): Promise<PieceEditExtra> {
  const known = new Set((await listPeople(e.deps.store.db)).map((p) => Number(p.id)));
  const b = parseByline(body, known);
  if (!b) return {};
  // A save on an old version is refused anyway: do not create the person (the re-shown form keeps the name).
  if (stale && b.newName) throw new AppError('conflict', 'this piece changed since you opened it; your changes were not saved', { changes: { authors: ['', [...b.ids, b.newName].join(', ')] } });
  const ids = b.newName ? [...b.ids, await addPersonNamed(e.deps.store, b.newName, e.lang, e.deps.now())] : b.ids;
  return { authorIds: ids };
}

const DONE = new Set(['save', 'submit', 'publish', 'schedule']);
const TARGET: Record<string, string> = { submit: 'review', publish: 'published', schedule: 'scheduled' };

async function save(e: EditorRequest, reply: FastifyReply, v: PieceView, body: Record<string, string>): Promise<unknown> {
  const { store, now } = e.deps;
  const action = DONE.has(body.action ?? '') ? body.action! : 'save';
  const actor = e.actor();
  const row = (await getPieceRow(store.db, Number(v.piece.id)))!;
  // The role is checked before anything is saved: a refused publish changes nothing.
  const verdict = check(actor.role, action === 'save' ? 'edit' : (action as 'publish'), { isOwner: actor.userId === Number(row.created_by) });
  if (!verdict.ok && verdict.reason === 'forbidden') throw new AppError('forbidden', verdict.message);
  const site = await getSiteSettings(store.db);
  const version = Number(body.version);
  try {
    const edit: PieceEdit = parseEdit(body, row);
    const excerpt = await excerptEdit(e, site, v, body.excerpt_paragraphs);
    if (excerpt !== undefined) edit.excerpt = excerpt;
    const extra = await bylineEdit(e, body, version !== Number(row.version));
    await editPiece(store, actor, Number(row.id), Number.isSafeInteger(version) ? version : -1, edit, now(), extra);
  } catch (err) {
    // A field too long or not valid: the same screen again, with what was typed and the reason.
    if (err instanceof AppError && err.code === 'invalid') {
      return reply.code(400).type('text/html; charset=utf-8').send((await editScreen(e, v, { values: { ...valuesOf(v), ...body }, top: notice('error', err.message) })).value);
    }
    if (!(err instanceof AppError && err.code === 'conflict' && err.details?.changes)) throw err;
    const fresh = await loadView(e, String(row.id));
    const values = { ...valuesOf(fresh), ...body, version: String(fresh.piece.revision) };
    return reply.code(409).type('text/html; charset=utf-8').send((await editScreen(e, fresh, { values, top: await conflictTop(e, err) })).value);
  }
  const tags = parseTags(body.tags);
  if (tags.join('|') !== v.tags.map((t) => t.names.en).join('|')) await setPieceTags(store.db, Number(row.id), await ensureTags(store, tags, now().toISOString()));
  try {
    if (action === 'submit') await submitPiece(store, actor, Number(row.id), now());
    if (action === 'publish') await publishPiece(store, actor, Number(row.id), now());
    if (action === 'schedule') await schedulePiece(store, actor, Number(row.id), zonedLocalToInstant(body.schedule_at ?? '', site.timeZone), now());
  } catch (err) {
    // A double click: the other request made the same move first; the piece is where the editor wanted it.
    const state = (await getPieceRow(store.db, Number(row.id)))?.state;
    if (!(err instanceof AppError && err.code === 'conflict' && state === TARGET[action])) throw err;
  }
  await e.deps.afterPublicChange?.();
  return reply.code(303).header('location', `/editor/pieces/${row.id}?done=${action}`).send();
}

/** Registers the edit screen, its full-page preview, and saving with the workflow actions. */
export function registerPieceEdit(r: EditorRouter): void {
  r.get('/editor/pieces/:id', 'contributor', async (req, _reply, e) => {
    const v = await loadView(e, (req.params as { id: string }).id);
    const done = (req.query as Record<string, unknown>).done;
    return editScreen(e, v, typeof done === 'string' && DONE.has(done) ? { top: notice('ok', m(e.lang, 'saved')) } : {});
  });
  r.get('/editor/pieces/:id/preview', 'contributor', async (req, reply, e) => {
    const v = await loadView(e, (req.params as { id: string }).id);
    const site = await getSiteSettings(e.deps.store.db);
    return reply.type('text/html; charset=utf-8').header('x-robots-tag', 'noindex').send(readerPage(e, site, v));
  });
  r.post('/editor/pieces/:id', 'contributor', async (req, reply, e) => {
    const v = await loadView(e, (req.params as { id: string }).id);
    const body = Object.fromEntries(Object.entries((req.body ?? {}) as Record<string, unknown>).filter(([, x]) => typeof x === 'string')) as Record<string, string>;
    return save(e, reply, v, body);
  });
}
