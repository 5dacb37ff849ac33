/*
 * The inbox half of a poll (or a WebSub delivery): parsed items → candidates, deduped by URL,
 * syndicated copies grouped, watch rules applied, auto-captures queued.
 */
import type { FeedItem, WatchRule } from '../model/feed.ts';
import { dedupeUrl } from '../model/url.ts';
import { bandKeys, fingerprintText, minhash, SAME_PIECE_SIMILARITY, similarity } from '../feeds/minhash.ts';
import { compileRules, matchRules, parseRulesJson, type CompiledRule } from '../feeds/watch-rules.ts';
import { insertCandidates, listWatchRules, type NewCandidate } from '../store/candidates.ts';
import type { FeedRow } from '../store/feeds.ts';
import { writeTransaction } from '../store/dialect.ts';
import { enqueue } from '../store/jobs.ts';
import type { Store } from '../store/open.ts';

/** What storing a feed's items did. */
export interface IngestOutcome { newItems: number; duplicates: number; flagged: number; autoCapture: number[] }

function toCandidate(item: FeedItem, rules: CompiledRule[]): NewCandidate | null {
  const canonicalUrl = dedupeUrl(item.url);
  if (!canonicalUrl) return null;
  const signature = minhash(fingerprintText(item.title, item.summary));
  return {
    url: item.url, canonicalUrl, guid: item.guid?.slice(0, 500) ?? null, title: item.title, authors: item.authors, publishedAt: item.publishedAt,
    summary: item.summary, imageUrl: item.imageUrl, language: item.language, signature, bandKeys: signature ? bandKeys(signature) : [],
    watchMatches: matchRules(rules, `${item.title}\n${item.summary ?? ''}`).map((r) => r.pattern),
  };
}

async function rulesFor(store: Store, feed: FeedRow): Promise<{ compiled: CompiledRule[]; capture: Set<string> }> {
  const global: WatchRule[] = (await listWatchRules(store.db)).map((r) => ({ pattern: r.pattern, action: r.action === 'capture' ? 'capture' : 'flag' }));
  const all = [...global, ...parseRulesJson(feed.keyword_rules)];
  return { compiled: compileRules(all), capture: new Set(all.filter((r) => r.action === 'capture').map((r) => r.pattern)) };
}

/** Stores a feed's items as candidates; returns counts and the candidates queued for auto-capture. */
export async function ingestItems(deps: { store: Store; groupDays?: number }, feed: FeedRow, feedItems: readonly FeedItem[], now: Date): Promise<IngestOutcome> {
  const { db } = deps.store;
  const rules = await rulesFor(deps.store, feed);
  const items = feedItems.map((i) => toCandidate({ ...i, language: i.language ?? feed.language }, rules.compiled)).filter((c): c is NewCandidate => c !== null);
  const groupSince = new Date(now.getTime() - (deps.groupDays ?? 3) * 86_400_000).toISOString();
  // Candidates and their capture jobs commit together: a crash in between left candidates that matched an
  // auto-capture rule without a job, and a later poll sees them as known, so they were never captured (crash suite).
  const { stored, autoCapture } = await writeTransaction(db, deps.store.dialect, async (trx) => {
    const stored = await insertCandidates(trx, items, { feedId: feed.id, outletId: feed.outlet_id, now: now.toISOString(), groupSince, similarity, minSimilarity: SAME_PIECE_SIMILARITY });
    // Matching auto-capture rules queue one capture job per candidate (the unique key makes it once).
    const autoCapture = stored.inserted.filter((c) => c.watchMatches.some((p) => rules.capture.has(p))).map((c) => c.id);
    for (const id of autoCapture) await enqueue(trx, { name: 'candidates.capture', payload: { candidateId: id }, runAt: now.toISOString(), uniqueKey: `candidate-capture:${id}` }, now.toISOString());
    return { stored, autoCapture };
  });
  return { newItems: stored.inserted.length, duplicates: stored.duplicates, flagged: stored.inserted.filter((c) => c.watchMatches.length).length, autoCapture };
}
