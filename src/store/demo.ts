import type { Kysely } from 'kysely';
import type { Database } from './database.ts';

/** Deletes every record the demo seeded (rows flagged `demo`), in one transaction. Returns how many pieces went. */
export async function clearDemoRows(db: Kysely<Database>): Promise<{ pieces: number; people: number; outlets: number; tags: number }> {
  return db.transaction().execute(async (trx) => {
    const pieces = await trx.deleteFrom('pieces').where('demo', '=', 1).executeTakeFirst();
    const people = await trx.deleteFrom('people').where('demo', '=', 1).executeTakeFirst();
    const outlets = await trx.deleteFrom('outlets').where('demo', '=', 1).executeTakeFirst();
    const tags = await trx.deleteFrom('tags').where('demo', '=', 1).executeTakeFirst();
    await trx.deleteFrom('settings').where('key', '=', 'demo').execute();
    return {
      pieces: Number(pieces.numDeletedRows), people: Number(people.numDeletedRows),
      outlets: Number(outlets.numDeletedRows), tags: Number(tags.numDeletedRows),
    };
  });
}

/** True when the database has no pieces at all (the demo is seeded only then). */
export async function hasNoPieces(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('pieces').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Forgets that the demo was cleared, so `demo --seed` may add it again. */
export async function forgetDemoCleared(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', 'demo-cleared').execute();
}
