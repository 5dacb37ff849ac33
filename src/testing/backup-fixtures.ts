import type { Kysely } from 'kysely';
import { seedDemoIfEmpty } from '../newsroom/demo.ts';
import { BACKUP_TABLES } from '../store/backup.ts';
import type { Database } from '../store/database.ts';
import type { Store } from '../store/open.ts';
import { seedSampleSite, type SampleSite } from '../web/site/sample-site.ts';

/*
 * A realistic database for backup tests: the sample site and the demo, plus at least one row in every other
 * table, with awkward values (newlines, quotes, non-Latin text, empty strings, NULLs, large integers).
 */

/** The instant the fixtures are seeded at (and the apps render at). */
export const FIXTURE_NOW = new Date('2022-12-10T10:00:00Z');

/** Seeds the sample site, the demo and a row in every remaining table; returns the sample's ids and paths. */
export async function seedEverything(store: Store, siteUrl: string): Promise<SampleSite> {
  // The demo seeds only an empty database, so it goes first.
  await seedDemoIfEmpty(store, { siteUrl, now: FIXTURE_NOW });
  const sample = await seedSampleSite(store, siteUrl, FIXTURE_NOW);
  await fillRest(store.db, sample);
  return sample;
}

async function fillRest(db: Kysely<Database>, sample: SampleSite): Promise<void> {
  const at = FIXTURE_NOW.toISOString();
  const user = Number((await db.insertInto('users').values({ email: 'ed@example.org', name: 'Ед «Редактор»\n"quoted"', role: 'editor', password_hash: 'scrypt$x$y', created_at: at, updated_at: at, locked_until: null }).returning('id').executeTakeFirstOrThrow()).id);
  await db.insertInto('sessions').values({ id: 'a'.repeat(64), user_id: user, created_at: at, expires_at: at, last_seen_at: at, user_agent: '' }).execute();
  await db.insertInto('password_resets').values({ token_hash: 'b'.repeat(64), user_id: user, created_at: at, expires_at: at, used_at: null }).execute();
  const feed = Number((await db.insertInto('feeds').values({ outlet_id: sample.outletId, url: 'https://daily.example.com/feed.xml', next_check_at: at, created_at: at, updated_at: at, host: 'daily.example.com', etag: 'W/"1"' }).returning('id').executeTakeFirstOrThrow()).id);
  const capture = Number((await db.insertInto('captures').values({ url: 'https://daily.example.com/a', canonical_url: 'https://daily.example.com/a', final_url: 'https://daily.example.com/a', html_sha256: 'c'.repeat(64), html: '<html><body><p>Привіт, світ — "tab"\there</p></body></html>', http_status: 200, content_type: 'text/html', fetched_at: at, extraction: '{"headline":"A"}', created_by: user, created_at: at }).returning('id').executeTakeFirstOrThrow()).id);
  const cand = Number((await db.insertInto('candidates').values({ feed_id: feed, outlet_id: sample.outletId, url: 'https://daily.example.com/a', canonical_url: 'https://daily.example.com/a', title: 'A', capture_id: capture, created_at: at, group_id: 7, watch_matches: '["steppe"]' }).returning('id').executeTakeFirstOrThrow()).id);
  await db.insertInto('candidate_bands').values([{ band: '0:abc', candidate_id: cand, created_at: at }, { band: '1:def', candidate_id: cand, created_at: at }]).execute();
  await db.insertInto('watch_rules').values({ pattern: 'steppe', action: 'flag', created_at: at }).execute();
  const piece = (await db.selectFrom('pieces').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  await db.insertInto('revisions').values({ piece_id: piece, version: 1, user_id: user, at, changes: '{"headline":["a","b"]}' }).execute();
  await db.insertInto('jobs').values({ name: 'link.check', payload: '{"id":1}', unique_key: 'k1', run_at: at, created_at: at, updated_at: at, attempts: 2, last_error: 'timeout\nsecond line' }).execute();
  await db.insertInto('job_schedules').values({ name: 'feeds.tick', job_name: 'feeds.tick', payload: '{}', every_seconds: 60, next_run_at: at }).execute();
  await db.insertInto('link_checks').values({ url: 'https://daily.example.com/a', next_check_at: at, http_status: 404, consecutive_failures: 2_000_000_000 }).execute();
  await db.insertInto('link_uses').values({ url: 'https://daily.example.com/a', subject_type: 'piece', subject_id: piece, field: 'originalUrl' }).execute();
  await db.insertInto('audit_log').values({ at, user_id: user, action: 'piece.publish', subject_type: 'piece', subject_id: String(piece), details: null }).execute();
  // A gap in the ids: restored rows must keep theirs, not be renumbered.
  await db.deleteFrom('watch_rules').execute();
  await db.insertInto('watch_rules').values({ pattern: 'Казахстан', action: 'capture', created_at: at }).execute();
}

/** Every row of every backed-up table, in a stable order, for comparing two databases. */
export async function allRows(db: Kysely<Database>): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  const any = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  for (const t of BACKUP_TABLES) {
    const rows = await any.selectFrom(t).selectAll().execute();
    out[t] = rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b))))).sort();
  }
  return out;
}
