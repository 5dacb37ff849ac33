import { AppError } from '../../model/app-error.ts';
import type { Language } from '../../model/site.ts';
import type { ExcerptOption } from '../../newsroom/rules/excerpt-choice.ts';
import type { PieceView } from '../../store/pieces.ts';
import { html, type SafeHtml } from '../html.ts';
import { m, mf } from './messages.ts';

/*
 * The byline and excerpt parts of the piece form. Without JavaScript an ordered list is edited as rows of
 * "person + position": choose "—" to remove an author, change the numbers to reorder, pick a person in the blank
 * row (or type a new name) to add one. The excerpt is a choice among lengths the policy allows, nothing freer.
 */

/** A person as the author picker lists them. */
export interface PersonChoice {
  id: number;
  label: string;
}

const MAX_AUTHORS = 20;

/** The byline of a stored piece as form values (`author_0`, `author_pos_0`, …). */
export function bylineValues(v: PieceView): Record<string, string> {
  const out: Record<string, string> = { excerpt_paragraphs: String(v.piece.excerpt.length) };
  v.authors.forEach((a, i) => {
    out[`author_${i}`] = a.id;
    out[`author_pos_${i}`] = String(i + 1);
  });
  return out;
}

function rowIndexes(val: Record<string, string>): number[] {
  return Object.keys(val).map((k) => /^author_(\d+)$/.exec(k)?.[1]).filter((x): x is string => x !== undefined).map(Number).filter((i) => i < MAX_AUTHORS).sort((a, b) => a - b);
}

/** The authors fieldset: one row per author and a blank row to add an existing person, plus a new person's name. */
export function authorsFieldset(lang: Language, people: readonly PersonChoice[], val: Record<string, string>, warns: SafeHtml): SafeHtml {
  const rows = rowIndexes(val);
  const blank = rows.length ? rows.at(-1)! + 1 : 0;
  const row = (i: number) => {
    const chosen = val[`author_${i}`] ?? '';
    return html`<li class="ed-author-row"><label for="f-author_${i}">${mf(lang, 'authorN', { n: i + 1 })}</label>
<select id="f-author_${i}" name="author_${i}"><option value="">${m(lang, 'authorNone')}</option>${people.map((p) => html`<option value="${String(p.id)}"${chosen === String(p.id) ? html` selected` : ''}>${p.label}</option>`)}</select>
<label for="f-author_pos_${i}" class="ed-inline">${m(lang, 'authorPosition')}</label><input id="f-author_pos_${i}" name="author_pos_${i}" type="number" min="1" max="${MAX_AUTHORS}" inputmode="numeric" value="${val[`author_pos_${i}`] ?? String(i + 1)}"></li>`;
  };
  return html`<fieldset class="ed-authors"><legend>${m(lang, 'authors')}</legend>${warns}<p class="ed-muted">${m(lang, 'authorsHelp')}</p>
<ol class="ed-author-rows">${[...rows, ...(blank < MAX_AUTHORS ? [blank] : [])].map(row)}</ol>
<p><label for="f-author_new">${m(lang, 'authorNew')}</label><input id="f-author_new" name="author_new" type="text" maxlength="200" value="${val.author_new ?? ''}"></p></fieldset>`;
}

/**
 * The byline a posted form asks for, as person ids in order (undefined when the form has no author rows), and the
 * name of a new person to append. Unknown ids are refused rather than dropped, so a stale list is noticed.
 */
export function parseByline(body: Record<string, string>, known: ReadonlySet<number>): { ids: number[]; newName: string } | undefined {
  const rows = rowIndexes(body);
  const newName = (body.author_new ?? '').trim();
  if (rows.length === 0 && body.author_new === undefined) return undefined;
  if (newName.length > 200) throw new AppError('invalid', `authors: the new person's name is too long (${newName.length} characters; at most 200)`);
  const picked = rows.map((i) => ({ id: Number(body[`author_${i}`] || 0), pos: Number(body[`author_pos_${i}`] || NaN), i })).filter((r) => r.id > 0);
  for (const r of picked) if (!known.has(r.id)) throw new AppError('invalid', `authors: person ${r.id} does not exist (any more); reload the page`);
  // Rows without a usable position keep their place after the numbered ones.
  const rank = (pos: number) => (Number.isFinite(pos) && pos >= 1 ? pos : 1e9);
  picked.sort((a, b) => rank(a.pos) - rank(b.pos) || a.i - b.i);
  return { ids: [...new Set(picked.map((r) => r.id))], newName };
}

/** The excerpt field: how many opening paragraphs to quote, with the words-quoted counter. */
export function excerptField(lang: Language, options: readonly ExcerptOption[], val: Record<string, string>, counter: string, warns: SafeHtml): SafeHtml {
  const chosen = val.excerpt_paragraphs ?? '0';
  const opts = [{ paragraphs: 0, words: 0 }, ...options];
  // A stored excerpt longer than today's policy stays selectable as it is, so saving other fields does not cut it.
  if (!opts.some((o) => String(o.paragraphs) === chosen)) opts.push({ paragraphs: Number(chosen), words: -1 });
  const label = (o: ExcerptOption) => (o.paragraphs === 0 ? m(lang, 'excerptNone') : o.words < 0 ? mf(lang, 'excerptKept', { paragraphs: o.paragraphs }) : mf(lang, 'excerptOption', { paragraphs: o.paragraphs, words: o.words }));
  return html`<p><label for="f-excerpt_paragraphs">${m(lang, 'excerptChoose')}</label><select id="f-excerpt_paragraphs" name="excerpt_paragraphs" aria-describedby="excerpt-count">${opts.map((o) => html`<option value="${String(o.paragraphs)}"${String(o.paragraphs) === chosen ? html` selected` : ''}>${label(o)}</option>`)}</select></p>
<p class="ed-excerpt-count" id="excerpt-count">${counter}</p>${warns}`;
}
