import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Person } from '../model/person.ts';
import type { Outlet, Piece, Tag } from '../model/piece.ts';
import type { Database, PiecesTable } from './database.ts';
import { toOutlet, toPerson, toPiece, toTag } from './mappers.ts';

/** A piece as the reader site shows it: with its people, outlet, tags and corrections resolved. */
export interface PieceView {
  piece: Piece & { path: string | null };
  authors: Person[];
  outlet: (Outlet & { slug: string }) | null;
  tags: Tag[];
}

/** Columns of a new piece (JSON fields already serialised) plus ordered author and tag ids. */
export interface NewPiece {
  row: Omit<Insertable<PiecesTable>, 'id'>;
  authorIds: number[];
  tagIds: number[];
}

/**
 * Runs `fn` in a transaction, or inside the caller's when `db` already is one (a bigger write that must be atomic
 * as a whole). `fn` must write first: a deferred SQLite transaction that reads first can fail (see writeTransaction).
 */
export function atomically<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/** Inserts a piece with its authors and tags in one transaction (or the caller's); returns its id. */
export async function insertPiece(db: Kysely<Database>, p: NewPiece): Promise<number> {
  return atomically(db, async (trx) => {
    const { id } = await trx.insertInto('pieces').values(p.row).returning('id').executeTakeFirstOrThrow();
    const pieceId = Number(id);
    if (p.authorIds.length) await trx.insertInto('piece_authors').values(p.authorIds.map((person_id, position) => ({ piece_id: pieceId, person_id, position }))).execute();
    if (p.tagIds.length) await trx.insertInto('piece_tags').values(p.tagIds.map((tag_id) => ({ piece_id: pieceId, tag_id }))).execute();
    return pieceId;
  });
}

/** Published pieces, newest first. */
export async function listPublished(db: Kysely<Database>, opts: { limit: number; offset?: number }): Promise<PieceView[]> {
  const rows = await db.selectFrom('pieces').selectAll().where('state', '=', 'published')
    .orderBy('published_at', 'desc').orderBy('id', 'desc').limit(opts.limit).offset(opts.offset ?? 0).execute();
  return hydratePieces(db, rows);
}

/** The piece at a public path, in any state (the caller decides what a draft or retraction shows). */
export async function findByPath(db: Kysely<Database>, path: string): Promise<PieceView | undefined> {
  const row = await db.selectFrom('pieces').selectAll().where('path', '=', path).executeTakeFirst();
  return row ? (await hydratePieces(db, [row]))[0] : undefined;
}

/** Resolves authors, tags, outlet and corrections for piece rows, keeping their order. */
export async function hydratePieces(db: Kysely<Database>, rows: Selectable<PiecesTable>[]): Promise<PieceView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => Number(r.id));
  const outletIds = [...new Set(rows.map((r) => Number(r.outlet_id ?? 0)))];
  const [authorRows, tagRows, outletRows, corrections] = await Promise.all([
    db.selectFrom('piece_authors').innerJoin('people', 'people.id', 'piece_authors.person_id').selectAll('people')
      .select(['piece_authors.piece_id', 'piece_authors.position']).where('piece_authors.piece_id', 'in', ids).orderBy('piece_authors.position').execute(),
    db.selectFrom('piece_tags').innerJoin('tags', 'tags.id', 'piece_tags.tag_id').selectAll('tags').select('piece_tags.piece_id')
      .where('piece_tags.piece_id', 'in', ids).orderBy('tags.slug').execute(),
    db.selectFrom('outlets').selectAll().where('id', 'in', outletIds).execute(),
    db.selectFrom('corrections').selectAll().where('piece_id', 'in', ids).orderBy('at').execute(),
  ]);
  return rows.map((r) => {
    const id = Number(r.id);
    const authors = authorRows.filter((a) => Number(a.piece_id) === id).map(toPerson);
    const tags = tagRows.filter((t) => Number(t.piece_id) === id).map(toTag);
    const outletRow = outletRows.find((o) => Number(o.id) === Number(r.outlet_id));
    const piece = toPiece(r, authors.map((a) => a.id), tags.map((t) => t.id));
    piece.corrections = corrections.filter((c) => Number(c.piece_id) === id).map((c) => ({ at: c.at, text: c.text }));
    return { piece, authors, tags, outlet: outletRow ? toOutlet(outletRow) : null };
  });
}

/** One piece by id, hydrated. */
export async function getPieceView(db: Kysely<Database>, id: number): Promise<PieceView | undefined> {
  const row = await db.selectFrom('pieces').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await hydratePieces(db, [row]))[0] : undefined;
}

/** The raw row of a piece (for commands that compare and update it). */
export async function getPieceRow(db: Kysely<Database>, id: number): Promise<Selectable<PiecesTable> | undefined> {
  return db.selectFrom('pieces').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Pieces in some states (all when omitted), newest change first. */
export async function listPieces(db: Kysely<Database>, opts: { states?: string[]; limit?: number } = {}): Promise<PieceView[]> {
  let q = db.selectFrom('pieces').selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(opts.limit ?? 100);
  if (opts.states?.length) q = q.where('state', 'in', opts.states);
  return hydratePieces(db, await q.execute());
}

/** A recommendation of any of these original URLs that is not retracted (for "already recommended"). */
export async function findRecommendationOf(db: Kysely<Database>, urls: readonly string[]): Promise<Selectable<PiecesTable> | undefined> {
  if (urls.length === 0) return undefined;
  return db.selectFrom('pieces').selectAll().where('type', '=', 'recommendation').where('original_url', 'in', [...urls])
    .where('state', '!=', 'retracted').orderBy('id').limit(1).executeTakeFirst();
}

/** True when a public path is already used by another piece. */
export async function pathTaken(db: Kysely<Database>, path: string): Promise<boolean> {
  return (await db.selectFrom('pieces').select('id').where('path', '=', path).executeTakeFirst()) !== undefined;
}

/**
 * Updates a piece only if it is still at `expectedVersion` (and, when given, in one of `fromStates`),
 * bumping the version. Returns false when someone changed it first: the caller refuses the save.
 */
export async function updatePieceIf(db: Kysely<Database>, id: number, guard: { expectedVersion?: number; fromStates?: string[] }, set: Partial<Omit<Selectable<PiecesTable>, 'id' | 'version'>>): Promise<boolean> {
  let q = db.updateTable('pieces').set({ ...set, version: (eb) => eb('version', '+', 1) }).where('id', '=', id);
  if (guard.expectedVersion !== undefined) q = q.where('version', '=', guard.expectedVersion);
  if (guard.fromStates) q = q.where('state', 'in', guard.fromStates);
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

/** Replaces a piece's tags (one transaction: a crash between the delete and the insert must not strip them). */
export async function setPieceTags(db: Kysely<Database>, pieceId: number, tagIds: number[]): Promise<void> {
  await atomically(db, async (trx) => {
    await trx.deleteFrom('piece_tags').where('piece_id', '=', pieceId).execute();
    if (tagIds.length) await trx.insertInto('piece_tags').values(tagIds.map((tag_id) => ({ piece_id: pieceId, tag_id }))).execute();
  });
}

/** The ids of a piece's authors, in byline order. */
export async function getPieceAuthorIds(db: Kysely<Database>, pieceId: number): Promise<number[]> {
  const rows = await db.selectFrom('piece_authors').select('person_id').where('piece_id', '=', pieceId).orderBy('position').execute();
  return rows.map((r) => Number(r.person_id));
}

/** Replaces a piece's authors, in this byline order (one transaction, so a reader never sees half a byline). */
export async function setPieceAuthors(db: Kysely<Database>, pieceId: number, personIds: readonly number[]): Promise<void> {
  await atomically(db, async (trx) => {
    await trx.deleteFrom('piece_authors').where('piece_id', '=', pieceId).execute();
    if (personIds.length) await trx.insertInto('piece_authors').values(personIds.map((person_id, position) => ({ piece_id: pieceId, person_id, position }))).execute();
  });
}

/** Records one revision: who changed what (field → [before, after]). */
export async function insertRevision(db: Kysely<Database>, r: { pieceId: number; version: number; userId: number | null; at: string; changes: Record<string, unknown> }): Promise<void> {
  await db.insertInto('revisions').values({ piece_id: r.pieceId, version: r.version, user_id: r.userId, at: r.at, changes: JSON.stringify(r.changes) }).execute();
}

/** The revisions of a piece, oldest first. */
export async function listRevisions(db: Kysely<Database>, pieceId: number) {
  return db.selectFrom('revisions').selectAll().where('piece_id', '=', pieceId).orderBy('version').execute();
}

/** Adds a dated correction note. */
export async function insertCorrection(db: Kysely<Database>, c: { pieceId: number; at: string; text: string; userId: number | null }): Promise<void> {
  await db.insertInto('corrections').values({ piece_id: c.pieceId, at: c.at, text: c.text, user_id: c.userId }).execute();
}
