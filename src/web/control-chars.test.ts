import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFeed } from '../feeds/parse-feed.ts';
import { SYSTEM } from '../newsroom/actor.ts';
import { recommend } from '../newsroom/recommend.ts';
import { insertCandidates, listInbox } from '../store/candidates.ts';
import { useFixtureSite } from '../testing/fixture-server.ts';
import { storeKinds } from '../testing/test-stores.ts';
import { EditorClient, startEditorApp, TEST_USERS } from './editor/test-client.ts';

/*
 * PostgreSQL refuses U+0000 in text (error 22021), so one NUL in a stranger's page, feed or form would fail the
 * write. NUL and the other C0 controls (bar tab, newline, carriage return) are stripped where outside text enters:
 * the fetched page, extraction and feed parsing output, and every request's form fields, query and path.
 */

const C0 = '\u0000\u0001\u0008\u000b\u000c\u001b\u001f';
const ARTICLE = '/news/nul-article';
const BODY = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i} of a long article about the river${C0} and the town that grew along it, with enough words to count as a body.</p>`).join('\n');
const PAGE = `<!doctype html><html><head><title>Title${C0}with controls</title>
<meta property="og:title" content="OG&#0;title&#1;here">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Head\\u0000line\\u0007 here","author":{"@type":"Person","name":"Ann\\u0000a Writer"}}</script>
</head><body><article><h1>Head${C0}line here</h1><p class="byline">By Ann${C0}a Writer</p>${BODY}</article></body></html>`;
// eslint-disable-next-line no-control-regex -- the controls that must be gone
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

const site = useFixtureSite({ [ARTICLE]: { body: PAGE } });

function feedWithControls(): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1', title: `Feed${C0}`, home_page_url: 'https://outlet.example/',
    items: [{ id: 'https://outlet.example/a', url: 'https://outlet.example/a', title: `Item${C0}one`, summary: `Sum${C0}mary`, authors: [{ name: `Dana${C0}` }], date_published: '2026-11-25T09:00:00Z' }],
  });
}

for (const kind of storeKinds()) {
  describe(`control characters from outside on ${kind.name}`, () => {
    it('a page, a feed item, a form and a query with NUL are stored without the controls', async () => {
      const t = await startEditorApp(await kind.create(), { fetchPage: site.fetchPage });
      try {
        // A hostile page captured and published.
        const r = await recommend(t.store, site.fetchPage, SYSTEM, { source: site.origin + ARTICLE, note: `Note${C0}`, tags: [`tag${C0}x`], publish: true }, () => new Date());
        assert.equal(r.state, 'published');
        const capture = await t.store.db.selectFrom('captures').select(['html', 'extraction']).executeTakeFirstOrThrow();
        assert.doesNotMatch(capture.html, CONTROL);
        assert.doesNotMatch(JSON.stringify(JSON.parse(capture.extraction)), /\\u000|\\u001[0-9a-f]/i);
        const piece = await t.store.db.selectFrom('pieces').select(['headline', 'editor_note']).executeTakeFirstOrThrow();
        assert.doesNotMatch(`${piece.headline}${piece.editor_note}`, CONTROL);
        // A feed item into the inbox.
        const parsed = parseFeed(feedWithControls(), { url: 'https://outlet.example/feed.json', now: new Date() });
        assert.ok(parsed.ok);
        const now = new Date().toISOString();
        await insertCandidates(t.store.db, parsed.feed.items.map((i) => ({ ...i, canonicalUrl: i.url, signature: null, bandKeys: [], watchMatches: [] })),
          { feedId: null, outletId: null, now, groupSince: now, similarity: () => 0, minSimilarity: 1 });
        const [candidate] = await listInbox(t.store.db, { flaggedOnly: false, limit: 5 });
        assert.equal(candidate?.title, 'Item one', 'controls gone, vertical tab and form feed read as spaces');
        // A form field and a search query typed with controls.
        const c = new EditorClient(t.app);
        await c.signIn(TEST_USERS.admin);
        const saved = await c.post('/editor/users', { email: 'new@test.example', name: `New${C0}Name`, role: 'contributor' });
        assert.ok(saved.status < 500, `users form → ${saved.status}`);
        const users = await t.store.db.selectFrom('users').selectAll().execute();
        assert.doesNotMatch(JSON.stringify(users), /\\u000|\\u001[0-9a-f]/i);
        assert.equal((await t.app.inject({ url: `/search?q=${encodeURIComponent(`river${C0}`)}` })).statusCode, 200);
        assert.equal((await c.get(`/editor/pieces?q=${encodeURIComponent(`Head${C0}`)}`)).status, 200);
        assert.ok((await t.app.inject({ url: `/tag/${encodeURIComponent(`x${C0}`)}` })).statusCode < 500);
      } finally {
        await t.close();
      }
    });
  });
}
