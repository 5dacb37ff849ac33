import type { Kysely } from 'kysely';
import type { Database } from './database.ts';

/** Records the latest state of one outbound URL (the link checker writes here; pages read it to hide gone images). */
export async function recordLinkCheck(db: Kysely<Database>, c: { url: string; state: string; httpStatus: number | null; at: string }): Promise<void> {
  await db.insertInto('link_checks').values({ url: c.url, state: c.state, http_status: c.httpStatus, last_checked_at: c.at, next_check_at: c.at })
    .onConflict((oc) => oc.column('url').doUpdateSet({ state: c.state, http_status: c.httpStatus, last_checked_at: c.at })).execute();
}
