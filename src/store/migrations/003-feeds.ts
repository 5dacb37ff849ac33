import type { Kysely } from 'kysely';
import { refType, withId, type DialectName } from '../dialect.ts';

/**
 * Feed polling and the inbox: per-host politeness and in-flight claims on feeds, WebSub state,
 * LSH band keys for syndication grouping, watch rules. One ADD COLUMN per statement (SQLite's rule).
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const ref = refType(dialect);
  const s = db.schema;
  const feedColumns: [string, 'text' | 'integer'][] = [
    ['host', 'text'], ['claimed_until', 'text'], ['last_status', 'integer'], ['last_new_items', 'integer'], ['paused_at', 'text'],
    ['websub_topic', 'text'], ['websub_secret', 'text'], ['websub_state', 'text'], ['websub_expires_at', 'text'],
  ];
  for (const [name, type] of feedColumns) await s.alterTable('feeds').addColumn(name, type).execute();
  await s.createIndex('feeds_host').on('feeds').columns(['host', 'claimed_until']).execute();

  for (const name of ['guid', 'watch_matches', 'used_at']) await s.alterTable('candidates').addColumn(name, 'text').execute();
  await s.createIndex('candidates_group').on('candidates').column('group_id').execute();
  await s.createIndex('candidates_created').on('candidates').column('created_at').execute();

  await s.createTable('candidate_bands')
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('candidate_id', ref, (c) => c.notNull().references('candidates.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull()).execute();
  await s.createIndex('candidate_bands_band').on('candidate_bands').columns(['band', 'created_at']).execute();
  await s.createIndex('candidate_bands_candidate').on('candidate_bands').column('candidate_id').execute();

  await withId(s.createTable('watch_rules'), dialect)
    .addColumn('pattern', 'text', (c) => c.notNull()).addColumn('action', 'text', (c) => c.notNull().defaultTo('flag'))
    .addColumn('created_at', 'text', (c) => c.notNull()).execute();
}
