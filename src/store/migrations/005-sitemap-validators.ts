import type { Kysely } from 'kysely';

/** Validators of a sitemap index's child sitemaps (JSON: url → ETag/Last-Modified), so each child is polled with a conditional GET. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('feeds').addColumn('sitemap_validators', 'text').execute();
}
