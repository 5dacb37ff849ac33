import type { Kysely } from 'kysely';
import type { Database } from './database.ts';

/** Deletes sessions that expired before `now`; returns how many. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
