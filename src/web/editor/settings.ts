import { AppError } from '../../model/app-error.ts';
import { ARTICLE_KINDS } from '../../model/capture.ts';
import { LANGUAGES, type SiteSettings } from '../../model/site.ts';
import { updateSiteSettings } from '../../newsroom/site-settings.ts';
import { getSiteSettings } from '../../store/settings.ts';
import { html, type SafeHtml } from '../html.ts';
import { csrfField, notice } from './layout.ts';
import { m, type EditorKey } from './messages.ts';
import type { EditorRequest, EditorRouter } from './router.ts';

/*
 * Site settings (admins only): name per language, languages, time zone, excerpt policy, editor's-note templates
 * per kind and language, SEO and image defaults, the reader-support block. Every value is validated before
 * anything is saved by the newsroom's `updateSiteSettings` (which checks the role again and audits the change).
 */

type Body = Record<string, string | undefined>;

function input(id: string, label: string, value: string | number, opts: { type?: string; area?: boolean; max?: number } = {}): SafeHtml {
  return html`<p><label for="${id}">${label}</label>${opts.area
    ? html`<textarea id="${id}" name="${id}" rows="2" maxlength="${opts.max ?? 2000}">${String(value)}</textarea>`
    : html`<input id="${id}" name="${id}" type="${opts.type ?? 'text'}" maxlength="${opts.max ?? 300}" value="${String(value)}"${opts.type === 'number' ? html` step="any" min="0"` : ''}>`}</p>`;
}

function choice(id: string, label: string, value: string, options: readonly (readonly [string, string])[]): SafeHtml {
  return html`<p><label for="${id}">${label}</label><select id="${id}" name="${id}">${options.map(([v, l]) => html`<option value="${v}"${v === value ? html` selected` : ''}>${l}</option>`)}</select></p>`;
}

function settingsScreen(e: EditorRequest, s: SiteSettings, top?: SafeHtml): SafeHtml {
  const l = e.lang;
  const t = (k: EditorKey) => m(l, k);
  const main = html`${top ?? ''}<form method="post" action="/editor/settings" class="ed-form">${csrfField(e.ctx())}
<fieldset><legend>${t('siteName')}</legend>${LANGUAGES.map((lang) => input(`name_${lang}`, `${t('siteName')} (${lang})`, s.name[lang] ?? ''))}</fieldset>
${input('languages', t('languages'), s.languages.join(', '))}${input('timeZone', t('timeZone'), s.timeZone)}
${choice('seoDefault', t('seo'), s.seoDefault, [['noindex', t('seoNoindex')], ['canonical', t('seoCanonical')], ['index', t('seoIndex')]])}
${choice('imageDefault', t('imageDecision'), s.imageDefault, [['link', t('imageLink')], ['proxy', t('imageProxy')], ['none', t('imageNone')]])}
<fieldset><legend>${t('excerptPolicy')}</legend>${input('maxParagraphs', t('maxParagraphs'), s.excerptPolicy.maxParagraphs, { type: 'number' })}
${input('maxWords', t('maxWords'), s.excerptPolicy.maxWords, { type: 'number' })}${input('maxShare', t('maxShare'), s.excerptPolicy.maxShare, { type: 'number' })}</fieldset>
<fieldset><legend>${t('noteTemplates')}</legend>${ARTICLE_KINDS.map((k) => LANGUAGES.map((lang) => input(`note_${k}_${lang}`, `${k} (${lang})`, s.noteTemplates[k]?.[lang] ?? '', { area: true })))}</fieldset>
<fieldset><legend>${t('support')}</legend>${LANGUAGES.map((lang) => html`${input(`support_heading_${lang}`, `${t('supportHeading')} (${lang})`, s.readerSupport[lang]?.heading ?? '')}
${input(`support_text_${lang}`, `${t('supportText')} (${lang})`, s.readerSupport[lang]?.text ?? '', { area: true })}
${input(`support_label_${lang}`, `${t('supportButton')} (${lang})`, s.readerSupport[lang]?.buttonLabel ?? '')}
${input(`support_url_${lang}`, `${t('supportUrl')} (${lang})`, s.readerSupport[lang]?.buttonUrl ?? '', { type: 'url', max: 2000 })}`)}</fieldset>
<p><button type="submit" class="ed-primary">${t('save')}</button></p></form>`;
  return e.page({ title: t('settingsTitle'), main });
}

function num(b: Body, name: string): number {
  return Number((b[name] ?? '').trim());
}

/** The settings patch a posted form asks for (only the parts it carries); `updateSiteSettings` validates it. */
function patchFrom(b: Body): Record<string, unknown> {
  const has = (k: string) => b[k] !== undefined;
  const patch: Record<string, unknown> = {};
  const name: Record<string, string> = {};
  const noteTemplates: Record<string, Record<string, string>> = {};
  const readerSupport: Record<string, unknown> = {};
  for (const lang of LANGUAGES) {
    const n = (b[`name_${lang}`] ?? '').trim();
    if (n) name[lang] = n;
    for (const k of ARTICLE_KINDS) {
      const tpl = (b[`note_${k}_${lang}`] ?? '').trim();
      if (tpl) noteTemplates[k] = { ...noteTemplates[k], [lang]: tpl };
    }
    if (!has(`support_heading_${lang}`)) continue;
    const url = (b[`support_url_${lang}`] ?? '').trim();
    readerSupport[lang] = { heading: (b[`support_heading_${lang}`] ?? '').trim(), text: (b[`support_text_${lang}`] ?? '').trim(), buttonLabel: (b[`support_label_${lang}`] ?? '').trim(), buttonUrl: url || null };
  }
  if (Object.keys(name).length) patch.name = name;
  if (has('languages')) patch.languages = [...new Set((b.languages ?? '').split(',').map((x) => x.trim()).filter(Boolean))];
  if (has('timeZone')) patch.timeZone = (b.timeZone ?? '').trim();
  if (has('maxParagraphs') || has('maxWords') || has('maxShare')) patch.excerptPolicy = { maxParagraphs: num(b, 'maxParagraphs'), maxWords: num(b, 'maxWords'), maxShare: num(b, 'maxShare') };
  if (Object.keys(noteTemplates).length) patch.noteTemplates = noteTemplates;
  if (has('seoDefault')) patch.seoDefault = b.seoDefault;
  if (has('imageDefault')) patch.imageDefault = b.imageDefault;
  if (Object.keys(readerSupport).length) patch.readerSupport = readerSupport;
  return patch;
}

/** Registers the settings screen. */
export function registerSettings(r: EditorRouter): void {
  r.get('/editor/settings', 'admin', async (_req, _reply, e) => settingsScreen(e, await getSiteSettings(e.deps.store.db)));
  r.post('/editor/settings', 'admin', async (req, reply, e) => {
    const current = await getSiteSettings(e.deps.store.db);
    const patch = patchFrom((req.body ?? {}) as Body);
    try {
      const next = await updateSiteSettings(e.deps.store, e.actor(), patch, e.deps.now());
      await e.deps.afterPublicChange?.();
      return settingsScreen(e, next, notice('ok', m(e.lang, 'saved')));
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'invalid')) throw err;
      // Shown again as typed, with the reason: nothing the admin wrote is lost.
      const typed = { ...current, ...patch, name: { ...current.name, ...(patch.name as object) } } as SiteSettings;
      return reply.code(400).type('text/html; charset=utf-8').send(settingsScreen(e, typed, notice('error', err.message)).value);
    }
  });
}
