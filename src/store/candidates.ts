/*
 * Candidates: items found in feeds, waiting in the editors' inbox. One row per dedupe URL (a unique
 * column, so concurrent pollers cannot create duplicates); syndicated copies of one piece point to
 * the first copy through `group_id`, found by LSH band keys of a MinHash signature.
 */
import type { Kysely, Selectable } from 'kysely';
import type { FeedItem } from '../model/feed.ts';
import type { CandidatesTable, Database } from './database.ts';

/** A candidate row as read back. */
export type CandidateRow = Selectable<CandidatesTable>;

/** One item ready to store: the dedupe URL and signature are computed by the caller (pure code). */
export interface NewCandidate extends FeedItem {
  canonicalUrl: string;
  signature: string | null;
  bandKeys: string[];
  watchMatches: string[];
}

/** Where the items came from and how to group them. */
export interface InsertContext {
  feedId: number | null;
  outletId: number | null;
  now: string;
  /** Only copies seen since this time are considered for grouping (syndication happens within days). */
  groupSince: string;
  /** Estimated similarity (0..1) of two signatures. */
  similarity(a: string, b: string): number;
  minSimilarity: number;
}

/** What storing a batch did. */
export interface InsertOutcome {
  inserted: { id: number; groupId: number | null; watchMatches: string[] }[];
  /** Items whose dedupe URL was already a candidate. */
  duplicates: number;
}

/** The subset of `canonicalUrls` already stored. */
export async function knownUrls(db: Kysely<Database>, canonicalUrls: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < canonicalUrls.length; i += 500) {
    const rows = await db.selectFrom('candidates').select('canonical_url').where('canonical_url', 'in', canonicalUrls.slice(i, i + 500)).execute();
    for (const r of rows) out.add(r.canonical_url);
  }
  return out;
}

type BandHit = { band: string; id: number; group_id: number | null; fingerprint: string | null };

// Earlier copies sharing a band with any of the items, in one query for the whole batch.
async function bandHits(db: Kysely<Database>, items: readonly NewCandidate[], since: string): Promise<Map<string, BandHit[]>> {
  const keys = [...new Set(items.flatMap((c) => (c.signature ? c.bandKeys : [])))];
  const byBand = new Map<string, BandHit[]>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db.selectFrom('candidate_bands').innerJoin('candidates', 'candidates.id', 'candidate_bands.candidate_id')
      .select(['candidate_bands.band', 'candidates.id', 'candidates.group_id', 'candidates.fingerprint'])
      .where('candidate_bands.band', 'in', keys.slice(i, i + 500)).where('candidate_bands.created_at', '>=', since)
      // A story carried by hundreds of outlets must not make every later copy read them all: the earliest copies suffice.
      .orderBy('candidate_bands.candidate_id').limit(1000).execute();
    for (const r of rows) byBand.set(r.band, [...(byBand.get(r.band) ?? []), { ...r, id: Number(r.id), group_id: r.group_id === null ? null : Number(r.group_id) }]);
  }
  return byBand;
}

// The first earlier copy of the same piece, if any: a shared band, then the signature check.
function groupOf(c: NewCandidate, byBand: Map<string, BandHit[]>, ctx: InsertContext): number | null {
  if (!c.signature) return null;
  const hits = c.bandKeys.flatMap((b) => byBand.get(b) ?? []).sort((a, b) => a.id - b.id);
  for (const h of hits) {
    if (h.fingerprint && ctx.similarity(h.fingerprint, c.signature) >= ctx.minSimilarity) return h.group_id ?? h.id;
  }
  return null;
}

/**
 * Copies of one piece inside one batch (a wire story and a partner's copy in one poll): the band read
 * before the insert cannot see them, so each new row, in id order, is matched against the stored copies
 * and the batch's earlier rows, then joins the hits as a copy for the rows after it. Returns the late
 * groupings as group id → row ids, and records them in `groups`.
 */
function groupWithinBatch(rows: readonly { id: number; canonical_url: string }[], byUrl: Map<string, NewCandidate>,
  groups: Map<string, number | null>, byBand: Map<string, BandHit[]>, ctx: InsertContext): Map<number, number[]> {
  const late = new Map<number, number[]>();
  for (const r of [...rows].sort((a, b) => a.id - b.id)) {
    const c = byUrl.get(r.canonical_url);
    if (!c?.signature) continue;
    let g = groups.get(r.canonical_url) ?? null;
    if (g === null) {
      g = groupOf(c, byBand, ctx);
      if (g !== null) {
        groups.set(r.canonical_url, g);
        late.set(g, [...(late.get(g) ?? []), r.id]);
      }
    }
    for (const band of c.bandKeys) byBand.set(band, [...(byBand.get(band) ?? []), { band, id: r.id, group_id: g, fingerprint: c.signature }]);
  }
  return late;
}

/**
 * Stores new candidates (skipping known URLs), grouping syndicated copies; a handful of statements per
 * batch whatever its size. Safe under concurrent pollers: the unique dedupe URL decides, not the read.
 */
export async function insertCandidates(db: Kysely<Database>, items: readonly NewCandidate[], ctx: InsertContext): Promise<InsertOutcome> {
  const known = await knownUrls(db, items.map((i) => i.canonicalUrl));
  const fresh = items.filter((c) => !known.has(c.canonicalUrl) && known.add(c.canonicalUrl));
  const out: InsertOutcome = { inserted: [], duplicates: items.length - fresh.length };
  if (fresh.length === 0) return out;
  const byBand = await bandHits(db, fresh, ctx.groupSince);
  for (let i = 0; i < fresh.length; i += 100) {
    const chunk = fresh.slice(i, i + 100);
    const groups = new Map(chunk.map((c) => [c.canonicalUrl, groupOf(c, byBand, ctx)]));
    const rows = await db.insertInto('candidates').values(chunk.map((c) => ({
      feed_id: ctx.feedId, outlet_id: ctx.outletId, url: c.url, canonical_url: c.canonicalUrl, guid: c.guid, title: c.title,
      authors: c.authors.length ? JSON.stringify(c.authors) : null, published_at: c.publishedAt, summary: c.summary, image_url: c.imageUrl,
      language: c.language, fingerprint: c.signature, group_id: groups.get(c.canonicalUrl) ?? null,
      watch_matches: c.watchMatches.length ? JSON.stringify(c.watchMatches) : null, state: c.watchMatches.length ? 'flagged' : 'new', created_at: ctx.now,
    }))).onConflict((oc) => oc.column('canonical_url').doNothing()).returning(['id', 'canonical_url']).execute();
    // Rows another poller stored between our read and this insert are absent here: still one candidate each.
    out.duplicates += chunk.length - rows.length;
    const byUrl = new Map(chunk.map((c) => [c.canonicalUrl, c]));
    const bands = rows.flatMap((r) => (byUrl.get(r.canonical_url)?.signature ? byUrl.get(r.canonical_url)!.bandKeys.map((band) => ({ band, candidate_id: Number(r.id), created_at: ctx.now })) : []));
    for (let b = 0; b < bands.length; b += 500) await db.insertInto('candidate_bands').values(bands.slice(b, b + 500)).execute();
    const late = groupWithinBatch(rows.map((r) => ({ id: Number(r.id), canonical_url: r.canonical_url })), byUrl, groups, byBand, ctx);
    for (const [groupId, ids] of late) await db.updateTable('candidates').set({ group_id: groupId }).where('id', 'in', ids).execute();
    for (const r of rows) out.inserted.push({ id: Number(r.id), groupId: groups.get(r.canonical_url) ?? null, watchMatches: byUrl.get(r.canonical_url)!.watchMatches });
  }
  return out;
}

/** One inbox entry: a candidate and the other outlets' copies of the same piece. */
export interface InboxEntry extends CandidateRow {
  outlet_name: string | null;
  sources: { id: number; url: string; outlet_id: number | null; outlet_name: string | null }[];
}

/** Filters of the inbox. */
export interface InboxQuery {
  states?: string[];
  flaggedOnly?: boolean;
  limit?: number;
  feedId?: number;
}

/** The inbox: first copies of each piece, newest first, flagged ones marked, with their syndicated copies. */
export async function listInbox(db: Kysely<Database>, q: InboxQuery = {}): Promise<InboxEntry[]> {
  let query = db.selectFrom('candidates').leftJoin('outlets', 'outlets.id', 'candidates.outlet_id')
    .selectAll('candidates').select('outlets.name as outlet_name').where('candidates.group_id', 'is', null)
    .where('candidates.state', 'in', q.states ?? ['new', 'flagged']);
  if (q.flaggedOnly) query = query.where('candidates.watch_matches', 'is not', null);
  if (q.feedId !== undefined) query = query.where('candidates.feed_id', '=', q.feedId);
  const leaders = await query.orderBy('candidates.created_at', 'desc').orderBy('candidates.id', 'desc').limit(q.limit ?? 100).execute();
  if (leaders.length === 0) return [];
  const copies = await db.selectFrom('candidates').leftJoin('outlets', 'outlets.id', 'candidates.outlet_id')
    .select(['candidates.id', 'candidates.url', 'candidates.outlet_id', 'candidates.group_id', 'outlets.name as outlet_name'])
    .where('candidates.group_id', 'in', leaders.map((l) => l.id)).orderBy('candidates.id').execute();
  return leaders.map((l) => ({
    ...l,
    sources: copies.filter((c) => Number(c.group_id) === Number(l.id)).map((c) => ({ id: Number(c.id), url: c.url, outlet_id: c.outlet_id, outlet_name: c.outlet_name })),
  }));
}

/** One candidate by id. */
export async function getCandidate(db: Kysely<Database>, id: number): Promise<CandidateRow | undefined> {
  return db.selectFrom('candidates').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Links a candidate to its capture (auto-capture, or an editor's click). When the capture learned the
 * page's canonical URL (`<link rel=canonical>`), the candidate takes it as its dedupe URL, so later feed
 * items pointing there are known; if another candidate already has it, this one joins that one's group.
 */
export async function markCaptured(db: Kysely<Database>, id: number, captureId: number, canonicalUrl?: string | null): Promise<void> {
  await db.updateTable('candidates').set({ capture_id: captureId, state: 'captured' }).where('id', '=', id).execute();
  if (!canonicalUrl) return;
  const other = await db.selectFrom('candidates').select(['id', 'group_id']).where('canonical_url', '=', canonicalUrl).executeTakeFirst();
  if (!other) await db.updateTable('candidates').set({ canonical_url: canonicalUrl }).where('id', '=', id).execute();
  else if (Number(other.id) !== id) await db.updateTable('candidates').set({ group_id: Number(other.group_id ?? other.id) }).where('id', '=', id).execute();
}

/** Marks a candidate used by a recommendation: it is then kept past retention. */
export async function markUsed(db: Kysely<Database>, id: number, now: string): Promise<void> {
  await db.updateTable('candidates').set({ state: 'used', used_at: now }).where('id', '=', id).execute();
}

/** Dismisses a candidate from the inbox (kept until retention deletes it). */
export async function dismissCandidate(db: Kysely<Database>, id: number): Promise<void> {
  await db.updateTable('candidates').set({ state: 'dismissed' }).where('id', '=', id).execute();
}

/** Deletes candidates created before `before` that were never used or captured; returns how many. */
export async function deleteExpiredCandidates(db: Kysely<Database>, before: string): Promise<number> {
  const r = await db.deleteFrom('candidates').where('created_at', '<', before).where('used_at', 'is', null).where('capture_id', 'is', null)
    .where('state', 'not in', ['used', 'captured']).executeTakeFirst();
  // Copies whose first copy was deleted become first copies themselves.
  await db.updateTable('candidates').set({ group_id: null })
    .where('group_id', 'is not', null).where(({ not, exists, selectFrom }) => not(exists(selectFrom('candidates as g').select('g.id').whereRef('g.id', '=', 'candidates.group_id')))).execute();
  return Number(r.numDeletedRows);
}

/** Global watch rules, oldest first. */
export async function listWatchRules(db: Kysely<Database>) {
  return db.selectFrom('watch_rules').selectAll().orderBy('id').execute();
}

/** Adds a global watch rule; returns its id. */
export async function addWatchRule(db: Kysely<Database>, pattern: string, action: 'flag' | 'capture', now: string): Promise<number> {
  return Number((await db.insertInto('watch_rules').values({ pattern, action, created_at: now }).returning('id').executeTakeFirstOrThrow()).id);
}

/** Deletes a global watch rule. */
export async function deleteWatchRule(db: Kysely<Database>, id: number): Promise<boolean> {
  return Number((await db.deleteFrom('watch_rules').where('id', '=', id).executeTakeFirst()).numDeletedRows) === 1;
}

/** Counts of candidates by state. */
export async function candidateCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db.selectFrom('candidates').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('state').execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

/** Marks used every candidate of one capture or of these dedupe URLs (a recommendation was made from it). */
export async function markUsedFor(db: Kysely<Database>, ref: { captureId: number; urls: readonly string[] }, now: string): Promise<number> {
  const r = await db.updateTable('candidates').set({ state: 'used', used_at: now })
    .where((eb) => eb.or([eb('capture_id', '=', ref.captureId), ...(ref.urls.length ? [eb('canonical_url', 'in', [...ref.urls])] : [])]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
