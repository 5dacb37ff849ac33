import type { Insertable, Kysely } from 'kysely';
import type { Database, OutletsTable, PeopleTable, TagsTable } from './database.ts';

/*
 * Outlets, people and tags: the records pieces point to.
 */

/** Inserts an outlet; returns its id. */
export async function insertOutlet(db: Kysely<Database>, row: Omit<Insertable<OutletsTable>, 'id'>): Promise<number> {
  return Number((await db.insertInto('outlets').values(row).returning('id').executeTakeFirstOrThrow()).id);
}

/**
 * Inserts an outlet unless its slug is taken; returns the new id, or null when another writer took the slug first
 * (two captures of one new outlet at once), so the caller can look again instead of failing.
 */
export async function insertOutletIfSlugFree(db: Kysely<Database>, row: Omit<Insertable<OutletsTable>, 'id'>): Promise<number | null> {
  const inserted = await db.insertInto('outlets').values(row).onConflict((oc) => oc.column('slug').doNothing()).returning('id').executeTakeFirst();
  return inserted ? Number(inserted.id) : null;
}

/** Inserts a person unless their slug is taken; returns the new id, or null (as insertOutletIfSlugFree). */
export async function insertPersonIfSlugFree(db: Kysely<Database>, row: Omit<Insertable<PeopleTable>, 'id'>): Promise<number | null> {
  const inserted = await db.insertInto('people').values(row).onConflict((oc) => oc.column('slug').doNothing()).returning('id').executeTakeFirst();
  return inserted ? Number(inserted.id) : null;
}

/** Inserts a person; returns their id. */
export async function insertPerson(db: Kysely<Database>, row: Omit<Insertable<PeopleTable>, 'id'>): Promise<number> {
  return Number((await db.insertInto('people').values(row).returning('id').executeTakeFirstOrThrow()).id);
}

/** Returns the id of the tag with this slug, creating it with `names` when missing. */
export async function ensureTag(db: Kysely<Database>, row: Omit<Insertable<TagsTable>, 'id'>): Promise<number> {
  await db.insertInto('tags').values(row).onConflict((oc) => oc.column('slug').doNothing()).execute();
  return Number((await db.selectFrom('tags').select('id').where('slug', '=', row.slug).executeTakeFirstOrThrow()).id);
}

/** Every outlet, by name. */
export async function listOutlets(db: Kysely<Database>) {
  return db.selectFrom('outlets').selectAll().orderBy('name').execute();
}

/** Every person (for matching captured authors and for lists). */
export async function listPeople(db: Kysely<Database>) {
  return db.selectFrom('people').selectAll().orderBy('slug').execute();
}

/** Every tag. */
export async function listTags(db: Kysely<Database>) {
  return db.selectFrom('tags').selectAll().orderBy('slug').execute();
}

/** A person by slug or id. */
export async function findPerson(db: Kysely<Database>, key: string) {
  const q = db.selectFrom('people').selectAll();
  return (/^\d+$/.test(key) ? q.where('id', '=', Number(key)) : q.where('slug', '=', key)).executeTakeFirst();
}

/** An outlet by slug or id. */
export async function findOutlet(db: Kysely<Database>, key: string) {
  const q = db.selectFrom('outlets').selectAll();
  return (/^\d+$/.test(key) ? q.where('id', '=', Number(key)) : q.where('slug', '=', key)).executeTakeFirst();
}

/** True when a slug is used in `table`. */
export async function slugTaken(db: Kysely<Database>, table: 'people' | 'outlets' | 'tags', slug: string): Promise<boolean> {
  return (await db.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

/** Updates a person's columns. */
export async function updatePerson(db: Kysely<Database>, id: number, set: Partial<Omit<Insertable<PeopleTable>, 'id'>>): Promise<void> {
  await db.updateTable('people').set(set).where('id', '=', id).execute();
}

/** Updates an outlet's columns. */
export async function updateOutlet(db: Kysely<Database>, id: number, set: Partial<Omit<Insertable<OutletsTable>, 'id'>>): Promise<void> {
  await db.updateTable('outlets').set(set).where('id', '=', id).execute();
}

/** Moves every piece of person `from` to person `into` and deletes `from`, in one transaction. */
export async function mergePeople(db: Kysely<Database>, from: number, into: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const already = (await trx.selectFrom('piece_authors').select('piece_id').where('person_id', '=', into).execute()).map((r) => Number(r.piece_id));
    if (already.length) await trx.deleteFrom('piece_authors').where('person_id', '=', from).where('piece_id', 'in', already).execute();
    await trx.updateTable('piece_authors').set({ person_id: into }).where('person_id', '=', from).execute();
    await trx.deleteFrom('people').where('id', '=', from).execute();
  });
}
