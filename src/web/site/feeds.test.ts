import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { parseHTML } from 'linkedom';
import { SYSTEM } from '../../newsroom/actor.ts';
import { correctPiece } from '../../newsroom/piece-commands.ts';
import { findByPath } from '../../store/pieces.ts';
import { storeKinds } from '../../testing/test-stores.ts';
import { startSampleApp, type SampleApp } from './sample-app.ts';
import { sitemapIndex } from './sitemaps.ts';

const ORIGINAL = 'https://daily.example.com/for-the-steppe-a-domino-too-big-to-fall';

describe('reader site feeds and sitemaps', () => {
  let s: SampleApp;
  before(async () => { s = await startSampleApp(storeKinds()[0]!); });
  after(async () => { await s.close(); });
  const get = (url: string) => s.app.inject({ method: 'GET', url });

  for (const base of ['', '/tag/kazakhstan', '/people/ann-writer', '/outlets/example-daily', '/uk']) {
    it(`RSS, Atom and JSON Feed of ${base || 'the site'} parse and carry the excerpt and the original link`, async () => {
      const rssRes = await get(`${base}/feed.xml`);
      assert.equal(rssRes.statusCode, 200);
      assert.match(rssRes.headers['content-type'] as string, /^application\/rss\+xml/);
      const rss = parseRssFeed(rssRes.body);
      assert.ok(rss.title && rss.link && rss.description, 'channel title, link, description');
      const rssItem = rss.items!.find((i) => i.title?.includes('domino'));
      if (base !== '/uk') {
        assert.ok(rssItem, 'the recommendation is in the feed');
        assert.equal(rssItem.link, `http://site.test${s.sample.opinionPath}`);
        assert.match(rssItem.description!, /The protests began over fuel prices/);
        assert.ok(rssItem.description!.includes(`href="${ORIGINAL}"`), 'links to the original');
        assert.ok(rssItem.pubDate && rssItem.guid?.value);
      }
      const atom = parseAtomFeed((await get(`${base}/feed.atom`)).body);
      assert.ok(atom.id && atom.title && atom.updated, 'feed id, title, updated');
      for (const e of atom.entries ?? []) assert.ok(e.id && e.title && e.updated, 'entry id, title, updated');
      const json = parseJsonFeed((await get(`${base}/feed.json`)).body);
      assert.ok(json.title && json.items, 'title and items');
      const jsonItem = json.items!.find((i) => i.title?.includes('domino'));
      if (base !== '/uk') {
        const atomEntry = atom.entries!.find((e) => e.title?.value?.includes('domino') ?? String(e.title).includes('domino'));
        assert.ok(atomEntry?.links?.some((l) => l.rel === 'related' && l.href === ORIGINAL));
        assert.equal(jsonItem?.external_url, ORIGINAL);
        assert.match(jsonItem!.content_html!, /The protests began/);
      }
    });
  }

  it('pages advertise their feeds for autodiscovery', async () => {
    for (const [page, feed] of [['/', '/feed'], ['/tag/media', '/tag/media/feed'], ['/people/bo-critic', '/people/bo-critic/feed'], ['/outlets/example-daily', '/outlets/example-daily/feed']]) {
      const d = parseHTML((await get(page!)).body).document;
      for (const [type, ext] of [['application/rss+xml', 'xml'], ['application/atom+xml', 'atom'], ['application/feed+json', 'json']]) {
        assert.ok(d.querySelector(`link[rel="alternate"][type="${type}"][href="${feed}.${ext}"]`), `${page} → ${feed}.${ext}`);
      }
    }
  });

  it('sitemap index, pages and pieces sitemaps; Google News lists our stories only; robots.txt', async () => {
    const index = (await get('/sitemap.xml')).body;
    assert.match(index, /<sitemapindex/);
    assert.ok(index.includes('<loc>http://site.test/sitemaps/pieces-1.xml</loc>'));
    const pieces = (await get('/sitemaps/pieces-1.xml')).body;
    assert.ok(pieces.includes(`<loc>http://site.test${s.sample.storyPath}</loc>`), 'our story');
    assert.ok(pieces.includes(s.sample.opinionPath), 'a recommendation with seo=index');
    assert.ok(!pieces.includes(s.sample.ukPath), 'noindex recommendations stay out');
    assert.ok(!pieces.includes(s.sample.retractedPath));
    const news = (await get('/sitemaps/news.xml')).body;
    assert.ok(news.includes(s.sample.storyPath) && news.includes('<news:name>The Sample Independent</news:name>'));
    assert.ok(!news.includes(s.sample.opinionPath), 'no recommendations in Google News');
    const pages = (await get('/sitemaps/pages.xml')).body;
    assert.ok(pages.includes('http://site.test/tag/kazakhstan') && pages.includes('hreflang="uk" href="http://site.test/uk/tag/kazakhstan"'));
    assert.equal((await get('/sitemaps/pieces-2.xml')).statusCode, 404);
    const big = sitemapIndex({ siteUrl: 'https://n.example' } as never, 120_001, '2022-12-10T00:00:00.000Z');
    assert.deepEqual([...big.matchAll(/pieces-(\d+)\.xml/g)].map((m) => m[1]), ['1', '2', '3'], '50,000 pieces per file');
    const robots = (await get('/robots.txt')).body;
    assert.match(robots, /^Sitemap: http:\/\/site\.test\/sitemap\.xml$/m);
    assert.match(robots, /^Disallow: \/search$/m);
  });

  // Last in this file: it changes the sample site.
  it('a correction reaches every feed format, and the entry says it was updated', async () => {
    const before = parseAtomFeed((await get('/feed.atom')).body).entries!.find((e) => e.title?.value?.includes('domino'))!;
    const piece = (await findByPath(s.store.db, s.sample.opinionPath))!;
    await correctPiece(s.store, SYSTEM, Number(piece.piece.id), 'An earlier version misnamed the <port> of Aktau.', new Date('2022-12-11T09:00:00Z'));
    await s.rt.syncNow();
    const rssItem = parseRssFeed((await get('/feed.xml')).body).items!.find((i) => i.title?.includes('domino'))!;
    const atomEntry = parseAtomFeed((await get('/feed.atom')).body).entries!.find((e) => e.title?.value?.includes('domino'))!;
    const jsonItem = parseJsonFeed((await get('/feed.json')).body).items!.find((i) => i.title?.includes('domino'))!;
    for (const [format, content] of [['RSS', rssItem.description], ['Atom', atomEntry.content?.value], ['JSON', jsonItem.content_html]] as const) {
      assert.match(content ?? '', /Corrections/, format);
      assert.ok((content ?? '').includes('misnamed the &lt;port&gt; of Aktau'), `${format}: the correction, escaped`);
    }
    assert.ok(atomEntry.updated! > before.updated!, `Atom updated moved: ${String(before.updated)} → ${String(atomEntry.updated)}`);
    assert.equal(new Date(jsonItem.date_modified!).toISOString(), '2022-12-11T09:00:00.000Z');
  });
});
