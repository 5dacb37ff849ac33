/**
 * The SSRF table through every path that fetches: capture, feed polling (refresh and add) and the link checker,
 * on each database kind. Every destination must be refused with its rule's name (returned, and stored where the
 * path stores its outcome), and the counting loopback listener must see no connection at all.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fakeLookup as lookup, forbiddenDestinations } from '../net/testdata/forbidden-destinations.ts';
import { startCountingListener, startServer, type CountingListener, type TestServer } from '../net/testdata/servers.ts';
import { createFetcher, type Fetcher } from '../net/safe-fetch.ts';
import { getFeed, insertFeed } from '../store/feeds.ts';
import { getLinkCheck } from '../store/link-checks.ts';
import { storeKinds } from '../testing/test-stores.ts';
import { addFeed } from './add-feed.ts';
import { captureUrl } from './capture.ts';
import { checkLink, createLinkFetch } from './check-link.ts';
import { createFeedFetch, type FeedFetcher } from './feed-fetch.ts';
import { refreshFeed } from './refresh-feed.ts';

const UA = 'newsdesk-ssrf-suite/0.1 (+http://test.invalid)';
const now = () => new Date('2026-12-01T00:00:00Z');
let counter: CountingListener;
let fixture: TestServer;
let pageFetcher: Fetcher;
let feedFetcher: FeedFetcher;
let linkFetcher: ReturnType<typeof createLinkFetch>;
let table: Array<[url: string, rule: string]>;

before(async () => {
  counter = await startCountingListener();
  // The only allowed host: it answers `?to=<url>` with a 302 there, so redirects into forbidden places are tried too.
  fixture = await startServer((req, res) => {
    const to = new URL(req.url ?? '/', 'http://x').searchParams.get('to');
    if (to) return void res.writeHead(302, { location: to }).end();
    res.writeHead(404).end();
  });
  const options = { allow: `127.0.0.1:${fixture.port},fixture.test:${fixture.port}`, userAgent: UA, totalTimeoutMs: 5000, lookup };
  pageFetcher = createFetcher(options);
  feedFetcher = createFeedFetch(options);
  linkFetcher = createLinkFetch(options);
  table = forbiddenDestinations(counter.port, fixture.url('/r'));
});
after(async () => {
  await Promise.all([pageFetcher.close(), feedFetcher.close(), linkFetcher.close()]);
  await fixture.close();
  await counter.close();
});

for (const kind of storeKinds()) {
  describe(`SSRF through every fetching path on ${kind.name}`, () => {
    it('capture refuses every forbidden destination with its rule', async () => {
      const store = await kind.create();
      try {
        for (const [url, rule] of table) {
          const r = await captureUrl(store, (u) => pageFetcher.fetch(u), url, { now, refresh: true });
          assert.ok(!r.ok, `${url} was captured`);
          assert.equal(r.fetch && !r.fetch.ok ? r.fetch.rule : undefined, rule, `${url}: ${r.message}`);
          assert.match(r.message, /^(refused: |"[^"]*" is not an http\(s\) URL$)[^\n]*$/, url);
        }
        assert.equal(await store.db.selectFrom('captures').select('id').executeTakeFirst(), undefined, 'nothing was stored');
      } finally { await store.close(); }
      assert.equal(counter.count(), 0, 'the counting listener was contacted');
    });

    it('feed polling refuses every forbidden feed, saving the rule on the feed row', async () => {
      const store = await kind.create();
      try {
        for (const [url, rule] of table) {
          const { id } = await insertFeed(store.db, { url, now: now().toISOString() });
          const r = await refreshFeed({ store, fetch: feedFetcher.fetch, now }, id);
          assert.ok(!r.ok && r.reason === 'fetch', `${url}: ${JSON.stringify(r)}`);
          assert.ok(r.message.startsWith('refused: ') && r.message.endsWith(` [${rule}]`), `${url}: ${r.message}`);
          assert.equal((await getFeed(store.db, id))?.last_error, r.message, url);
          const added = await addFeed(store, feedFetcher.fetch, url, { now: now() });
          assert.ok(!added.ok && /refused: /.test(added.message), `${url} added as a feed: ${JSON.stringify(added)}`);
        }
      } finally { await store.close(); }
      assert.equal(counter.count(), 0, 'the counting listener was contacted');
    });

    it('the link checker refuses every forbidden link, saving the rule on the link row', async () => {
      const store = await kind.create();
      try {
        for (const [url, rule] of table) {
          const r = await checkLink({ store, fetch: linkFetcher.fetch, now }, url);
          assert.equal(r.outcome, 'refused', `${url}: ${r.message}`);
          assert.equal(r.reason, rule, `${url}: ${r.message}`);
          const row = await getLinkCheck(store.db, url);
          assert.deepEqual([row?.state, row?.reason], ['refused', rule], url);
        }
      } finally { await store.close(); }
      assert.equal(counter.count(), 0, 'the counting listener was contacted');
    });
  });
}
