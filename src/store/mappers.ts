import type { Selectable } from 'kysely';
import type { BodyBlock } from '../model/capture.ts';
import type { Person } from '../model/person.ts';
import type { Outlet, Piece, PieceImage, Tag } from '../model/piece.ts';
import type { OutletsTable, PeopleTable, PiecesTable, TagsTable } from './database.ts';
import { parseJson } from './json.ts';

/** Maps a people row to the model type. */
export function toPerson(r: Selectable<PeopleTable>): Person {
  const photo = r.photo_url ? { url: r.photo_url } : undefined;
  return {
    id: String(r.id), slug: r.slug, names: parseJson(r.names, { en: r.slug }), otherSpellings: parseJson(r.spellings, []),
    bios: parseJson(r.bios, {}), ...(photo ? { photo } : {}), ...(r.website_url ? { website: r.website_url } : {}),
    profiles: parseJson(r.profiles, []), pronoun: (r.pronoun as Person['pronoun']) ?? 'they', staff: Number(r.staff) === 1,
  };
}

/** Maps an outlets row to the model type. */
export function toOutlet(r: Selectable<OutletsTable>): Outlet & { slug: string } {
  return {
    id: String(r.id), slug: r.slug, name: r.name, homeUrl: r.home_url ?? '',
    ...(r.logo_url ? { logo: { url: r.logo_url } } : {}),
    ...(r.excerpt_policy ? { excerptPolicy: parseJson(r.excerpt_policy, {}) } : {}),
    ...(r.permissions_note ? { permissionNotes: r.permissions_note } : {}),
  };
}

/** Maps a tags row to the model type. */
export function toTag(r: Selectable<TagsTable>): Tag {
  return { id: String(r.id), slug: r.slug, names: parseJson(r.names, { en: r.slug }) };
}

/** Maps a pieces row (plus its author and tag ids) to the model type. */
export function toPiece(r: Selectable<PiecesTable>, authors: string[], tags: string[]): Piece & { path: string | null } {
  const opt = <K extends string, V>(k: K, v: V | null | undefined) => (v === null || v === undefined ? {} : { [k]: v });
  return {
    id: String(r.id), type: r.type as Piece['type'], kind: r.kind as Piece['kind'], state: r.state as Piece['state'],
    language: r.language as Piece['language'], slug: r.slug, path: r.path, headline: r.headline, authors, tags,
    createdAt: r.created_at, updatedAt: r.updated_at, excerpt: parseJson<BodyBlock[]>(r.excerpt, []),
    seo: r.seo as Piece['seo'], corrections: [], revision: Number(r.version),
    ...opt('headlineOverride', r.headline_override), ...opt('originalUrl', r.original_url),
    ...opt('outletId', r.outlet_id === null ? null : String(r.outlet_id)), ...opt('captureId', r.capture_id === null ? null : String(r.capture_id)),
    ...opt('ownerId', r.created_by === null ? null : String(r.created_by)), ...opt('publishedAt', r.published_at),
    ...opt('scheduledAt', r.scheduled_at), ...opt('originalPublishedAt', r.original_published_at),
    ...opt('image', parseJson<PieceImage | null>(r.image, null)), ...opt('editorsNote', r.editor_note),
    ...opt('standfirst', r.standfirst), ...opt('body', r.body_md), ...opt('retractionNote', r.retraction_note),
  };
}
