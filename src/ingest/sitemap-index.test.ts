import assert from 'node:assert/strict';
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
