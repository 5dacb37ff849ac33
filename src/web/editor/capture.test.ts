import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { useFixtureSite } from '../../testing/fixture-server.ts';
import { storeKinds } from '../../testing/test-stores.ts';
import { EditorClient, startEditorApp, TEST_USERS } from './test-client.ts';

/*
 * From a pasted link to a published page through the editor's HTTP routes, on every store kind: the capture
 * screen, the preview and prefilled form, publishing (twice at once → one piece), a contributor's hand-made
 * publish refused, an edit conflict refused with a diff, a private address refused readably, typed markup shown
 * as text.
 */

const PAGE = fs.readFileSync(new URL('../../ingest/testdata/opinion-page.html', import.meta.url), 'utf8');
const ARTICLE = '/2022/01/18/opinions/steppe-quiet-winter-warning/index.html';

const site = useFixtureSite({ [ARTICLE]: { body: PAGE } });

function pieceIdOf(location: string | undefined): string {
  const id = /^\/editor\/pieces\/(\d+)$/.exec(location ?? '')?.[1];
  assert.ok(id, `expected a redirect to the edit screen, got ${location}`);
  return id;
}

function formValue(body: string, name: string): string {
  return /value="([^"]*)"/.exec(body.slice(body.indexOf(`name="${name}"`)))?.[1] ?? '';
}

for (const kind of storeKinds()) {
  describe(`editor capture and publish on ${kind.name}`, () => {
    it('captures a pasted link, previews it with every field prefilled, publishes it once', async () => {
      const t = await startEditorApp(await kind.create(), { fetchPage: site.fetchPage });
      try {
        const c = new EditorClient(t.app);
        await c.signIn(TEST_USERS.editor);
        const form = await c.get(`/editor/capture?url=${encodeURIComponent(site.origin + ARTICLE)}`);
        assert.equal(form.status, 200);
        assert.ok(form.body.includes(`value="${site.origin}${ARTICLE}"`), 'a share link fills the form');
        const [a, b] = await Promise.all([c.post('/editor/capture', { url: site.origin + ARTICLE }), c.post('/editor/capture', { url: site.origin + ARTICLE })]);
        const id = pieceIdOf(a.location);
        assert.equal(pieceIdOf(b.location), id, 'a double-clicked Capture makes one draft');
        const edit = await c.get(`/editor/pieces/${id}`);
        assert.equal(edit.status, 200);
        for (const sel of ['<article class="piece', 'class="headline"', 'class="excerpt"', 'class="continue"', 'class="editors-note"', 'author-box']) assert.ok(edit.body.includes(sel), `preview has ${sel}`);
        for (const f of ['kind', 'headline', 'headline_override', 'original_published_at', 'image_decision', 'image_caption', 'image_credit', 'image_alt', 'editor_note', 'tags', 'seo']) assert.ok(edit.body.includes(`name="${f}"`), `form has ${f}`);
        assert.match(edit.body, /\d+ of \d+ words quoted/);
        assert.ok(formValue(edit.body, 'image_caption').length > 0, 'caption prefilled');
        const version = formValue(edit.body, 'version');
        const [p1, p2] = await Promise.all([c.post(`/editor/pieces/${id}`, { version, action: 'publish' }), c.post(`/editor/pieces/${id}`, { version, action: 'publish' })]);
        assert.deepEqual([p1.status, p2.status], [303, 303]);
        const pieces = await t.store.db.selectFrom('pieces').select(['id', 'state', 'path']).execute();
        assert.equal(pieces.length, 1);
        assert.equal(pieces[0]!.state, 'published');
        const page = await t.app.inject({ url: pieces[0]!.path! });
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /<h1 class="headline">[^<]+: /);
      } finally {
        await t.close();
      }
    });

    it('refuses a contributor\u2019s hand-made publish, a stale save (with a diff), and a private address', async () => {
      const t = await startEditorApp(await kind.create(), { fetchPage: site.fetchPage });
      try {
        const contributor = new EditorClient(t.app);
        await contributor.signIn(TEST_USERS.contributor);
        await contributor.get('/editor/capture');
        const refused = await contributor.post('/editor/capture', { url: 'http://10.0.0.1/secret' });
        assert.equal(refused.status, 422);
        assert.match(refused.body, /could not be captured/);
        const id = pieceIdOf((await contributor.post('/editor/capture', { url: site.origin + ARTICLE })).location);
        const page = await contributor.get(`/editor/pieces/${id}`);
        assert.ok(!page.body.includes('value="publish"'), 'no Publish button for contributors');
        const version = formValue(page.body, 'version');
        const publish = await contributor.post(`/editor/pieces/${id}`, { version, headline: 'Changed by a contributor', action: 'publish' });
        assert.equal(publish.status, 403);
        const row = await t.store.db.selectFrom('pieces').select(['state', 'headline', 'version']).executeTakeFirstOrThrow();
        assert.equal(row.state, 'draft');
        assert.notEqual(row.headline, 'Changed by a contributor', 'a refused publish saves nothing');

        const editor = new EditorClient(t.app);
        await editor.signIn(TEST_USERS.editor);
        const mine = await editor.get(`/editor/pieces/${id}`);
        const v = formValue(mine.body, 'version');
        assert.equal((await contributor.post(`/editor/pieces/${id}`, { version: v, headline: 'First save wins', action: 'save' })).status, 303);
        const typed = 'My headline <img src=x onerror=alert(1)>';
        const stale = await editor.post(`/editor/pieces/${id}`, { version: v, headline: typed, editor_note: 'kept note', action: 'save' });
        assert.equal(stale.status, 409);
        assert.match(stale.body, /changed since you opened it/);
        assert.ok(stale.body.includes('First save wins') && stale.body.includes('My headline &lt;img src=x onerror=alert(1)&gt;'), 'diff shows both, as text');
        assert.ok(!stale.body.includes('<img src=x'), 'typed markup never becomes markup');
        assert.ok(stale.body.includes('kept note'), 'nothing typed is lost');
        const resaved = await editor.post(`/editor/pieces/${id}`, { version: formValue(stale.body, 'version'), headline: typed, action: 'save' });
        assert.equal(resaved.status, 303);
        const after = await editor.get(`/editor/pieces/${id}`);
        assert.ok(after.body.includes('My headline &lt;img src=x onerror=alert(1)&gt;'));
        assert.ok(!after.body.includes('<img src=x'));
        const history = await editor.get(`/editor/pieces/${id}/history`);
        assert.ok(history.body.includes('First save wins'));
        const current = await editor.get(`/editor/pieces/${id}`);
        const scheduled = await editor.post(`/editor/pieces/${id}`, { version: formValue(current.body, 'version'), action: 'schedule', schedule_at: '2099-05-01T09:00' });
        assert.equal(scheduled.status, 303);
        const row2 = await t.store.db.selectFrom('pieces').select(['state', 'scheduled_at']).executeTakeFirstOrThrow();
        assert.deepEqual([row2.state, row2.scheduled_at], ['scheduled', '2099-05-01T06:00:00.000Z'], 'wall time in Europe/Kyiv');
      } finally {
        await t.close();
      }
    });
  });
}
