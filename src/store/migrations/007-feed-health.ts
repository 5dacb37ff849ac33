import type { Kysely } from 'kysely';

/**
 * Feeds that silently stop: when a poll last brought a new item and the feed's usual gap between new items
 * (so "quiet" is judged against the feed's own cadence), and how many items the last poll left beyond the
 * per-poll cap. One ADD COLUMN per statement (SQLite's rule).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('feeds').addColumn('last_new_item_at', 'text').execute();
  await db.schema.alterTable('feeds').addColumn('new_item_gap_seconds', 'integer').execute();
  await db.schema.alterTable('feeds').addColumn('last_over_cap', 'integer').execute();
}
