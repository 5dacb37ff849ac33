import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createResetLink } from '../../newsroom/password-reset.ts';
import { recentAudit } from '../../store/audit.ts';
import { storeKinds } from '../../testing/test-stores.ts';
import { EditorClient, startEditorApp, TEST_PASSWORD, TEST_USERS } from './test-client.ts';

for (const kind of storeKinds()) {
  describe(`password reset link on ${kind.name}`, () => {
    it('works once, before it expires, and signs the user out everywhere', async () => {
      let now = new Date('2026-11-25T10:00:00Z');
      const t = await startEditorApp(await kind.create(), { now: () => now, siteUrl: 'http://127.0.0.1:3000' });
      try {
        const old = new EditorClient(t.app);
        assert.equal((await old.signIn(TEST_USERS.editor)).status, 303);
        const { url } = await createResetLink(t.store, TEST_USERS.editor, 'http://127.0.0.1:3000', now);
        const path = new URL(url).pathname;
        const c = new EditorClient(t.app);
        const page = await c.get(path);
        assert.equal(page.status, 200);
        assert.match(page.body, /name="password" type="password"/);
        assert.equal((await c.post(path, { password: 'short' })).status, 400);
        const done = await c.post(path, { password: 'a brand new passphrase' });
        assert.equal(done.status, 200);
        assert.match(done.body, /Your password was changed/);
        assert.equal((await c.post(path, { password: 'another new passphrase' })).status, 410, 'one use only');
        assert.equal((await new EditorClient(t.app).signIn(TEST_USERS.editor, TEST_PASSWORD)).status, 401, 'old password no longer works');
        assert.equal((await new EditorClient(t.app).signIn(TEST_USERS.editor, 'a brand new passphrase')).status, 303);
        const stale = await old.get('/editor/pieces');
        assert.equal(stale.status, 303, 'the old session was ended');
        const expiring = new URL((await createResetLink(t.store, TEST_USERS.editor, 'http://127.0.0.1:3000', now)).url).pathname;
        now = new Date(now.getTime() + 25 * 3600_000);
        assert.equal((await c.get(expiring)).status, 410, 'expired');
        assert.equal((await c.get('/editor/reset/not-a-token')).status, 410);
        assert.ok((await recentAudit(t.store.db)).some((a) => a.action === 'user.password-reset'));
      } finally { await t.close(); }
    });
  });
}
