import type { Kysely } from 'kysely';
import type { Database } from './database.ts';

/*
 * The change log the triggers of migration 002 write (`site_changes`): web processes read it to invalidate
 * the cached pages that show a changed record, whichever process (CLI, editor, worker) made the change.
 */

/** What changed: a piece (its row, authors, tags or corrections), a person, an outlet, a tag or the site settings. */
export interface SiteChange {
  id: number;
  subject: 'piece' | 'person' | 'outlet' | 'tag' | 'settings';
  ref: number;
}

interface SiteChangesTable { id: number; subject: string; ref: number }
type WithChanges = Database & { site_changes: SiteChangesTable };

function changes(db: Kysely<Database>): Kysely<WithChanges> {
  return db.withTables<{ site_changes: SiteChangesTable }>();
}

/** The id of the newest change (0 when none). */
export async function latestChangeId(db: Kysely<Database>): Promise<number> {
  const r = await changes(db).selectFrom('site_changes').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(r?.id ?? 0);
}

/** The id of the oldest change still logged (0 when none). */
export async function oldestChangeId(db: Kysely<Database>): Promise<number> {
  const r = await changes(db).selectFrom('site_changes').select((eb) => eb.fn.min('id').as('id')).executeTakeFirst();
  return Number(r?.id ?? 0);
}

/** Changes after `afterId`, oldest first, at most `limit`. */
export async function changesSince(db: Kysely<Database>, afterId: number, limit: number): Promise<SiteChange[]> {
  const rows = await changes(db).selectFrom('site_changes').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ id: Number(r.id), subject: r.subject as SiteChange['subject'], ref: Number(r.ref) }));
}

/** Deletes changes at or below `id` (every reader has seen them; a reader that fell behind clears its whole cache). */
export async function pruneChanges(db: Kysely<Database>, id: number): Promise<void> {
  await changes(db).deleteFrom('site_changes').where('id', '<=', id).execute();
}

/** Where a piece appears now: its state, tags, authors, outlet and publication instant. */
export interface PieceScopes {
  published: boolean;
  publishedAt: string | null;
  tagIds: number[];
  personIds: number[];
  outletId: number | null;
}

/** The lists a piece belongs to now (undefined when the piece is gone). */
export async function pieceScopes(db: Kysely<Database>, id: number): Promise<PieceScopes | undefined> {
  const row = await db.selectFrom('pieces').select(['state', 'published_at', 'outlet_id']).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [tags, people] = await Promise.all([
    db.selectFrom('piece_tags').select('tag_id').where('piece_id', '=', id).execute(),
    db.selectFrom('piece_authors').select('person_id').where('piece_id', '=', id).execute(),
  ]);
  return {
    published: row.state === 'published', publishedAt: row.published_at, outletId: row.outlet_id === null ? null : Number(row.outlet_id),
    tagIds: tags.map((t) => Number(t.tag_id)), personIds: people.map((p) => Number(p.person_id)),
  };
}
