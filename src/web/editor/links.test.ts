import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { registerLinks, saveLinkCheck } from '../../store/link-checks.ts';
import { useFixtureSite } from '../../testing/fixture-server.ts';
import { storeKinds } from '../../testing/test-stores.ts';
import { EditorClient, startEditorApp, TEST_USERS } from './test-client.ts';

/* The Links screen lists confirmed failures with the pieces using them; the piece edit screen warns about its own. */

const PAGE = fs.readFileSync(new URL('../../ingest/testdata/opinion-page.html', import.meta.url), 'utf8');
const ARTICLE = '/2022/01/18/opinions/links-screen/index.html';
const site = useFixtureSite({ [ARTICLE]: { body: PAGE } });

for (const kind of storeKinds()) {
  describe(`editor Links screen on ${kind.name}`, () => {
    it('shows failing links with their pieces and since when; the piece screen warns; Ukrainian too', async () => {
      const t = await startEditorApp(await kind.create(), { fetchPage: site.fetchPage });
      try {
        const editor = new EditorClient(t.app);
        await editor.signIn(TEST_USERS.editor);
        const pieceId = Number(/\/editor\/pieces\/(\d+)/.exec((await editor.post('/editor/capture', { url: site.origin + ARTICLE })).location ?? '')?.[1]);
        assert.ok(pieceId > 0);
        const at = '2026-12-01T08:00:00.000Z';
        const dead = 'https://gone.example.org/photo.jpg';
        const fine = 'https://fine.example.org/';
        await registerLinks(t.store.db, { subjectType: 'piece', subjectId: pieceId }, [{ url: dead, field: 'image.url' }, { url: fine, field: 'body' }], at);
        const base = { outcome: 'gone', finalUrl: null, reason: 'http-status', checkedAt: at, nextCheckAt: at };
        await saveLinkCheck(t.store.db, { ...base, url: dead, state: 'gone', httpStatus: 410, error: 'gone.example.org answered 410 Gone', consecutiveFailures: 4, firstFailedAt: '2026-11-28T08:00:00.000Z' });
        await saveLinkCheck(t.store.db, { ...base, url: fine, state: 'ok', outcome: 'ok', httpStatus: 200, error: null, reason: null, consecutiveFailures: 0, firstFailedAt: null });
        const list = await editor.get('/editor/links');
        assert.equal(list.status, 200);
        assert.ok(list.body.includes(dead) && list.body.includes('Gone') && list.body.includes('2026-11-28 08:00'), list.body);
        assert.ok(list.body.includes(`href="/editor/pieces/${pieceId}"`) && list.body.includes('(image.url)'));
        assert.ok(!list.body.includes(fine), 'working links are not listed');
        assert.match(list.body, /href="\/editor\/links" aria-current="page"/);
        const edit = await editor.get(`/editor/pieces/${pieceId}`);
        assert.ok(edit.body.includes('Some links of this piece keep failing') && edit.body.includes(dead));
        await editor.post('/editor/language', { to: 'uk', back: '/editor/links' });
        const uk = await editor.get('/editor/links');
        assert.ok(uk.body.includes('Видалено') && uk.body.includes('Зовнішні посилання'));
        const contributor = new EditorClient(t.app);
        await contributor.signIn(TEST_USERS.contributor);
        assert.equal((await contributor.get('/editor/links')).status, 403);
      } finally {
        await t.close();
      }
    });
  });
}
