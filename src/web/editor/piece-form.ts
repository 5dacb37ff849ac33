import { ARTICLE_KINDS } from '../../model/capture.ts';
import type { Language } from '../../model/site.ts';
import type { PieceView } from '../../store/pieces.ts';
import { html, type SafeHtml } from '../html.ts';
import { csrfField, type ScreenContext } from './layout.ts';
import { m, type EditorKey } from './messages.ts';
import type { ExcerptOption } from '../../newsroom/rules/excerpt-choice.ts';
import { authorsFieldset, bylineValues, excerptField, type PersonChoice } from './piece-byline.ts';

/*
 * The piece form: every field of a recommendation (or story), prefilled; extraction warnings sit next to the
 * field they affect. Values come from the stored piece, or from what the editor typed when a save was refused,
 * so a refusal never loses text.
 */

/** The form's values as strings, named as the form fields are. */
export type FormValues = Record<string, string>;

/** Which form field an extraction warning is about. */
export function warningTarget(field: string): string {
  if (/^(leadImage|image)/.test(field)) return 'image';
  if (/^(published|originalPublishedAt)/.test(field)) return 'original_published_at';
  if (['authors', 'headline', 'excerpt', 'kind', 'outlet'].includes(field)) return field;
  return 'general';
}

/** The form values of a stored piece. */
export function valuesOf(v: PieceView): FormValues {
  const p = v.piece;
  return {
    version: String(p.revision ?? ''), kind: p.kind, headline: p.headline, headline_override: p.headlineOverride ?? '',
    original_published_at: p.originalPublishedAt ?? '', image_decision: p.image?.decision ?? 'none', image_caption: p.image?.caption ?? '',
    image_credit: p.image?.credit ?? '', image_alt: p.image?.alt ?? '', editor_note: p.editorsNote ?? '', seo: p.seo,
    tags: v.tags.map((t) => t.names.en).join(', '), standfirst: p.standfirst ?? '', body_md: p.body ?? '', language: p.language,
    ...bylineValues(v),
  };
}

function warn(list: readonly string[] | undefined): SafeHtml {
  return list?.length ? html`<ul class="ed-field-warn">${list.map((w) => html`<li>${w}</li>`)}</ul>` : html``;
}

function text(lang: Language, name: string, label: EditorKey, val: FormValues, warns: Map<string, string[]>, opts: { max?: number; area?: boolean; type?: string } = {}): SafeHtml {
  const w = warns.get(name);
  const described = w?.length ? html` aria-describedby="w-${name}"` : '';
  const input = opts.area
    ? html`<textarea id="f-${name}" name="${name}" rows="4" maxlength="${opts.max ?? 5000}"${described}>${val[name] ?? ''}</textarea>`
    : html`<input id="f-${name}" name="${name}" type="${opts.type ?? 'text'}" maxlength="${opts.max ?? 500}" value="${val[name] ?? ''}"${described}>`;
  return html`<p><label for="f-${name}">${m(lang, label)}</label>${input}</p>${w?.length ? html`<div id="w-${name}">${warn(w)}</div>` : ''}`;
}

function select(lang: Language, name: string, label: EditorKey, val: FormValues, options: readonly (readonly [string, string])[]): SafeHtml {
  return html`<p><label for="f-${name}">${m(lang, label)}</label><select id="f-${name}" name="${name}">${options.map(([v, l]) => html`<option value="${v}"${val[name] === v ? html` selected` : ''}>${l}</option>`)}</select></p>`;
}

/** Read-only facts of the piece: outlet (edited in the directory) and original URL, with their warnings. */
function facts(c: ScreenContext, v: PieceView, warns: Map<string, string[]>): SafeHtml {
  const lang = c.lang;
  return html`<dl class="ed-facts"><dt>${m(lang, 'outlet')}</dt><dd>${v.outlet?.name ?? '—'}${warn(warns.get('outlet'))}</dd>
${v.piece.originalUrl ? html`<dt>URL</dt><dd><a href="${v.piece.originalUrl}" rel="noopener noreferrer">${v.piece.originalUrl}</a></dd>` : ''}</dl>`;
}

/** The buttons a role sees; the server checks the role again whatever is posted. */
function actions(c: ScreenContext, canPublish: boolean): SafeHtml {
  const lang = c.lang;
  return html`<div class="ed-actions"><button type="submit" name="action" value="save">${m(lang, 'saveDraft')}</button>
<button type="submit" name="action" value="submit">${m(lang, 'submit')}</button>
${canPublish ? html`<button type="submit" name="action" value="publish" class="ed-primary">${m(lang, 'publish')}</button>
<p class="ed-schedule"><label for="f-schedule_at">${m(lang, 'scheduleAt')}</label><input id="f-schedule_at" name="schedule_at" type="datetime-local">
<button type="submit" name="action" value="schedule">${m(lang, 'schedule')}</button></p>` : ''}</div>`;
}

/** The whole piece form. */
export function pieceForm(c: ScreenContext, v: PieceView, val: FormValues, warns: Map<string, string[]>, opts: { canPublish: boolean; canEdit: boolean; excerptLine: string; people: readonly PersonChoice[]; excerptOptions: readonly ExcerptOption[] }): SafeHtml {
  const lang = c.lang;
  const rec = v.piece.type === 'recommendation';
  return html`<form method="post" action="/editor/pieces/${v.piece.id}" class="ed-form ed-piece-form" data-once>${csrfField(c)}
<input type="hidden" name="version" value="${val.version ?? ''}">
${warn(warns.get('general'))}
${facts(c, v, warns)}
${authorsFieldset(lang, opts.people, val, warn(warns.get('authors')))}
${select(lang, 'kind', 'kind', val, ARTICLE_KINDS.map((k) => [k, k] as const))}${warn(warns.get('kind'))}
${text(lang, 'headline', 'headline', val, warns)}
${text(lang, 'headline_override', 'headlineOverride', val, warns)}
${rec ? text(lang, 'original_published_at', 'publishedAt', val, warns, { max: 40 }) : ''}
${rec ? html`<fieldset><legend>${m(lang, 'image')}</legend>${warn(warns.get('image'))}
${select(lang, 'image_decision', 'imageDecision', val, [['link', m(lang, 'imageLink')], ['proxy', m(lang, 'imageProxy')], ['none', m(lang, 'imageNone')]])}
${text(lang, 'image_caption', 'caption', val, warns, { max: 2000 })}${text(lang, 'image_credit', 'credit', val, warns)}${text(lang, 'image_alt', 'alt', val, warns, { max: 1000 })}</fieldset>` : ''}
${rec ? excerptField(lang, opts.excerptOptions, val, opts.excerptLine, warn(warns.get('excerpt'))) : ''}
${rec ? '' : text(lang, 'standfirst', 'standfirst', val, warns, { max: 1000 })}
${rec ? '' : text(lang, 'body_md', 'body', val, warns, { area: true, max: 200_000 })}
${rec ? text(lang, 'editor_note', 'note', val, warns, { area: true }) : ''}
${text(lang, 'tags', 'tags', val, warns, { max: 1000 })}
${select(lang, 'seo', 'seo', val, [['noindex', m(lang, 'seoNoindex')], ['canonical', m(lang, 'seoCanonical')], ['index', m(lang, 'seoIndex')]])}
${opts.canEdit ? actions(c, opts.canPublish) : html`<p class="ed-muted">${m(lang, 'readOnly')}</p>`}</form>`;
}
