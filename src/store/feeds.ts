/*
 * Feeds: the rows the poller schedules from. All schedule state lives on the row (next check,
 * validators, consecutive errors, the reason a feed is paused) so it survives restarts and shows in the UI.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, FeedsTable } from './database.ts';

/** A feed row as read back. */
export type FeedRow = Selectable<FeedsTable>;

/** A feed to add; `now` also becomes its first check time. */
export interface NewFeed {
  url: string;
  outletId?: number | null;
  title?: string | null;
  format?: string | null;
  intervalSeconds?: number;
  language?: string | null;
  keywordRules?: string | null;
  userAgent?: string | null;
  now: string;
}

/** The host part used for politeness (one outlet, one request at a time). */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** Adds a feed; returns its id and whether it was new (a known URL returns the existing id). */
export async function insertFeed(db: Kysely<Database>, f: NewFeed): Promise<{ id: number; created: boolean }> {
  const row = await db.insertInto('feeds').values({
    url: f.url, host: hostOf(f.url), outlet_id: f.outletId ?? null, title: f.title ?? null, format: f.format ?? null,
    interval_seconds: f.intervalSeconds ?? 900, language: f.language ?? null, keyword_rules: f.keywordRules ?? null, user_agent: f.userAgent ?? null,
    next_check_at: f.now, created_at: f.now, updated_at: f.now,
  }).onConflict((oc) => oc.column('url').doNothing()).returning('id').executeTakeFirst();
  if (row) return { id: Number(row.id), created: true };
  const known = await db.selectFrom('feeds').select('id').where('url', '=', f.url).executeTakeFirstOrThrow();
  return { id: Number(known.id), created: false };
}

/** One feed by id. */
export async function getFeed(db: Kysely<Database>, id: number): Promise<FeedRow | undefined> {
  return db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A feed by id (digits) or exact URL. */
export async function findFeed(db: Kysely<Database>, key: string): Promise<FeedRow | undefined> {
  const q = db.selectFrom('feeds').selectAll();
  return (/^\d+$/.test(key) ? q.where('id', '=', Number(key)) : q.where('url', '=', key)).executeTakeFirst();
}

/** A feed with its outlet's name, for lists and the health view. */
export type FeedWithOutlet = FeedRow & { outlet_name: string | null };

/** Every feed with its outlet's name, ordered by outlet then URL. */
export async function listFeeds(db: Kysely<Database>): Promise<FeedWithOutlet[]> {
  return db.selectFrom('feeds').leftJoin('outlets', 'outlets.id', 'feeds.outlet_id')
    .selectAll('feeds').select('outlets.name as outlet_name')
    .orderBy('outlets.name').orderBy('feeds.url').execute();
}

/** Terms of the due-feeds query. */
export interface DueQuery {
  now: string;
  limit: number;
  /** Most feeds of one host in flight at once (default 1: one outlet is never hit by several requests at once). */
  perHost?: number;
}

/**
 * Enabled, unpaused feeds whose next check is due and that are not in flight, oldest due first,
 * with at most `perHost` per host counting the host's feeds already in flight.
 */
export async function dueFeeds(db: Kysely<Database>, q: DueQuery): Promise<FeedRow[]> {
  const perHost = q.perHost ?? 1;
  const busy = await db.selectFrom('feeds').select(['host', (eb) => eb.fn.countAll<number>().as('n')])
    .where('claimed_until', '>=', q.now).groupBy('host').execute();
  const inFlight = new Map(busy.map((b) => [b.host ?? '', Number(b.n)]));
  // Read more than needed: hosts at their limit are skipped in the loop below.
  const rows = await db.selectFrom('feeds').selectAll()
    .where('enabled', '=', 1).where('paused_reason', 'is', null).where('next_check_at', '<=', q.now)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', q.now)]))
    .orderBy('next_check_at').orderBy('id').limit(Math.max(q.limit * 4, 100)).execute();
  const out: FeedRow[] = [];
  for (const r of rows) {
    const host = r.host ?? '';
    const n = inFlight.get(host) ?? 0;
    if (n >= perHost) continue;
    inFlight.set(host, n + 1);
    out.push(r);
    if (out.length >= q.limit) break;
  }
  return out;
}

/**
 * Marks feeds in flight until `until`; returns the ids this call claimed. The due condition is checked
 * again here: two overlapping ticks may both have read a feed as due, and the other one may already
 * have polled and released it (then its next check is in the future and this claim must fail).
 */
export async function claimFeeds(db: Kysely<Database>, ids: readonly number[], now: string, until: string): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.updateTable('feeds').set({ claimed_until: until })
    .where('id', 'in', [...ids]).where('next_check_at', '<=', now).where('enabled', '=', 1).where('paused_reason', 'is', null)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .returning('id').execute();
  return rows.map((r) => Number(r.id));
}

/**
 * Renews a feed's claim for the job that was queued with it (compare-and-set on `claimed_until`). False when
 * the claim changed hands: it expired while the job waited and a later tick claimed and queued the feed again.
 */
export async function renewClaim(db: Kysely<Database>, id: number, claim: string, until: string): Promise<boolean> {
  const r = await db.updateTable('feeds').set({ claimed_until: until }).where('id', '=', id).where('claimed_until', '=', claim).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** What a successful poll (200 or 304) writes. */
export interface PollSuccess {
  now: string;
  nextCheckAt: string;
  status: number;
  etag?: string | null;
  lastModified?: string | null;
  newItems: number;
  title?: string | null;
  format?: string | null;
  /** A permanent redirect's target: the stored URL moves there. */
  movedTo?: string | null;
  websubHub?: string | null;
  websubTopic?: string | null;
  /** A sitemap index's child validators (JSON); undefined leaves them as they are. */
  sitemapValidators?: string | null;
  /** Items beyond the per-poll cap in this response (200 only). */
  overCap?: number;
  /** Set when the poll found new items: the feed's cadence as `feeds/feed-health` updates it. */
  cadence?: { lastNewItemAt: string; gapSeconds: number | null };
}

/** Records a successful poll: errors cleared, validators kept, claim released. */
export async function recordSuccess(db: Kysely<Database>, id: number, p: PollSuccess): Promise<void> {
  const set: Record<string, unknown> = {
    last_checked_at: p.now, last_success_at: p.now, next_check_at: p.nextCheckAt, consecutive_errors: 0, last_error: null,
    last_status: p.status, claimed_until: null, updated_at: p.now,
  };
  if (p.status !== 304) Object.assign(set, { etag: p.etag ?? null, last_modified: p.lastModified ?? null, last_new_items: p.newItems, last_over_cap: p.overCap ?? 0 });
  else if (p.etag) set.etag = p.etag;
  if (p.cadence) Object.assign(set, { last_new_item_at: p.cadence.lastNewItemAt, new_item_gap_seconds: p.cadence.gapSeconds });
  if (p.title) set.title = p.title;
  if (p.format) set.format = p.format;
  if (p.websubHub !== undefined) Object.assign(set, { websub_hub: p.websubHub, websub_topic: p.websubTopic ?? null });
  if (p.sitemapValidators !== undefined) set.sitemap_validators = p.sitemapValidators;
  if (p.movedTo) {
    // A second feed may already have the target URL; then keep ours and let the editor merge them.
    const taken = await db.selectFrom('feeds').select('id').where('url', '=', p.movedTo).executeTakeFirst();
    if (!taken) Object.assign(set, { url: p.movedTo, host: hostOf(p.movedTo) });
  }
  await db.updateTable('feeds').set(set).where('id', '=', id).execute();
}

/** What a failed poll writes. */
export interface PollFailure {
  now: string;
  nextCheckAt: string;
  error: string;
  status?: number | null;
  consecutiveErrors: number;
  /** Set when the failures reached the limit: the feed stops until resumed, and says why. */
  pauseReason?: string | null;
}

/** Records a failed poll: the error text saved for the editor, the claim released, maybe paused. */
export async function recordFailure(db: Kysely<Database>, id: number, p: PollFailure): Promise<void> {
  await db.updateTable('feeds').set({
    last_checked_at: p.now, next_check_at: p.nextCheckAt, consecutive_errors: p.consecutiveErrors, last_error: p.error.slice(0, 1000),
    last_status: p.status ?? null, claimed_until: null, updated_at: p.now,
    ...(p.pauseReason ? { paused_reason: p.pauseReason.slice(0, 1000), paused_at: p.now } : {}),
  }).where('id', '=', id).execute();
}

/** Pauses a feed with a reason an editor reads. */
export async function pauseFeed(db: Kysely<Database>, id: number, reason: string, now: string): Promise<boolean> {
  const r = await db.updateTable('feeds').set({ paused_reason: reason, paused_at: now, updated_at: now }).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Resumes a paused or disabled feed: enabled, errors forgotten, checked at once. */
export async function resumeFeed(db: Kysely<Database>, id: number, now: string): Promise<boolean> {
  const r = await db.updateTable('feeds').set({ enabled: 1, paused_reason: null, paused_at: null, consecutive_errors: 0, next_check_at: now, claimed_until: null, updated_at: now })
    .where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Changes per-feed settings. */
export async function updateFeedSettings(db: Kysely<Database>, id: number, set: Partial<Pick<FeedRow, 'enabled' | 'interval_seconds' | 'keyword_rules' | 'language' | 'user_agent' | 'outlet_id' | 'title' | 'next_check_at'>>, now: string): Promise<void> {
  await db.updateTable('feeds').set({ ...set, updated_at: now }).where('id', '=', id).execute();
}

/** Saves WebSub subscription state of a feed. */
export async function setWebSub(db: Kysely<Database>, id: number, s: { hub: string | null; topic: string | null; secret?: string | null; state: string; expiresAt?: string | null }, now: string): Promise<void> {
  await db.updateTable('feeds').set({
    websub_hub: s.hub, websub_topic: s.topic, websub_state: s.state, updated_at: now,
    ...(s.secret !== undefined ? { websub_secret: s.secret } : {}), ...(s.expiresAt !== undefined ? { websub_expires_at: s.expiresAt } : {}),
  }).where('id', '=', id).execute();
}

/**
 * Feeds that need a WebSub (re)subscription: a hub but no subscription yet, or a lease, a failed
 * attempt or an unverified one whose time (`websub_expires_at`) comes before `before`. Pending
 * subscriptions whose verification deadline passed are returned too, so they can be marked unverified.
 */
export async function feedsNeedingWebSub(db: Kysely<Database>, before: string, limit = 100): Promise<FeedRow[]> {
  return db.selectFrom('feeds').selectAll().where('enabled', '=', 1).where('paused_reason', 'is', null).where('websub_hub', 'is not', null)
    .where((eb) => eb.or([eb('websub_state', 'is', null), eb('websub_expires_at', 'is', null), eb('websub_expires_at', '<', before)]))
    .orderBy('id').limit(limit).execute();
}

/** Counts of feeds by health, for the status header. */
export async function feedCounts(db: Kysely<Database>, now: string): Promise<{ total: number; paused: number; failing: number; disabled: number; due: number }> {
  const r = await db.selectFrom('feeds').select([
    (eb) => eb.fn.countAll<number>().as('total'),
    sql<number>`sum(case when paused_reason is not null then 1 else 0 end)`.as('paused'),
    sql<number>`sum(case when consecutive_errors > 0 and paused_reason is null then 1 else 0 end)`.as('failing'),
    sql<number>`sum(case when enabled = 0 then 1 else 0 end)`.as('disabled'),
    sql<number>`sum(case when enabled = 1 and paused_reason is null and next_check_at <= ${now} then 1 else 0 end)`.as('due'),
  ]).executeTakeFirstOrThrow();
  return { total: Number(r.total), paused: Number(r.paused ?? 0), failing: Number(r.failing ?? 0), disabled: Number(r.disabled ?? 0), due: Number(r.due ?? 0) };
}

/** Deletes finished feed-refresh jobs older than `before` (one per poll: 10,000 feeds make ~1M a day). */
export async function deleteFinishedRefreshJobs(db: Kysely<Database>, before: string): Promise<number> {
  const r = await db.deleteFrom('jobs').where('name', '=', 'feeds.refresh').where('state', '=', 'done').where('finished_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Releases a feed's claim without polling it (it was paused or disabled after it was claimed). */
export async function releaseClaim(db: Kysely<Database>, id: number): Promise<void> {
  await db.updateTable('feeds').set({ claimed_until: null }).where('id', '=', id).execute();
}
