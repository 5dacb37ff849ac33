import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { etagRoute, rss, startFeedServer, type FeedServer } from '../testing/feed-server.ts';
import { storeKinds, type TestStore } from '../testing/test-stores.ts';
import { addWatchRule, listInbox } from '../store/candidates.ts';
import { dueFeeds, getFeed, insertFeed, resumeFeed, setWebSub } from '../store/feeds.ts';
import { WEBSUB_SAFETY_POLL_SECONDS } from '../feeds/websub.ts';
import { feedStatus } from '../feeds/feed-health.ts';
import { createFeedFetch, type FeedFetcher } from './feed-fetch.ts';
import { refreshFeed, type RefreshDeps } from './refresh-feed.ts';

const T0 = new Date('2024-05-15T00:00:00Z');
const lead = 'ASTANA — Kazakhstan\u2019s parliament on Tuesday approved a package of constitutional amendments that reduce presidential powers and strengthen the role of lawmakers.';

for (const kind of storeKinds()) {
  describe(`refreshFeed (${kind.name})`, () => {
    let store: TestStore;
    let server: FeedServer;
    let fetcher: FeedFetcher;
    const t = T0;
    let deps: RefreshDeps;
    before(async () => {
      store = await kind.create();
      server = await startFeedServer();
      fetcher = createFeedFetch({ allow: server.allow, userAgent: 'newsdesk-test' });
      deps = { store, fetch: fetcher.fetch, now: () => t, random: () => 0.5 };
    });
    after(async () => {
      await fetcher.close();
      await server.close();
      await store.close();
    });
    const add = async (path: string, extra: { interval?: number; outletId?: number } = {}) =>
      (await insertFeed(store.db, { url: `${server.origin}${path}`, now: t.toISOString(), intervalSeconds: extra.interval, outletId: extra.outletId })).id;

    it('stores new items once, then uses the ETag and gets 304', async () => {
      let items = [{ title: 'One', link: 'https://outlet.test/1' }, { title: 'Two', link: '/2' }];
      server.route('/etag.xml', etagRoute(() => rss(items)));
      const id = await add('/etag.xml');
      const r1 = await refreshFeed(deps, id);
      assert.ok(r1.ok && r1.status === 200 && r1.newItems === 2, JSON.stringify(r1));
      const row = await getFeed(store.db, id);
      assert.ok(row?.etag);
      assert.equal(row.next_check_at, new Date(T0.getTime() + 900_000).toISOString());
      const r2 = await refreshFeed(deps, id);
      assert.ok(r2.ok && r2.status === 304 && r2.newItems === 0);
      // A changed feed repeats old items in other spellings: only the new one is stored.
      items = [{ title: 'Three', link: 'https://outlet.test/3' }, { title: 'One', link: 'https://outlet.test/1/?utm_source=rss' }, { title: 'Two', link: `${server.origin}/2` }];
      const r3 = await refreshFeed(deps, id);
      assert.ok(r3.ok && r3.newItems === 1 && r3.duplicates === 2, JSON.stringify(r3));
      const inbox = await listInbox(store.db, { feedId: id });
      assert.deepEqual(inbox.map((c) => c.title).sort(), ['One', 'Three', 'Two']);
      assert.equal(inbox.find((c) => c.title === 'Two')?.url, `${server.origin}/2`, 'relative links resolved against the feed URL');
    });

    it('records when new items last came, the feed\u2019s usual gap, and items beyond the per-poll cap', async () => {
      let clock = T0;
      const timed: RefreshDeps = { ...deps, now: () => clock, maxItems: 5 };
      let items = Array.from({ length: 8 }, (_, i) => ({ title: `Cap ${i}`, link: `https://outlet.test/cap/${i}` }));
      server.route('/cadence.xml', etagRoute(() => rss(items)));
      const id = await add('/cadence.xml');
      await refreshFeed(timed, id);
      let row = (await getFeed(store.db, id))!;
      assert.equal(row.last_new_item_at, T0.toISOString());
      assert.equal(row.new_item_gap_seconds, null, 'no cadence from one arrival');
      assert.equal(row.last_over_cap, 3, '8 items, 5 taken');
      for (const hours of [1, 2, 3]) {
        clock = new Date(T0.getTime() + hours * 3_600_000);
        // Lengths differ so that the fixture's length-based ETag changes.
        items = [{ title: `New ${'n'.repeat(hours)}`, link: `https://outlet.test/new/${'n'.repeat(hours)}` }, ...items.slice(0, 4)];
        await refreshFeed(timed, id);
      }
      // A poll with nothing new leaves the cadence alone.
      clock = new Date(T0.getTime() + 4 * 3_600_000);
      await refreshFeed(timed, id);
      row = (await getFeed(store.db, id))!;
      assert.equal(row.last_new_item_at, new Date(T0.getTime() + 3 * 3_600_000).toISOString());
      assert.equal(row.new_item_gap_seconds, 3600);
      assert.equal(row.last_over_cap, 0);
      const status = (now: Date) => feedStatus({ ...row, outlet_name: null }, now);
      assert.equal(status(clock).health, 'ok');
      const later = new Date(T0.getTime() + 3 * 3_600_000 + 2 * 86_400_000);
      // The worker kept polling (next check in the future) but nothing new came for two days: quiet.
      assert.equal(feedStatus({ ...row, outlet_name: null, next_check_at: later.toISOString() }, later).health, 'quiet');
      // No worker ran: the check is two days late.
      const s = status(later);
      assert.equal(s.health, 'overdue');
      assert.match(s.problem ?? '', /due 47 h ago: is a worker running/);
    });

    it('still polls a feed with an active WebSub subscription, slowly, and at its own interval once the lease lapses', async () => {
      server.route('/pushed.xml', etagRoute(() => rss([{ title: 'Pushed', link: 'https://outlet.test/pushed' }])));
      const id = await add('/pushed.xml');
      const lease = new Date(T0.getTime() + 86_400_000).toISOString();
      await setWebSub(store.db, id, { hub: 'https://hub.test/', topic: `${server.origin}/pushed.xml`, state: 'active', expiresAt: lease }, T0.toISOString());
      const r = await refreshFeed(deps, id);
      assert.ok(r.ok, JSON.stringify(r));
      const row = (await getFeed(store.db, id))!;
      assert.equal(row.next_check_at, new Date(T0.getTime() + WEBSUB_SAFETY_POLL_SECONDS * 1000).toISOString());
      const due = async (at: number) => (await dueFeeds(store.db, { now: new Date(at).toISOString(), limit: 1000, perHost: 1000 })).some((f) => f.id === id);
      assert.equal(await due(T0.getTime() + 900_000), false, 'not at the usual 15 minutes');
      assert.equal(await due(T0.getTime() + WEBSUB_SAFETY_POLL_SECONDS * 1000), true, 'the safety-net poll comes');
      // The lease ran out (the hub stopped renewing): plain polling at the feed's interval again.
      await setWebSub(store.db, id, { hub: 'https://hub.test/', topic: null, state: 'active', expiresAt: T0.toISOString() }, T0.toISOString());
      await refreshFeed(deps, id);
      assert.equal((await getFeed(store.db, id))!.next_check_at, new Date(T0.getTime() + 900_000).toISOString());
    });

    it('honours Cache-Control max-age and <ttl>', async () => {
      server.route('/cached.xml', etagRoute(() => rss([{ title: 'C', link: 'https://outlet.test/c' }]), { 'cache-control': 'max-age=7200' }));
      server.route('/ttl.xml', etagRoute(() => rss([{ title: 'T', link: 'https://outlet.test/t' }], '<ttl>180</ttl>')));
      const a = await add('/cached.xml');
      const b = await add('/ttl.xml');
      await refreshFeed(deps, a);
      await refreshFeed(deps, b);
      assert.equal((await getFeed(store.db, a))?.next_check_at, new Date(T0.getTime() + 7200_000).toISOString());
      assert.equal((await getFeed(store.db, b))?.next_check_at, new Date(T0.getTime() + 180 * 60_000).toISOString());
    });

    it('backs off on errors, honours Retry-After, pauses after 10 failures with the reason, resumes', async () => {
      server.route('/fail.xml', (_req, res) => res.writeHead(503, { 'retry-after': '3600' }).end('down'));
      const id = await add('/fail.xml');
      const r = await refreshFeed(deps, id);
      assert.ok(!r.ok && r.reason === 'fetch' && r.consecutiveErrors === 1 && !r.paused);
      let row = await getFeed(store.db, id);
      assert.match(row?.last_error ?? '', /503/);
      assert.equal(row?.last_status, 503);
      assert.equal(row?.next_check_at, new Date(T0.getTime() + 3600_000).toISOString());
      for (let i = 2; i <= 10; i++) await refreshFeed(deps, id);
      row = await getFeed(store.db, id);
      assert.equal(row?.consecutive_errors, 10);
      assert.match(row?.paused_reason ?? '', /paused after 10 failures.*503/);
      const far = new Date(T0.getTime() + 365 * 86_400_000).toISOString();
      assert.ok(!(await dueFeeds(store.db, { now: far, limit: 100, perHost: 100 })).some((f) => f.id === id), 'a paused feed is never due');
      const skipped = await refreshFeed(deps, id);
      assert.ok(!skipped.ok && skipped.reason === 'inactive');
      assert.equal(server.hits.get('/fail.xml'), 10, 'a paused feed is not fetched');
      await resumeFeed(store.db, id, T0.toISOString());
      assert.ok((await dueFeeds(store.db, { now: T0.toISOString(), limit: 100, perHost: 100 })).some((f) => f.id === id));
      assert.equal((await getFeed(store.db, id))?.consecutive_errors, 0);
    });

    it('saves a clear reason for HTML, empty bodies and hostile XML without crashing', async () => {
      server.route('/html', (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Moved</body></html>'));
      server.route('/empty', (_q, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(''));
      server.route('/lol.xml', (_q, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss version="2.0"><channel><title>&b;</title><item><title>L &b;</title><link>https://outlet.test/lol</link></item></channel></rss>'));
      const html = await add('/html');
      const empty = await add('/empty');
      const lol = await add('/lol.xml');
      const rh = await refreshFeed(deps, html);
      assert.ok(!rh.ok && rh.reason === 'parse');
      assert.match((await getFeed(store.db, html))?.last_error ?? '', /HTML page, not a feed/);
      const re = await refreshFeed(deps, empty);
      assert.ok(!re.ok);
      assert.match((await getFeed(store.db, empty))?.last_error ?? '', /empty/);
      const rl = await refreshFeed(deps, lol);
      assert.ok(rl.ok && rl.newItems === 1);
    });

    it('follows a 302 but keeps the stored URL; a 301 moves it', async () => {
      server.route('/temp', (_q, res) => res.writeHead(302, { location: '/etag.xml' }).end());
      const id = await add('/temp');
      const r = await refreshFeed(deps, id);
      assert.ok(r.ok && r.movedTo === null);
      assert.equal((await getFeed(store.db, id))?.url, `${server.origin}/temp`);
      server.route('/old', (_q, res) => res.writeHead(301, { location: '/new.xml' }).end());
      server.route('/new.xml', etagRoute(() => rss([{ title: 'Moved', link: 'https://outlet.test/moved' }])));
      const moved = await add('/old');
      const m = await refreshFeed(deps, moved);
      assert.ok(m.ok && m.movedTo === `${server.origin}/new.xml`);
      assert.equal((await getFeed(store.db, moved))?.url, `${server.origin}/new.xml`);
      // A chain with one temporary hop is not a move.
      server.route('/perm', (_q, res) => res.writeHead(301, { location: '/temp' }).end());
      const chain = await add('/perm');
      const c = await refreshFeed(deps, chain);
      assert.ok(c.ok && c.movedTo === null);
    });

    it('groups syndicated copies from two outlets and flags watched keywords', async () => {
      await addWatchRule(store.db, 'Kazakhstan|Казахстан', 'flag', T0.toISOString());
      server.route('/wire.xml', etagRoute(() => rss([{ title: 'Kazakhstan parliament approves constitutional reform', link: 'https://wire.test/kz-reform', description: `<p>${lead}</p>` }])));
      server.route('/partner.xml', etagRoute(() => rss([{ title: 'Kazakhstan parliament approves constitutional reform - Partner', link: 'https://partner.test/world/kz-reform-123', description: `<p>ASTANA (AP) ${lead}</p><p>Partner footer</p>` }])));
      const w = await add('/wire.xml');
      const p = await add('/partner.xml');
      await refreshFeed(deps, w);
      await refreshFeed(deps, p);
      const inbox = (await listInbox(store.db)).filter((c) => c.title.startsWith('Kazakhstan parliament'));
      assert.equal(inbox.length, 1, 'one inbox entry for the piece');
      assert.equal(inbox[0]!.url, 'https://wire.test/kz-reform');
      assert.deepEqual(inbox[0]!.sources.map((s) => s.url), ['https://partner.test/world/kz-reform-123']);
      assert.equal(inbox[0]!.state, 'flagged');
      assert.deepEqual(JSON.parse(inbox[0]!.watch_matches ?? '[]'), ['Kazakhstan|Казахстан']);
    });

    it('queues an auto-capture for candidates matching a capture rule, once', async () => {
      await addWatchRule(store.db, 'Казахстан', 'capture', T0.toISOString());
      server.route('/uk.xml', etagRoute(() => rss([{ title: 'Вибори в Казахстані', link: 'https://uk.test/vybory' }])));
      const id = await add('/uk.xml');
      const r = await refreshFeed(deps, id);
      assert.ok(r.ok && r.autoCapture.length === 1);
      const jobs = await store.db.selectFrom('jobs').select(['name', 'payload']).where('name', '=', 'candidates.capture').execute();
      assert.deepEqual(jobs.map((j) => JSON.parse(j.payload)), [{ candidateId: r.autoCapture[0] }]);
    });
  });
}
