import type { Kysely } from 'kysely';
import type { Database } from './database.ts';

/** Stores a reset link (by token hash) for a user; earlier unused links of that user stop working. */
export async function insertReset(db: Kysely<Database>, r: { tokenHash: string; userId: number; now: string; expiresAt: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('password_resets').set({ used_at: r.now }).where('user_id', '=', r.userId).where('used_at', 'is', null).execute();
    await trx.insertInto('password_resets').values({ token_hash: r.tokenHash, user_id: r.userId, created_at: r.now, expires_at: r.expiresAt }).execute();
  });
}

/** The user of a link that is unused and not expired, or undefined. */
export async function findLiveReset(db: Kysely<Database>, tokenHash: string, now: string): Promise<{ userId: number } | undefined> {
  const row = await db.selectFrom('password_resets').select('user_id').where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
  return row ? { userId: Number(row.user_id) } : undefined;
}

/** Marks a link used; false when it was already used (two tabs submitting at once get one success). */
export async function consumeReset(db: Kysely<Database>, tokenHash: string, now: string): Promise<boolean> {
  const r = await db.updateTable('password_resets').set({ used_at: now }).where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
