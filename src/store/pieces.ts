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

/** Inserts a piece with its authors and tags in one transaction; returns its id. */
export async function insertPiece(db: Kysely<Database>, p: NewPiece): Promise<number> {
  return db.transaction().execute(async (trx) => {
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
  return hydrate(db, rows);
}

/** The piece at a public path, in any state (the caller decides what a draft or retraction shows). */
export async function findByPath(db: Kysely<Database>, path: string): Promise<PieceView | undefined> {
  const row = await db.selectFrom('pieces').selectAll().where('path', '=', path).executeTakeFirst();
  return row ? (await hydrate(db, [row]))[0] : undefined;
}

async function hydrate(db: Kysely<Database>, rows: Selectable<PiecesTable>[]): Promise<PieceView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => Number(r.id));
  const [authorRows, tagRows, outletRows, corrections] = await Promise.all([
    db.selectFrom('piece_authors').innerJoin('people', 'people.id', 'piece_authors.person_id')
      .selectAll('people').select(['piece_authors.piece_id', 'piece_authors.position']).where('piece_authors.piece_id', 'in', ids)
      .orderBy('piece_authors.position').execute(),
    db.selectFrom('piece_tags').innerJoin('tags', 'tags.id', 'piece_tags.tag_id').selectAll('tags').select('piece_tags.piece_id')
      .where('piece_tags.piece_id', 'in', ids).orderBy('tags.slug').execute(),
    db.selectFrom('outlets').selectAll().where('id', 'in', rows.map((r) => Number(r.outlet_id ?? 0))).execute(),
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
