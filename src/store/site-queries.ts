import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Person } from '../model/person.ts';
import type { Outlet, Tag } from '../model/piece.ts';
import type { Database } from './database.ts';
import { toOutlet, toPerson, toTag } from './mappers.ts';
import { hydratePieces, type PieceView } from './pieces.ts';

export { hydratePieces };

/*
 * Read models of the reader site: lists of published pieces by tag, person, outlet, kind or month,
 * the outlets strip, archive months and sitemap rows. Every list is of published pieces, newest first.
 */

/** Which published pieces a list shows. */
export interface PieceFilter {
  tagId?: number;
  personId?: number;
  outletId?: number;
  kind?: string;
  type?: 'story' | 'recommendation';
  /** ISO instants: published at or after `from`, before `to`. */
  from?: string;
  to?: string;
  /** Piece ids to leave out (the front page does not repeat its latest pieces in the sections). */
  notIn?: readonly number[];
}

type PieceQuery = SelectQueryBuilder<Database, 'pieces', object>;

function filtered(db: Kysely<Database>, f: PieceFilter): PieceQuery {
  let q = db.selectFrom('pieces').where('pieces.state', '=', 'published') as PieceQuery;
  if (f.tagId !== undefined) q = q.where('pieces.id', 'in', db.selectFrom('piece_tags').select('piece_id').where('tag_id', '=', f.tagId));
  if (f.personId !== undefined) q = q.where('pieces.id', 'in', db.selectFrom('piece_authors').select('piece_id').where('person_id', '=', f.personId));
  if (f.outletId !== undefined) q = q.where('pieces.outlet_id', '=', f.outletId);
  if (f.kind !== undefined) q = q.where('pieces.kind', '=', f.kind);
  if (f.type !== undefined) q = q.where('pieces.type', '=', f.type);
  if (f.from !== undefined) q = q.where('pieces.published_at', '>=', f.from);
  if (f.to !== undefined) q = q.where('pieces.published_at', '<', f.to);
  if (f.notIn?.length) q = q.where('pieces.id', 'not in', [...f.notIn]);
  return q;
}

/** A page of published pieces matching `f`, newest first, with the total count. */
export async function listPublishedPage(db: Kysely<Database>, f: PieceFilter, page: { limit: number; offset: number }): Promise<{ views: PieceView[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, f).selectAll('pieces').orderBy('pieces.published_at', 'desc').orderBy('pieces.id', 'desc').limit(page.limit).offset(page.offset).execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { views: await hydratePieces(db, rows), total: Number(count?.n ?? 0) };
}

/** The latest `perKind` published pieces of each kind that has any, leaving out the ids in `notIn`. */
export async function latestByKind(db: Kysely<Database>, kinds: readonly string[], perKind: number, notIn: readonly number[] = []): Promise<Map<string, PieceView[]>> {
  const rows = (await Promise.all(kinds.map((kind) => filtered(db, { kind, notIn }).selectAll('pieces')
    .orderBy('pieces.published_at', 'desc').orderBy('pieces.id', 'desc').limit(perKind).execute()))).flat();
  const views = await hydratePieces(db, rows);
  const out = new Map<string, PieceView[]>();
  for (const v of views) out.set(v.piece.kind, [...(out.get(v.piece.kind) ?? []), v]);
  return out;
}

/** The published pieces with these ids, in the order given (for search results). */
export async function piecesByIds(db: Kysely<Database>, ids: readonly number[]): Promise<PieceView[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('pieces').selectAll().where('id', 'in', [...ids]).where('state', '=', 'published').execute();
  const views = await hydratePieces(db, rows);
  return ids.map((id) => views.find((v) => Number(v.piece.id) === id)).filter((v): v is PieceView => v !== undefined);
}

/** Outlets with the most published recommendations. */
export async function topOutlets(db: Kysely<Database>, limit: number): Promise<{ id: number; slug: string; name: string; count: number }[]> {
  const rows = await db.selectFrom('pieces').innerJoin('outlets', 'outlets.id', 'pieces.outlet_id')
    .select(['outlets.id', 'outlets.slug', 'outlets.name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('pieces.state', '=', 'published').where('pieces.type', '=', 'recommendation')
    .groupBy(['outlets.id', 'outlets.slug', 'outlets.name']).orderBy('n', 'desc').orderBy('outlets.name').limit(limit).execute();
  return rows.map((r) => ({ id: Number(r.id), slug: r.slug, name: r.name, count: Number(r.n) }));
}

/** A tag by its slug. */
export async function tagBySlug(db: Kysely<Database>, slug: string): Promise<Tag | undefined> {
  const r = await db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst();
  return r ? toTag(r) : undefined;
}

/** A person by their slug. */
export async function personBySlug(db: Kysely<Database>, slug: string): Promise<Person | undefined> {
  const r = await db.selectFrom('people').selectAll().where('slug', '=', slug).executeTakeFirst();
  return r ? toPerson(r) : undefined;
}

/** An outlet by its slug. */
export async function outletBySlug(db: Kysely<Database>, slug: string): Promise<(Outlet & { slug: string }) | undefined> {
  const r = await db.selectFrom('outlets').selectAll().where('slug', '=', slug).executeTakeFirst();
  return r ? toOutlet(r) : undefined;
}

/** Publication instants of every published piece, newest first (the archive groups them by month in the site's zone). */
export async function publishedInstants(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('pieces').select('published_at').where('state', '=', 'published').where('published_at', 'is not', null)
    .orderBy('published_at', 'desc').execute();
  return rows.map((r) => r.published_at!);
}

/** Pieces search engines may index: our stories, and recommendations whose SEO policy is `index`. */
function indexable(db: Kysely<Database>) {
  return db.selectFrom('pieces').where('state', '=', 'published').where('path', 'is not', null)
    .where((eb) => eb.or([eb('type', '=', 'story'), eb('seo', '=', 'index')]));
}

/** How many pieces the sitemap lists. */
export async function countIndexable(db: Kysely<Database>): Promise<number> {
  return Number((await indexable(db).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
}

/** A slice of the sitemap's pieces, oldest first so that slices stay stable as pieces are added. */
export async function indexablePage(db: Kysely<Database>, offset: number, limit: number): Promise<{ path: string; updatedAt: string }[]> {
  const rows = await indexable(db).select(['path', 'updated_at']).orderBy('id').limit(limit).offset(offset).execute();
  return rows.map((r) => ({ path: r.path!, updatedAt: r.updated_at }));
}

/** Our own stories published since `since` (Google News takes our journalism only, from the last two days). */
export async function recentStories(db: Kysely<Database>, since: string, limit: number): Promise<PieceView[]> {
  const rows = await db.selectFrom('pieces').selectAll().where('state', '=', 'published').where('type', '=', 'story')
    .where('published_at', '>=', since).orderBy('published_at', 'desc').limit(limit).execute();
  return hydratePieces(db, rows);
}

/** Slugs of every tag, person and outlet that has a published piece (for the sitemap). */
export async function listedSlugs(db: Kysely<Database>): Promise<{ tags: string[]; people: string[]; outlets: string[] }> {
  const published = db.selectFrom('pieces').select('id').where('state', '=', 'published');
  const [tags, people, outlets] = await Promise.all([
    db.selectFrom('tags').select('slug').where('id', 'in', db.selectFrom('piece_tags').select('tag_id').where('piece_id', 'in', published)).orderBy('slug').execute(),
    db.selectFrom('people').select('slug').where('id', 'in', db.selectFrom('piece_authors').select('person_id').where('piece_id', 'in', published)).orderBy('slug').execute(),
    db.selectFrom('outlets').select('slug').where('id', 'in', db.selectFrom('pieces').select('outlet_id').where('state', '=', 'published')).orderBy('slug').execute(),
  ]);
  return { tags: tags.map((r) => r.slug), people: people.map((r) => r.slug), outlets: outlets.map((r) => r.slug) };
}

/**
 * Image URLs among `urls` whose failure the link checker has confirmed (the page then shows no image rather than a
 * broken box). A `suspect` link, one failure not yet confirmed, still shows: one blip must not strip a page.
 */
export async function goneUrls(db: Kysely<Database>, urls: readonly string[]): Promise<Set<string>> {
  if (urls.length === 0) return new Set();
  const rows = await db.selectFrom('link_checks').select(['url']).where('url', 'in', [...urls])
    .where('state', 'in', [...HIDDEN_IMAGE_STATES]).execute();
  return new Set(rows.map((r) => r.url));
}

const HIDDEN_IMAGE_STATES = ['broken', 'gone', 'refused'] as const;
