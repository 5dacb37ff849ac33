import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { createFeedFetch, type FeedFetcher } from '../ingest/feed-fetch.ts';
import { pollDueFeeds } from '../ingest/poll-due-feeds.ts';
import { addWatchRule, getCandidate, listInbox } from '../store/candidates.ts';
import { insertFeed, listFeeds } from '../store/feeds.ts';
import { etagRoute, rss, startFeedServer, type FeedServer } from '../testing/feed-server.ts';
import { storeKinds, type TestStore } from '../testing/test-stores.ts';
import { feedJobHandlers } from './feed-jobs.ts';
import { createWorker } from './worker.ts';

const T0 = new Date('2024-05-15T00:00:00Z');

for (const kind of storeKinds()) {
  describe(`feed jobs (${kind.name})`, () => {
    let store: TestStore;
    let server: FeedServer;
    let fetcher: FeedFetcher;
    before(async () => {
      store = await kind.create();
      server = await startFeedServer();
      fetcher = createFeedFetch({ allow: server.allow, userAgent: 'newsdesk-test', robots: false });
    });
    after(async () => {
      await fetcher.close();
      await server.close();
      await store.close();
    });

    it('two workers poll every due feed exactly once and store every item once', async () => {
      const logger = pino({ level: 'silent' });
      for (let i = 0; i < 30; i++) {
        server.route(`/f${i}.xml`, etagRoute(() => rss([{ title: `Item ${i}`, link: `https://o.test/${i}` }, { title: 'Shared', link: 'https://o.test/shared' }])));
        await insertFeed(store.db, { url: `${server.origin}/f${i}.xml`, now: T0.toISOString() });
      }
      const t = T0;
      const handlers = feedJobHandlers({ store, logger, now: () => t, feeds: { allow: server.allow, userAgent: 'x', fetch: fetcher.fetch, perHost: 100 } });
      const workers = [1, 2].map((n) => createWorker({ store, logger, handlers, now: () => t, concurrency: 4, workerId: `w${n}` }));
      assert.equal(await pollDueFeeds(store, { now: t, perHost: 100 }), 30);
      assert.equal(await pollDueFeeds(store, { now: t, perHost: 100 }), 0, 'claimed feeds are not queued again');
      for (let round = 0; round < 20; round++) {
        const taken = await Promise.all(workers.map((w) => w.tick()));
        if (taken.every((n) => n === 0)) break;
      }
      for (let i = 0; i < 30; i++) assert.equal(server.hits.get(`/f${i}.xml`), 1, `feed ${i} fetched once`);
      const feeds = await listFeeds(store.db);
      assert.ok(feeds.every((f) => f.last_success_at === t.toISOString() && f.claimed_until === null));
      const n = await store.db.selectFrom('candidates').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(n.n), 31);
      const jobs = await store.db.selectFrom('jobs').select(['state', 'locked_by']).where('name', '=', 'feeds.refresh').execute();
      assert.equal(jobs.length, 30);
      assert.ok(jobs.every((j) => j.state === 'done'));
    });

    it('a refresh that waited past its claim does not poll the feed a second time', async () => {
      const logger = pino({ level: 'silent' });
      server.route('/late.xml', etagRoute(() => rss([{ title: 'Late', link: 'https://o.test/late' }])));
      await insertFeed(store.db, { url: `${server.origin}/late.xml`, now: T0.toISOString() });
      let t = T0;
      const handlers = feedJobHandlers({ store, logger, now: () => t, feeds: { allow: server.allow, userAgent: 'x', fetch: fetcher.fetch, perHost: 100 } });
      // The first job waits in a long queue; its 10-minute claim runs out and the next tick claims the feed again.
      assert.equal(await pollDueFeeds(store, { now: t, perHost: 100 }), 1);
      t = new Date(T0.getTime() + 11 * 60_000);
      assert.equal(await pollDueFeeds(store, { now: t, perHost: 100 }), 1);
      const worker = createWorker({ store, logger, handlers, now: () => t, concurrency: 1, workerId: 'w-late' });
      for (let round = 0; round < 5 && (await worker.tick()) > 0; round++);
      assert.equal(server.hits.get('/late.xml'), 1, 'fetched once, by the job that holds the claim');
      const [feed] = (await listFeeds(store.db)).filter((f) => f.url.endsWith('/late.xml'));
      assert.equal(feed?.claimed_until, null, 'the claim is released after the poll');
      assert.equal(feed?.last_success_at, t.toISOString());
    });

    it('auto-captures a candidate that matches a capture rule and adopts the page\u2019s canonical URL', async () => {
      const logger = pino({ level: 'silent' });
      const page = fs.readFileSync(new URL('../ingest/testdata/opinion-page.html', import.meta.url), 'utf8').replaceAll('{{ORIGIN}}', server.origin);
      server.route('/story', (_q, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
      server.route('/kz.xml', etagRoute(() => rss([{ title: 'Kazakhstan: a quiet winter warning', link: `${server.origin}/story?utm_source=rss` }])));
      await addWatchRule(store.db, 'Kazakhstan', 'capture', T0.toISOString());
      const { id } = await insertFeed(store.db, { url: `${server.origin}/kz.xml`, now: T0.toISOString() });
      const handlers = feedJobHandlers({ store, logger, now: () => T0, feeds: { allow: server.allow, userAgent: 'x', fetch: fetcher.fetch, perHost: 100 } });
      const worker = createWorker({ store, logger, handlers, now: () => T0, concurrency: 2, workerId: 'w3' });
      await pollDueFeeds(store, { now: T0, perHost: 100 });
      for (let round = 0; round < 5 && (await worker.tick()) > 0; round++);
      const row = await store.db.selectFrom('candidates').select('id').where('feed_id', '=', id).executeTakeFirstOrThrow();
      const c = await getCandidate(store.db, Number(row.id));
      assert.equal(c?.state, 'captured');
      assert.ok(c?.capture_id);
      assert.equal(c?.canonical_url, `${server.origin}/2022/01/18/opinions/steppe-quiet-winter-warning/index.html`);
    });

    it('folds a candidate whose capture learns a <link rel=canonical> into the one already at that URL, and dedupes later items against it', async () => {
      const logger = pino({ level: 'silent' });
      const base = `${server.origin}/fold`;
      const canonical = `${base}/2022/01/18/opinions/steppe-quiet-winter-warning/index.html`;
      const page = fs.readFileSync(new URL('../ingest/testdata/opinion-page.html', import.meta.url), 'utf8').replaceAll('{{ORIGIN}}', base);
      server.route('/fold/story', (_q, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
      // Feed A links the canonical URL (with a tracker); feed B links a share URL of the same page that only the page itself resolves.
      server.route('/fold-a.xml', etagRoute(() => rss([{ title: 'A quiet winter warning on the steppe', link: `${canonical}?utm_source=a` }])));
      server.route('/fold-b.xml', etagRoute(() => rss([{ title: 'Foldistan and the steppe', link: `${base}/story?ref=b` }])));
      await addWatchRule(store.db, 'Foldistan', 'capture', T0.toISOString());
      const a = (await insertFeed(store.db, { url: `${server.origin}/fold-a.xml`, now: T0.toISOString() })).id;
      const b = (await insertFeed(store.db, { url: `${server.origin}/fold-b.xml`, now: T0.toISOString() })).id;
      let t = T0;
      const handlers = feedJobHandlers({ store, logger, now: () => t, feeds: { allow: server.allow, userAgent: 'x', fetch: fetcher.fetch, perHost: 100 } });
      const worker = createWorker({ store, logger, handlers, now: () => t, concurrency: 2, workerId: 'w-fold' });
      const run = async () => { await pollDueFeeds(store, { now: t, perHost: 100 }); for (let round = 0; round < 5 && (await worker.tick()) > 0; round++); };
      await run();
      const byFeed = async (feedId: number) => store.db.selectFrom('candidates').selectAll().where('feed_id', '=', feedId).execute();
      const [first] = await byFeed(a);
      const [folded] = await byFeed(b);
      assert.ok(folded?.capture_id, 'the share URL was captured');
      assert.equal(Number(folded.group_id), Number(first!.id), 'grouped under the candidate already at the canonical URL');
      const inbox = await listInbox(store.db, {});
      assert.equal(inbox.some((e) => Number(e.id) === Number(folded.id)), false, 'not a second inbox entry');
      // The other way round: a share URL captured first takes the canonical URL, and a feed that links it later adds nothing.
      const base2 = `${server.origin}/fold2`;
      server.route('/fold2/story', (_q, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page.replaceAll(base, base2)));
      server.route('/fold-d.xml', etagRoute(() => rss([{ title: 'Foldistan once more', link: `${base2}/story?ref=d` }])));
      const d = (await insertFeed(store.db, { url: `${server.origin}/fold-d.xml`, now: T0.toISOString() })).id;
      t = new Date(T0.getTime() + 60_000);
      await run();
      assert.ok((await byFeed(d))[0]?.capture_id);
      server.route('/fold-c.xml', etagRoute(() => rss([{ title: 'Steppe, again', link: `${base2}/2022/01/18/opinions/steppe-quiet-winter-warning/index.html?utm_medium=rss#comments` }])));
      const c = (await insertFeed(store.db, { url: `${server.origin}/fold-c.xml`, now: T0.toISOString() })).id;
      t = new Date(T0.getTime() + 120_000);
      await run();
      assert.equal((await byFeed(c)).length, 0, 'known by the canonical URL the capture learned');
    });
  });
}
