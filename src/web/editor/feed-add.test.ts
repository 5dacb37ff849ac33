import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useFixtureSite } from '../../testing/fixture-server.ts';
import { storeKinds } from '../../testing/test-stores.ts';
import { EditorClient, startEditorApp, TEST_USERS } from './test-client.ts';

/* Adding a feed from the editor: find the feeds of a home page, preview their items as text, add one, once. */

const HOME = `<!doctype html><html><head><title>Приклад Медіа</title>
<link rel="alternate" type="application/rss+xml" title="Усі новини" href="/rss.xml"></head><body><p>Home</p></body></html>`;
const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Усі новини</title><link>{{ORIGIN}}/</link><language>uk</language>
<item><title>Перша &lt;b&gt;новина&lt;/b&gt;</title><link>{{ORIGIN}}/n/1</link><pubDate>Sun, 06 Dec 2026 09:00:00 GMT</pubDate><author>ed@example.org (Олена Петренко)</author></item>
<item><title>Друга новина</title><link>{{ORIGIN}}/n/2</link><pubDate>Sun, 06 Dec 2026 08:00:00 GMT</pubDate></item>
</channel></rss>`;
const xml = { 'content-type': 'application/rss+xml; charset=utf-8' };
const site = useFixtureSite({ '/': { body: HOME, headers: { 'content-type': 'text/html; charset=utf-8' } }, '/rss.xml': { body: RSS, headers: xml } });

for (const kind of storeKinds()) {
  describe(`editor: add a feed on ${kind.name}`, () => {
    it('finds the feeds of a home page, previews their items, adds the chosen one once and audits it', async () => {
      const t = await startEditorApp(await kind.create(), { fetchPage: site.fetchPage });
      try {
        const editor = new EditorClient(t.app);
        await editor.signIn(TEST_USERS.editor);
        assert.match((await editor.get('/editor/feeds')).body, /href="\/editor\/feeds\/add"/);
        const preview = await editor.get(`/editor/feeds/add?url=${encodeURIComponent(`${site.origin}/`)}`);
        assert.equal(preview.status, 200);
        assert.ok(preview.body.includes('Усі новини') && preview.body.includes(`${site.origin}/rss.xml`), preview.body);
        assert.ok(preview.body.includes('Перша новина') && preview.body.includes('Олена Петренко') && !preview.body.includes('<b>'), 'items shown as text');
        assert.ok(preview.body.includes('2 items'));
        assert.equal(await t.store.db.selectFrom('feeds').select('id').executeTakeFirst(), undefined, 'a preview stores nothing');

        const added = await editor.post('/editor/feeds/add', { url: `${site.origin}/rss.xml` });
        assert.equal(added.status, 303);
        const feeds = await t.store.db.selectFrom('feeds').select(['id', 'url', 'title']).execute();
        assert.deepEqual(feeds.map((f) => [f.url, f.title]), [[`${site.origin}/rss.xml`, 'Усі новини']]);
        const audit = await t.store.db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', '=', 'feed.add').execute();
        assert.deepEqual(audit.map((a) => a.subject_id), [String(feeds[0]!.id)]);
        assert.match((await editor.get(`/editor/feeds/add?url=${encodeURIComponent(`${site.origin}/`)}`)).body, /Already watched/);
        await editor.post('/editor/feeds/add', { url: `${site.origin}/rss.xml` });
        assert.equal((await t.store.db.selectFrom('feeds').select('id').execute()).length, 1, 'adding twice keeps one feed');

        const refused = await editor.get(`/editor/feeds/add?url=${encodeURIComponent('http://169.254.169.254/latest')}`);
        assert.equal(refused.status, 200);
        assert.match(refused.body, /role="alert"><p>[^<]*refused/);
        const missing = await editor.post('/editor/feeds/add', { url: `${site.origin}/nothing.xml` });
        assert.match(missing.body, /role="alert"><p>[^<]*404/);

        const contributor = new EditorClient(t.app);
        await contributor.signIn(TEST_USERS.contributor);
        assert.equal((await contributor.get('/editor/feeds/add')).status, 403);
      } finally {
        await t.close();
      }
    });
  });
}
