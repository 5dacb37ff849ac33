import type { Generated, Kysely, Selectable } from 'kysely';
import type { Database, LinkChecksTable } from './database.ts';

/** One link check row as read back. */
export type LinkCheckRow = Selectable<LinkChecksTable>;

/** Where a link is used: which record and which of its fields. */
export interface LinkUse { subjectType: 'piece' | 'person' | 'outlet'; subjectId: number; field: string }

/** Records the latest state of one outbound URL (the link checker writes here; pages read it to hide gone images). */
export async function recordLinkCheck(db: Kysely<Database>, c: { url: string; state: string; httpStatus: number | null; at: string }): Promise<void> {
  await db.insertInto('link_checks').values({ url: c.url, state: c.state, http_status: c.httpStatus, last_checked_at: c.at, next_check_at: c.at })
    .onConflict((oc) => oc.column('url').doUpdateSet({ state: c.state, http_status: c.httpStatus, last_checked_at: c.at })).execute();
}

/** The row of one URL. */
export async function getLinkCheck(db: Kysely<Database>, url: string): Promise<LinkCheckRow | undefined> {
  return db.selectFrom('link_checks').selectAll().where('url', '=', url).executeTakeFirst();
}

/** What one check wrote: the outcome, the verdict of the policy and what the fetch said. */
export interface LinkCheckWrite {
  url: string;
  state: string;
  outcome: string;
  httpStatus: number | null;
  finalUrl: string | null;
  reason: string | null;
  error: string | null;
  consecutiveFailures: number;
  firstFailedAt: string | null;
  checkedAt: string;
  nextCheckAt: string;
}

/** Saves one check's result (the row is created when the URL was never registered, e.g. `links check --url`). */
export async function saveLinkCheck(db: Kysely<Database>, w: LinkCheckWrite): Promise<void> {
  const set = {
    state: w.state, last_outcome: w.outcome, http_status: w.httpStatus, final_url: w.finalUrl, reason: w.reason, error: w.error,
    consecutive_failures: w.consecutiveFailures, first_failed_at: w.firstFailedAt, last_checked_at: w.checkedAt, next_check_at: w.nextCheckAt,
  };
  await db.insertInto('link_checks').values({ url: w.url, ...set }).onConflict((oc) => oc.column('url').doUpdateSet(set)).execute();
}

/** Replaces the links one record uses; URLs not known yet are added as due now. Returns the URLs that were new. */
export async function registerLinks(db: Kysely<Database>, subject: Omit<LinkUse, 'field'>, links: readonly { url: string; field: string }[], now: string): Promise<string[]> {
  await db.deleteFrom('link_uses').where('subject_type', '=', subject.subjectType).where('subject_id', '=', subject.subjectId).execute();
  const fresh: string[] = [];
  for (const l of links) {
    await db.insertInto('link_uses').values({ url: l.url, subject_type: subject.subjectType, subject_id: subject.subjectId, field: l.field })
      .onConflict((oc) => oc.columns(['url', 'subject_type', 'subject_id', 'field']).doNothing()).execute();
    const added = await db.insertInto('link_checks').values({ url: l.url, next_check_at: now })
      .onConflict((oc) => oc.column('url').doNothing()).returning('url').executeTakeFirst();
    if (added) fresh.push(l.url);
  }
  return fresh;
}

/**
 * Claims up to `limit` due links by moving their next check to `until`. The due condition is checked again in the
 * update, so two workers sweeping at once never check one link twice; a check that dies leaves the link due at `until`.
 */
export async function claimDueLinks(db: Kysely<Database>, q: { now: string; until: string; limit: number }): Promise<string[]> {
  // A link no public record uses any more is not checked (its row stays for `links status`).
  const due = await db.selectFrom('link_checks').select('url').where('next_check_at', '<=', q.now)
    .where('url', 'in', db.selectFrom('link_uses').select('url')).orderBy('next_check_at').limit(q.limit).execute();
  if (due.length === 0) return [];
  const rows = await db.updateTable('link_checks').set({ next_check_at: q.until })
    .where('url', 'in', due.map((r) => r.url)).where('next_check_at', '<=', q.now).returning('url').execute();
  return rows.map((r) => r.url);
}

/** Makes every link due now (`links check --all`); returns how many. */
export async function makeAllLinksDue(db: Kysely<Database>, now: string): Promise<number> {
  const r = await db.updateTable('link_checks').set({ next_check_at: now }).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** A link with the records that use it. */
export type LinkWithUses = LinkCheckRow & { uses: LinkUse[] };

/** Links, optionally only those in `states`, worst first (longest failing), each with its uses. */
export async function listLinks(db: Kysely<Database>, opts: { states?: readonly string[]; limit?: number } = {}): Promise<LinkWithUses[]> {
  let q = db.selectFrom('link_checks').selectAll();
  if (opts.states) q = q.where('state', 'in', [...opts.states]);
  const rows = await q.orderBy('first_failed_at').orderBy('url').limit(opts.limit ?? 500).execute();
  return withUses(db, rows);
}

/** The checked links one record uses (the piece edit screen warns about its broken ones). */
export async function linksOf(db: Kysely<Database>, subject: Omit<LinkUse, 'field'>): Promise<LinkWithUses[]> {
  const rows = await db.selectFrom('link_checks').selectAll().where('url', 'in', db.selectFrom('link_uses').select('url')
    .where('subject_type', '=', subject.subjectType).where('subject_id', '=', subject.subjectId)).orderBy('url').execute();
  return withUses(db, rows);
}

async function withUses(db: Kysely<Database>, rows: LinkCheckRow[]): Promise<LinkWithUses[]> {
  if (rows.length === 0) return [];
  const uses = await db.selectFrom('link_uses').selectAll().where('url', 'in', rows.map((r) => r.url)).orderBy('subject_type').orderBy('subject_id').execute();
  return rows.map((r) => ({
    ...r, id: Number(r.id), uses: uses.filter((u) => u.url === r.url).map((u) => ({ subjectType: u.subject_type as LinkUse['subjectType'], subjectId: Number(u.subject_id), field: u.field })),
  }));
}

/** Ids of pieces in `states` (the ones whose links are registered). */
export async function publicPieceIds(db: Kysely<Database>, states: readonly string[]): Promise<number[]> {
  const rows = await db.selectFrom('pieces').select('id').where('state', 'in', [...states]).orderBy('id').execute();
  return rows.map((r) => Number(r.id));
}

/** Headlines of pieces by id (the Links screen names the pieces that use a link). */
export async function pieceHeadlines(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('pieces').select(['id', 'headline', 'headline_override']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [Number(r.id), r.headline_override || r.headline]));
}

/**
 * Logs a change of every piece that uses `url` in the reader site's change log (migration 002), so cached pages
 * that show the link (a lead image now gone) are rebuilt at once rather than when the piece is next edited.
 */
export async function notePiecesUsing(db: Kysely<Database>, url: string): Promise<number> {
  const log = db.withTables<{ site_changes: { id: Generated<number>; subject: string; ref: number } }>();
  const uses = await db.selectFrom('link_uses').select('subject_id').distinct().where('url', '=', url).where('subject_type', '=', 'piece').execute();
  for (const u of uses) await log.insertInto('site_changes').values({ subject: 'piece', ref: Number(u.subject_id) }).execute();
  return uses.length;
}
