import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

/**
 * The link checker: where a link ends up (`final_url`), what the last check said (`last_outcome`, and `reason`:
 * the SSRF rule or fetch failure), due links found by index, and `link_uses` so editors see which pieces,
 * people and outlets carry a link. `link_uses` has no foreign key: a use names its subject by type and id.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  const s = db.schema;
  for (const name of ['final_url', 'last_outcome', 'reason']) await s.alterTable('link_checks').addColumn(name, 'text').execute();
  await s.createIndex('link_checks_due').on('link_checks').column('next_check_at').execute();
  await s.createTable('link_uses')
    .addColumn('url', 'text', (c) => c.notNull()).addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull()).addColumn('field', 'text', (c) => c.notNull())
    .addUniqueConstraint('link_uses_unique', ['url', 'subject_type', 'subject_id', 'field']).execute();
  await s.createIndex('link_uses_subject').on('link_uses').columns(['subject_type', 'subject_id']).execute();
}
