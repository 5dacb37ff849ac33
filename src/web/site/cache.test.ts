import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { updatePerson } from '../../store/directory.ts';
import { getPieceRow, insertPiece, updatePieceIf } from '../../store/pieces.ts';
import { getSiteSettings, putSetting } from '../../store/settings.ts';
import { latestChangeId, pruneChanges } from '../../store/site-changes.ts';
import { storeKinds } from '../../testing/test-stores.ts';
import { startSampleApp, type SampleApp } from './sample-app.ts';

for (const kind of storeKinds()) {
  describe(`reader site caching (${kind.name})`, () => {
    let s: SampleApp;
    before(async () => { s = await startSampleApp(kind); });
    after(async () => { await s.close(); });
    const get = (url: string, headers: Record<string, string> = {}) => s.app.inject({ method: 'GET', url, headers });

    it('site pages carry the same security headers as the rest of the app, on every request', async () => {
      const reference = (await get('/healthz')).headers;
      assert.match(reference['content-security-policy'] as string, /default-src 'self'/);
      for (const url of ['/', '/', s.sample.opinionPath, '/search?q=x', '/tag/nope', '/uk/nope', '/feed.xml']) {
        const h = (await get(url)).headers;
        for (const name of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'strict-transport-security', 'x-frame-options']) {
          assert.equal(h[name], reference[name], `${url} ${name}`);
        }
      }
    });

    it('pages carry ETag, Last-Modified and a CDN cache policy; conditional requests get 304', async () => {
      for (const url of ['/', s.sample.opinionPath, '/tag/kazakhstan', '/feed.xml', '/feed.atom', '/feed.json', '/sitemap.xml']) {
        const first = await get(url);
        assert.equal(first.statusCode, 200, url);
        const etag = first.headers.etag as string;
        const lastModified = first.headers['last-modified'] as string;
        assert.match(etag, /^"[\w-]{20,}"$/, url);
        assert.ok(!Number.isNaN(Date.parse(lastModified)), url);
        assert.match(first.headers['cache-control'] as string, /public, max-age=\d+, s-maxage=\d+/);
        assert.equal((await get(url, { 'if-none-match': etag })).statusCode, 304, url);
        assert.equal((await get(url, { 'if-none-match': `"other", W/${etag}` })).statusCode, 304, url);
        assert.equal((await get(url, { 'if-modified-since': lastModified })).statusCode, 304, url);
        assert.equal((await get(url, { 'if-none-match': '"stale"' })).statusCode, 200, url);
        assert.equal((await get(url, { 'if-modified-since': 'Sat, 01 Jan 2000 00:00:00 GMT' })).statusCode, 200, url);
      }
    });

    it('publishing changes the home, tag, feed and new piece pages at once, and leaves unrelated pages cached', async () => {
      const before = { home: await get('/'), media: await get('/tag/media'), feed: await get('/feed.xml') };
      await get('/tag/kazakhstan');
      const untouched = s.rt.cache.get('/tag/kazakhstan');
      assert.ok(untouched, 'the tag page is cached');
      const at = new Date('2022-12-10T09:30:00Z').toISOString();
      await insertPiece(s.store.db, {
        row: { type: 'story', kind: 'news', state: 'published', language: 'en', slug: 'fresh-news', path: '/2022/12/10/fresh-news', headline: 'Fresh news from the desk', body_md: 'Just in.', seo: 'index', published_at: at, created_at: at, updated_at: at },
        authorIds: [s.sample.personIds[2]!], tagIds: [s.sample.tagIds.media],
      });
      await s.rt.syncNow();
      for (const [name, url] of [['home', '/'], ['media', '/tag/media'], ['feed', '/feed.xml']] as const) {
        const now = await get(url);
        assert.match(now.body, /Fresh news from the desk/, url);
        assert.notEqual(now.headers.etag, before[name].headers.etag, url);
      }
      assert.equal((await get('/2022/12/10/fresh-news')).statusCode, 200);
      assert.equal(s.rt.cache.get('/tag/kazakhstan'), untouched, 'a tag the piece is not in keeps its cached page');
    });

    it('editing, renaming an author and retracting invalidate exactly the pages showing them', async () => {
      const path = s.sample.opinionPath;
      await get(path);
      await get('/');
      const id = Number((await s.store.db.selectFrom('pieces').select('id').where('path', '=', path).executeTakeFirstOrThrow()).id);
      const row = (await getPieceRow(s.store.db, id))!;
      assert.ok(await updatePieceIf(s.store.db, id, { expectedVersion: Number(row.version) }, { headline_override: 'A sharper headline', updated_at: '2022-12-10T09:45:00.000Z' }));
      await s.rt.syncNow();
      assert.match((await get(path)).body, /<h1 class="headline">A sharper headline<\/h1>/);
      assert.match((await get('/')).body, /A sharper headline/);
      await updatePerson(s.store.db, s.sample.personIds[0]!, { names: JSON.stringify({ en: 'Ann Q. Writer', uk: 'Анн Райтер' }) });
      await s.rt.syncNow();
      assert.match((await get(path)).body, /Ann Q\. Writer/);
      assert.match((await get('/search?q=Writer')).body, /Ann Q\. Writer/);
      assert.ok(await updatePieceIf(s.store.db, id, {}, { state: 'retracted', retraction_note: 'Withdrawn by the outlet.' }));
      await s.rt.syncNow();
      assert.equal((await get(path)).statusCode, 410);
      assert.doesNotMatch((await get('/')).body, /A sharper headline/);
    });

    it('a process that missed pruned changes drops its whole cache rather than serve stale pages', async () => {
      await s.rt.syncNow();
      await get('/archive');
      assert.ok(s.rt.cache.get('/archive'));
      const seen = await latestChangeId(s.store.db);
      await updatePerson(s.store.db, s.sample.personIds[1]!, { bios: JSON.stringify({ en: 'First edit.' }) });
      await updatePerson(s.store.db, s.sample.personIds[1]!, { bios: JSON.stringify({ en: 'Second edit.' }) });
      await pruneChanges(s.store.db, seen + 1);
      await s.rt.syncNow();
      assert.equal(s.rt.cache.get('/archive'), undefined);
    });

    it('a settings change clears every page', async () => {
      await get('/');
      assert.ok(s.rt.cache.size > 0);
      const site = await getSiteSettings(s.store.db);
      await putSetting(s.store.db, 'site', { ...site, name: { en: 'Renamed Daily', uk: 'Перейменоване' } }, new Date().toISOString());
      await s.rt.syncNow();
      assert.match((await get('/')).body, /<title>Renamed Daily<\/title>/);
    });
  });
}
