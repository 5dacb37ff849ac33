import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { storeKinds, type TestStore } from '../testing/test-stores.ts';
import { deleteExpiredCandidates, insertCandidates, markUsed, type NewCandidate } from './candidates.ts';
import { claimFeeds, dueFeeds, feedCounts, insertFeed, recordFailure } from './feeds.ts';

const NOW = '2024-05-15T00:00:00.000Z';
const cand = (url: string): NewCandidate => ({ url, canonicalUrl: url, guid: null, title: url, authors: [], publishedAt: null, summary: null, imageUrl: null, language: null, signature: null, bandKeys: [], watchMatches: [] });

for (const kind of storeKinds()) {
  describe(`feeds and candidates store (${kind.name})`, () => {
    let store: TestStore;
    before(async () => { store = await kind.create(); });
    after(async () => { await store.close(); });

    it('due feeds respect the per-host limit, counting feeds in flight', async () => {
      for (const u of ['https://a.test/1', 'https://a.test/2', 'https://a.test/3', 'https://b.test/1', 'https://c.test/1']) await insertFeed(store.db, { url: u, now: NOW });
      const again = await insertFeed(store.db, { url: 'https://a.test/1', now: NOW });
      assert.equal(again.created, false);
      const due = await dueFeeds(store.db, { now: NOW, limit: 10, perHost: 1 });
      assert.deepEqual(due.map((f) => f.host), ['a.test', 'b.test', 'c.test']);
      assert.equal((await dueFeeds(store.db, { now: NOW, limit: 10, perHost: 2 })).filter((f) => f.host === 'a.test').length, 2);
      const until = '2024-05-15T00:10:00.000Z';
      const claimed = await claimFeeds(store.db, due.map((f) => f.id), NOW, until);
      assert.equal(claimed.length, 3);
      assert.deepEqual(await claimFeeds(store.db, due.map((f) => f.id), NOW, until), [], 'a claimed feed cannot be claimed twice');
      // A stale read of a feed that another tick already polled and released: not due any more, not claimed.
      await recordFailure(store.db, due[2]!.id, { now: NOW, nextCheckAt: '2024-05-15T01:00:00.000Z', error: 'x', consecutiveErrors: 1 });
      assert.deepEqual(await claimFeeds(store.db, [due[2]!.id], NOW, until), [], 'a feed polled meanwhile is not claimed again');
      assert.deepEqual(await dueFeeds(store.db, { now: NOW, limit: 10, perHost: 1 }), [], 'hosts with a feed in flight wait');
      await recordFailure(store.db, due[0]!.id, { now: NOW, nextCheckAt: '2024-05-16T00:00:00.000Z', error: 'x', consecutiveErrors: 1 });
      assert.deepEqual((await dueFeeds(store.db, { now: NOW, limit: 10, perHost: 1 })).map((f) => f.url), ['https://a.test/2'], 'released host serves its next feed');
      const counts = await feedCounts(store.db, NOW);
      assert.equal(counts.total, 5);
      assert.equal(counts.failing, 2);
    });

    it('never stores one URL twice, even from concurrent batches', async () => {
      const ctx = { feedId: null, outletId: null, now: NOW, groupSince: NOW, similarity: () => 0, minSimilarity: 1 };
      const batch = Array.from({ length: 20 }, (_, i) => cand(`https://x.test/${i}`));
      const results = await Promise.all([insertCandidates(store.db, batch, ctx), insertCandidates(store.db, batch, ctx), insertCandidates(store.db, batch, ctx)]);
      assert.equal(results.reduce((n, r) => n + r.inserted.length, 0), 20);
      assert.equal(results.reduce((n, r) => n + r.duplicates, 0), 40);
      const n = await store.db.selectFrom('candidates').select((eb) => eb.fn.countAll<number>().as('n')).where('canonical_url', 'like', 'https://x.test/%').executeTakeFirstOrThrow();
      assert.equal(Number(n.n), 20);
    });

    it('retention deletes old unused candidates and keeps used and recent ones', async () => {
      const ctx = { feedId: null, outletId: null, groupSince: NOW, similarity: () => 0, minSimilarity: 1 };
      const old = await insertCandidates(store.db, [cand('https://r.test/old'), cand('https://r.test/used')], { ...ctx, now: '2024-01-01T00:00:00.000Z' });
      await insertCandidates(store.db, [cand('https://r.test/new')], { ...ctx, now: NOW });
      await markUsed(store.db, old.inserted[1]!.id, NOW);
      const deleted = await deleteExpiredCandidates(store.db, '2024-03-16T00:00:00.000Z');
      assert.equal(deleted, 1);
      const left = (await store.db.selectFrom('candidates').select('url').where('url', 'like', 'https://r.test/%').orderBy('url').execute()).map((r) => r.url);
      assert.deepEqual(left, ['https://r.test/new', 'https://r.test/used']);
    });
  });
}
