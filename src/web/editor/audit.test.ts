import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recordAudit } from '../../store/audit.ts';
import { storeKinds } from '../../testing/test-stores.ts';
import { EditorClient, startEditorApp, TEST_USERS } from './test-client.ts';

/* The audit log screen: admins see sign-ins and failures (as typed, as text), filter by group and page back. */

const HOSTILE = '"><img src=x onerror=alert(1)>@evil.example';

for (const kind of storeKinds()) {
  describe(`editor audit log screen on ${kind.name}`, () => {
    it('shows failed and good sign-ins as text, filters by group, pages back, and is for admins only', async () => {
      const t = await startEditorApp(await kind.create());
      try {
        const stranger = new EditorClient(t.app);
        assert.equal((await stranger.signIn(HOSTILE, 'wrong')).status, 401);
        const admin = new EditorClient(t.app);
        await admin.signIn(TEST_USERS.admin);
        const page = await admin.get('/editor/audit');
        assert.equal(page.status, 200);
        assert.ok(page.body.includes('auth.sign-in-failed') && page.body.includes('auth.sign-in'), page.body);
        assert.ok(page.body.includes('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;@evil.example'), 'the typed address is shown escaped');
        assert.ok(!page.body.includes('<img src=x'), 'never as markup');
        assert.match(page.body, /href="\/editor\/audit" aria-current="page"/);

        const at = '2026-12-06T10:00:00.000Z';
        for (let i = 0; i < 105; i++) await recordAudit(t.store.db, { at, userId: null, action: 'settings.change', details: { n: i } });
        assert.equal((await new EditorClient(t.app).signIn('late@test.example', 'wrong')).status, 401);
        assert.ok((await admin.get('/editor/audit')).body.includes('late@test.example'));
        const settings = await admin.get('/editor/audit?action=settings');
        assert.ok(settings.body.includes('n: 104') && !settings.body.includes('late@test.example'), 'the group filter keeps only its actions');
        const older = /href="(\/editor\/audit\?action=settings&amp;before=\d+)"/.exec(settings.body);
        assert.ok(older, 'a full page links to older entries');
        const next = await admin.get(older[1]!.replace('&amp;', '&'));
        assert.ok(next.body.includes('n: 4') && !next.body.includes('n: 104'), 'the next page starts where the first ended');
        assert.equal((await admin.get('/editor/audit?action=%27%20or%201=1--&before=abc')).status, 200, 'unknown filters are ignored');

        const editor = new EditorClient(t.app);
        await editor.signIn(TEST_USERS.editor);
        assert.equal((await editor.get('/editor/audit')).status, 403);
      } finally {
        await t.close();
      }
    });
  });
}
