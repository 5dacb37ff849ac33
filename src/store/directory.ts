import type { Insertable, Kysely } from 'kysely';
import type { Database, OutletsTable, PeopleTable, TagsTable } from './database.ts';

/*
 * Outlets, people and tags: the records pieces point to.
 */

/** Inserts an outlet; returns its id. */
export async function insertOutlet(db: Kysely<Database>, row: Omit<Insertable<OutletsTable>, 'id'>): Promise<number> {
  return Number((await db.insertInto('outlets').values(row).returning('id').executeTakeFirstOrThrow()).id);
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
