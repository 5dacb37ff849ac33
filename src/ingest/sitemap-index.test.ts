import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startFixtureServer, type FixtureServer } from '../testing/fixture-server.ts';
import { storeKinds, type TestStore } from '../testing/test-stores.ts';
import { listInbox } from '../store/candidates.ts';
import { getFeed, insertFeed } from '../store/feeds.ts';
import { createFeedFetch, type FeedFetcher } from './feed-fetch.ts';
import { refreshFeed } from './refresh-feed.ts';

const T0 = new Date('2024-05-15T00:00:00Z');
const XML = { 'content-type': 'application/xml; charset=utf-8' };
const urlset = (paths: string[]) =>
  `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${paths.map((p) => `<url><loc>https://outlet.test${p}</loc></url>`).join('')}</urlset>`;
const child = (loc: string, lastmod: string) => `<sitemap><loc>${loc}</loc><lastmod>${lastmod}</lastmod></sitemap>`;
// The archive is the oldest of four children: with three followed per poll it must stay unread. The
// metadata address is among the newest three and must be refused by the fetcher's SSRF guard.
const index = `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${[
  child('{{ORIGIN}}/archive-2019.xml', '2019-01-01'), child('{{ORIGIN}}/news-1.xml', '2024-05-14T10:00:00Z'),
  child('http://169.254.169.254/latest/sitemap.xml', '2024-05-12'), child('/news-2.xml', '2024-05-13'),
].join('')}</sitemapindex>`;

for (const kind of storeKinds()) {
  describe(`refreshFeed on a sitemap index (${kind.name})`, () => {
    let store: TestStore;
    let server: FixtureServer;
    let fetcher: FeedFetcher;
    before(async () => {
      store = await kind.create();
      server = await startFixtureServer({
        '/sitemap_index.xml': { headers: XML, body: index },
        '/news-1.xml': { headers: XML, body: urlset(['/2024/05/14/kazakhstan-votes', '/2024/05/14/floods-in-prague', '/2024/05/14/opera-in-lviv']) },
        '/news-2.xml': { headers: XML, body: urlset(['/2024/05/13/markets-fall', '/2024/05/14/kazakhstan-votes']) },
        '/archive-2019.xml': { headers: XML, body: urlset(['/2019/old-story']) },
      });
      fetcher = createFeedFetch({ allow: server.allow, userAgent: 'newsdesk-test' });
    });
    after(async () => {
      await fetcher.close();
      await server.close();
      await store.close();
    });

    it('follows the newest child sitemaps through the safe fetcher and ingests their URLs', async () => {
      const { id } = await insertFeed(store.db, { url: `${server.origin}/sitemap_index.xml`, now: T0.toISOString() });
      const r = await refreshFeed({ store, fetch: fetcher.fetch, now: () => T0, random: () => 0.5 }, id);
      assert.ok(r.ok && r.newItems === 4 && r.truncated === 0, JSON.stringify(r));
      assert.deepEqual((await listInbox(store.db)).map((c) => c.url).sort(), [
        'https://outlet.test/2024/05/13/markets-fall', 'https://outlet.test/2024/05/14/floods-in-prague',
        'https://outlet.test/2024/05/14/kazakhstan-votes', 'https://outlet.test/2024/05/14/opera-in-lviv',
      ]);
      assert.equal(server.hits.get('/archive-2019.xml') ?? 0, 0, 'only the three newest children are read');
      assert.equal((await getFeed(store.db, id))!.consecutive_errors, 0);
    });

    it('counts the children against one per-poll item cap', async () => {
      const { id } = await insertFeed(store.db, { url: `${server.origin}/sitemap_index.xml?capped`, now: T0.toISOString() });
      const r = await refreshFeed({ store, fetch: fetcher.fetch, now: () => T0, random: () => 0.5, maxItems: 2 }, id);
      assert.ok(r.ok && r.newItems + r.duplicates === 2 && r.truncated === 2, JSON.stringify(r));
    });
  });
}

/** A sitemap server that honours conditional GET on its children and records the validators it was sent. */
async function conditionalServer(): Promise<{ origin: string; sent: { path: string; inm?: string; ims?: string }[]; setA: (etag: string, paths: string[]) => void; close: () => Promise<void> }> {
  const sent: { path: string; inm?: string; ims?: string }[] = [];
  let a = { etag: '"a1"', body: urlset(['/2024/05/14/a-one']) };
  const bModified = 'Tue, 14 May 2024 09:00:00 GMT';
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    sent.push({ path, inm: req.headers['if-none-match'], ims: req.headers['if-modified-since'] });
    if (path === '/index.xml') {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      res.writeHead(200, XML).end(`<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${child(`${origin}/a.xml`, '2024-05-14T10:00:00Z')}${child(`${origin}/b.xml`, '2024-05-14T09:00:00Z')}</sitemapindex>`);
    } else if (path === '/a.xml') {
      if (req.headers['if-none-match'] === a.etag) res.writeHead(304, { etag: a.etag }).end();
      else res.writeHead(200, { ...XML, etag: a.etag }).end(a.body);
    } else if (path === '/b.xml') {
      if (req.headers['if-modified-since'] === bModified) res.writeHead(304).end();
      else res.writeHead(200, { ...XML, 'last-modified': bModified }).end(urlset(['/2024/05/14/b-one']));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent,
    setA: (etag, paths) => { a = { etag, body: urlset(paths) }; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

for (const kind of storeKinds()) {
  describe(`child sitemaps are polled with conditional GET (${kind.name})`, () => {
    it('stores each child\u2019s validators, sends them next time, and reads a child again when it changed', async () => {
      const store = await kind.create();
      const server = await conditionalServer();
      const fetcher = createFeedFetch({ allow: `127.0.0.1:${new URL(server.origin).port}`, userAgent: 'newsdesk-test' });
      try {
        const { id } = await insertFeed(store.db, { url: `${server.origin}/index.xml`, now: T0.toISOString() });
        const poll = () => refreshFeed({ store, fetch: fetcher.fetch, now: () => T0, random: () => 0.5 }, id, { force: true });
        const children = () => server.sent.filter((s) => s.path !== '/index.xml' && s.path !== '/robots.txt').slice(-2).sort((x, y) => x.path.localeCompare(y.path));
        // 1. First poll: both children read in full; no validators to send yet.
        const first = await poll();
        assert.ok(first.ok && first.newItems === 2, JSON.stringify(first));
        assert.deepEqual(children(), [{ path: '/a.xml', inm: undefined, ims: undefined }, { path: '/b.xml', inm: undefined, ims: undefined }]);
        // 2. Second poll: the stored validators go out, both children answer 304, the poll is a success.
        const second = await poll();
        assert.ok(second.ok && second.newItems === 0 && second.duplicates === 0, JSON.stringify(second));
        assert.deepEqual(children(), [{ path: '/a.xml', inm: '"a1"', ims: undefined }, { path: '/b.xml', inm: undefined, ims: 'Tue, 14 May 2024 09:00:00 GMT' }]);
        assert.equal((await getFeed(store.db, id))!.consecutive_errors, 0);
        // 3. A changed child is read again and its new validator replaces the old one.
        server.setA('"a2"', ['/2024/05/14/a-one', '/2024/05/15/a-two']);
        const third = await poll();
        assert.ok(third.ok && third.newItems === 1, JSON.stringify(third));
        const stored = JSON.parse((await getFeed(store.db, id))!.sitemap_validators ?? '{}') as Record<string, { etag?: string }>;
        assert.equal(stored[`${server.origin}/a.xml`]?.etag, '"a2"');
      } finally {
        await fetcher.close();
        await server.close();
        await store.close();
      }
    });
  });
}
