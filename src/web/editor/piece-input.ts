import type { Selectable } from 'kysely';
import { AppError } from '../../model/app-error.ts';
import { ARTICLE_KINDS } from '../../model/capture.ts';
import type { PieceEdit } from '../../newsroom/piece-commands.ts';
import type { PiecesTable } from '../../store/database.ts';

/*
 * Turning the posted piece form into an edit. Limits are generous but finite: a field far too large is refused
 * with a message naming it instead of being cut silently. Text is stored as typed; escaping happens on render.
 */

const LIMITS: Record<string, number> = {
  headline: 500, headline_override: 500, editor_note: 5000, image_caption: 2000, image_credit: 500, image_alt: 1000, standfirst: 1000, body_md: 200_000, tags: 1000,
};

function str(body: Record<string, string>, name: string): string | undefined {
  const v = body[name];
  if (v === undefined) return undefined;
  const max = LIMITS[name] ?? 500;
  if (v.length > max) throw new AppError('invalid', `${name.replace(/_/g, ' ')} is too long (${v.length} characters; at most ${max})`);
  return v.replace(/\r\n/g, '\n').trim();
}

function imageEdit(body: Record<string, string>, current: string | null): string | null | undefined {
  if (body.image_decision === undefined) return undefined;
  const img = current ? (JSON.parse(current) as Record<string, unknown>) : {};
  const decision = ['link', 'proxy', 'none'].includes(body.image_decision) ? body.image_decision : 'none';
  img.decision = decision;
  for (const [field, key] of [['image_caption', 'caption'], ['image_credit', 'credit'], ['image_alt', 'alt']] as const) {
    const v = str(body, field);
    if (v === undefined) continue;
    if (v) img[key] = v;
    else delete img[key];
  }
  const text = JSON.stringify(img);
  // Unchanged fields must serialise to the stored text, so an untouched image is not a change.
  return current && JSON.stringify(JSON.parse(current)) === text ? current : text;
}

function instant(raw: string | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  if (!raw.trim()) return null;
  const t = Date.parse(raw.trim());
  if (Number.isNaN(t)) throw new AppError('invalid', `original publication time "${raw.slice(0, 40)}" is not a date and time (use e.g. 2022-01-18T15:54:00Z)`);
  return new Date(t).toISOString();
}

/** The edit a posted form asks for (only fields present in the form; unchanged ones are no-ops in editPiece). */
export function parseEdit(body: Record<string, string>, row: Selectable<PiecesTable>): PieceEdit {
  const edit: PieceEdit = {};
  const kind = body.kind;
  if (kind !== undefined) {
    if (!(ARTICLE_KINDS as readonly string[]).includes(kind)) throw new AppError('invalid', `kind must be one of ${ARTICLE_KINDS.join(', ')}`);
    edit.kind = kind;
  }
  const headline = str(body, 'headline');
  if (headline !== undefined) {
    if (!headline) throw new AppError('invalid', 'the headline cannot be empty');
    edit.headline = headline;
  }
  const override = str(body, 'headline_override');
  if (override !== undefined) edit.headline_override = override || null;
  const note = str(body, 'editor_note');
  if (note !== undefined) edit.editor_note = note || null;
  if (body.seo !== undefined) edit.seo = ['noindex', 'canonical', 'index'].includes(body.seo) ? body.seo : 'noindex';
  const standfirst = str(body, 'standfirst');
  if (standfirst !== undefined && row.type === 'story') edit.standfirst = standfirst || null;
  const md = str(body, 'body_md');
  if (md !== undefined && row.type === 'story') edit.body_md = md || null;
  const image = imageEdit(body, row.image);
  if (image !== undefined) edit.image = image;
  const published = instant(body.original_published_at);
  // Keep the stored text when it names the same instant (the form shows it as stored).
  if (published !== undefined && (published === null ? row.original_published_at !== null : Date.parse(row.original_published_at ?? '') !== Date.parse(published))) edit.original_published_at = published;
  return edit;
}

/** Tag names from a comma-separated field, trimmed, without empties or duplicates. */
export function parseTags(raw: string | undefined): string[] {
  if (raw && raw.length > LIMITS.tags!) throw new AppError('invalid', `tags are too long (at most ${LIMITS.tags} characters)`);
  return [...new Set((raw ?? '').split(',').map((t) => t.trim()).filter(Boolean))];
}

function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    .formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) - instant;
}

/** A `datetime-local` value (wall time in the site's zone) as a UTC instant; an ISO instant with offset passes through. */
export function zonedLocalToInstant(local: string, timeZone: string): string {
  const s = local.trim();
  if (/[zZ]|[+-]\d\d:?\d\d$/.test(s) && !Number.isNaN(Date.parse(s))) return new Date(s).toISOString();
  const mt = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)$/.exec(s);
  if (!mt) throw new AppError('invalid', 'choose a date and time to schedule for');
  const wall = Date.UTC(Number(mt[1]), Number(mt[2]) - 1, Number(mt[3]), Number(mt[4]), Number(mt[5]));
  // Two passes settle the offset also next to a daylight-saving change.
  let t = wall - zoneOffsetMs(wall, timeZone);
  t = wall - zoneOffsetMs(t, timeZone);
  return new Date(t).toISOString();
}
