import type { Kysely } from 'kysely';
import { intDefault, refType, withId, type DialectName } from '../dialect.ts';

/** The core schema: every aggregate DESIGN.md names. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const ref = refType(dialect);
  const s = db.schema;

  await s.createTable('settings').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull()).execute();

  await withId(s.createTable('users'), dialect)
    .addColumn('email', 'text', (c) => c.notNull().unique()).addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull()).addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', intDefault(0)).addColumn('failed_logins', 'integer', intDefault(0))
    .addColumn('locked_until', 'text').addColumn('created_at', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await s.createTable('sessions').addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', ref, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull()).addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull()).addColumn('user_agent', 'text').execute();
  await s.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await withId(s.createTable('outlets'), dialect)
    .addColumn('name', 'text', (c) => c.notNull()).addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('home_url', 'text').addColumn('logo_url', 'text').addColumn('excerpt_policy', 'text').addColumn('permissions_note', 'text')
    .addColumn('demo', 'integer', intDefault(0))
    .addColumn('created_at', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull()).execute();

  await withId(s.createTable('feeds'), dialect)
    .addColumn('outlet_id', ref, (c) => c.references('outlets.id').onDelete('set null'))
    .addColumn('url', 'text', (c) => c.notNull().unique()).addColumn('title', 'text').addColumn('format', 'text')
    .addColumn('enabled', 'integer', intDefault(1)).addColumn('interval_seconds', 'integer', intDefault(900))
    .addColumn('language', 'text').addColumn('keyword_rules', 'text').addColumn('user_agent', 'text')
    .addColumn('next_check_at', 'text', (c) => c.notNull()).addColumn('last_checked_at', 'text').addColumn('last_success_at', 'text')
    .addColumn('consecutive_errors', 'integer', intDefault(0)).addColumn('last_error', 'text').addColumn('paused_reason', 'text')
    .addColumn('etag', 'text').addColumn('last_modified', 'text').addColumn('websub_hub', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull()).execute();
  await s.createIndex('feeds_due').on('feeds').columns(['enabled', 'next_check_at']).execute();

  await withId(s.createTable('captures'), dialect)
    .addColumn('url', 'text', (c) => c.notNull()).addColumn('canonical_url', 'text', (c) => c.notNull())
    .addColumn('final_url', 'text', (c) => c.notNull()).addColumn('html_sha256', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull()).addColumn('http_status', 'integer', (c) => c.notNull())
    .addColumn('content_type', 'text').addColumn('fetched_at', 'text', (c) => c.notNull())
    .addColumn('extraction', 'text', (c) => c.notNull()).addColumn('created_by', ref, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull()).execute();
  await s.createIndex('captures_canonical').on('captures').column('canonical_url').execute();
  await s.createIndex('captures_url').on('captures').column('url').execute();

  await withId(s.createTable('candidates'), dialect)
    .addColumn('feed_id', ref, (c) => c.references('feeds.id').onDelete('set null'))
    .addColumn('outlet_id', ref, (c) => c.references('outlets.id').onDelete('set null'))
    .addColumn('url', 'text', (c) => c.notNull()).addColumn('canonical_url', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull()).addColumn('authors', 'text').addColumn('published_at', 'text')
    .addColumn('summary', 'text').addColumn('image_url', 'text').addColumn('language', 'text').addColumn('fingerprint', 'text')
    .addColumn('group_id', ref).addColumn('state', 'text', (c) => c.notNull().defaultTo('new'))
    .addColumn('capture_id', ref, (c) => c.references('captures.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull()).execute();
  await s.createIndex('candidates_state').on('candidates').columns(['state', 'created_at']).execute();

  await withId(s.createTable('people'), dialect)
    .addColumn('slug', 'text', (c) => c.notNull().unique()).addColumn('names', 'text', (c) => c.notNull())
    .addColumn('spellings', 'text', (c) => c.notNull()).addColumn('bios', 'text', (c) => c.notNull())
    .addColumn('photo_url', 'text').addColumn('website_url', 'text').addColumn('profiles', 'text', (c) => c.notNull())
    .addColumn('pronoun', 'text', (c) => c.notNull().defaultTo('they')).addColumn('staff', 'integer', intDefault(0))
    .addColumn('demo', 'integer', intDefault(0))
    .addColumn('created_at', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull()).execute();

  await withId(s.createTable('pieces'), dialect)
    .addColumn('type', 'text', (c) => c.notNull()).addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()).addColumn('language', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull()).addColumn('path', 'text', (c) => c.unique())
    .addColumn('headline', 'text', (c) => c.notNull()).addColumn('headline_override', 'text')
    .addColumn('standfirst', 'text').addColumn('body_md', 'text').addColumn('excerpt', 'text').addColumn('editor_note', 'text')
    .addColumn('original_url', 'text').addColumn('outlet_id', ref, (c) => c.references('outlets.id').onDelete('set null'))
    .addColumn('capture_id', ref, (c) => c.references('captures.id').onDelete('set null'))
    .addColumn('original_published_at', 'text').addColumn('image', 'text')
    .addColumn('seo', 'text', (c) => c.notNull().defaultTo('noindex')).addColumn('retraction_note', 'text')
    .addColumn('published_at', 'text').addColumn('scheduled_at', 'text')
    .addColumn('created_by', ref, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', intDefault(1)).addColumn('demo', 'integer', intDefault(0))
    .addColumn('created_at', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull()).execute();
  await s.createIndex('pieces_state_published').on('pieces').columns(['state', 'published_at']).execute();
  await s.createIndex('pieces_original_url').on('pieces').column('original_url').execute();

  await s.createTable('piece_authors')
    .addColumn('piece_id', ref, (c) => c.notNull().references('pieces.id').onDelete('cascade'))
    .addColumn('person_id', ref, (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('piece_authors_pk', ['piece_id', 'person_id']).execute();
  await s.createIndex('piece_authors_person').on('piece_authors').column('person_id').execute();

  await withId(s.createTable('tags'), dialect)
    .addColumn('slug', 'text', (c) => c.notNull().unique()).addColumn('names', 'text', (c) => c.notNull())
    .addColumn('demo', 'integer', intDefault(0)).addColumn('created_at', 'text', (c) => c.notNull()).execute();

  await s.createTable('piece_tags')
    .addColumn('piece_id', ref, (c) => c.notNull().references('pieces.id').onDelete('cascade'))
    .addColumn('tag_id', ref, (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('piece_tags_pk', ['piece_id', 'tag_id']).execute();
  await s.createIndex('piece_tags_tag').on('piece_tags').column('tag_id').execute();

  await withId(s.createTable('corrections'), dialect)
    .addColumn('piece_id', ref, (c) => c.notNull().references('pieces.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull()).addColumn('text', 'text', (c) => c.notNull())
    .addColumn('user_id', ref, (c) => c.references('users.id').onDelete('set null')).execute();

  await withId(s.createTable('revisions'), dialect)
    .addColumn('piece_id', ref, (c) => c.notNull().references('pieces.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull()).addColumn('user_id', ref, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull()).addColumn('changes', 'text', (c) => c.notNull()).execute();
  await s.createIndex('revisions_piece').on('revisions').columns(['piece_id', 'version']).execute();

  await withId(s.createTable('jobs'), dialect)
    .addColumn('name', 'text', (c) => c.notNull()).addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('queued')).addColumn('unique_key', 'text', (c) => c.unique())
    .addColumn('run_at', 'text', (c) => c.notNull()).addColumn('attempts', 'integer', intDefault(0))
    .addColumn('max_attempts', 'integer', intDefault(5)).addColumn('locked_by', 'text').addColumn('locked_until', 'text')
    .addColumn('last_error', 'text').addColumn('created_at', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text').execute();
  await s.createIndex('jobs_ready').on('jobs').columns(['state', 'run_at']).execute();

  await s.createTable('job_schedules').addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('job_name', 'text', (c) => c.notNull()).addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('every_seconds', 'integer', (c) => c.notNull()).addColumn('next_run_at', 'text', (c) => c.notNull()).execute();

  await withId(s.createTable('link_checks'), dialect)
    .addColumn('url', 'text', (c) => c.notNull().unique()).addColumn('state', 'text', (c) => c.notNull().defaultTo('unchecked'))
    .addColumn('http_status', 'integer').addColumn('error', 'text').addColumn('consecutive_failures', 'integer', intDefault(0))
    .addColumn('last_checked_at', 'text').addColumn('next_check_at', 'text', (c) => c.notNull()).addColumn('first_failed_at', 'text')
    .execute();

  await withId(s.createTable('audit_log'), dialect)
    .addColumn('at', 'text', (c) => c.notNull()).addColumn('user_id', ref, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull()).addColumn('subject_type', 'text').addColumn('subject_id', 'text')
    .addColumn('details', 'text').execute();
  await s.createIndex('audit_log_at').on('audit_log').column('at').execute();
}
