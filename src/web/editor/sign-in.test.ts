import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recentAudit } from '../../store/audit.ts';
import { storeKinds } from '../../testing/test-stores.ts';
import { hashToken } from './session.ts';
import { LOCKOUT_THRESHOLD, SIGN_IN_PER_MINUTE } from './sign-in.ts';
import { EditorClient, startEditorApp, TEST_USERS } from './test-client.ts';

/*
 * Sign-in and sessions over real HTTP handling (app.inject) on every store kind: redirects for anonymous
 * visitors, hashed session ids, new id on sign-in, lockout and rate limit, CSRF, sign out everywhere,
 * and a form sent after the session ended keeping its text.
 */

function clock(start: string) {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => { t += ms; } };
}

for (const kind of storeKinds()) {
  describe(`editor sign-in on ${kind.name}`, () => {
    it('sends anonymous visitors to sign in, signs in with a hashed session and a fresh id, signs out', async () => {
      const t = await startEditorApp(await kind.create());
      try {
        const c = new EditorClient(t.app);
        const anon = await c.get('/editor/pieces?state=draft');
        assert.equal(anon.status, 303);
        assert.equal(anon.location, '/editor/sign-in?next=%2Feditor%2Fpieces%3Fstate%3Ddraft');
        c.cookies.set('nd_session', 'planted-by-an-attacker');
        const bad = await c.signIn(TEST_USERS.editor, 'wrong password!');
        assert.equal(bad.status, 401);
        assert.match(bad.body, /do not match an account/);
        const ok = await c.signIn(TEST_USERS.editor);
        assert.equal(ok.status, 303);
        const setCookie = String(ok.headers['set-cookie']);
        assert.match(setCookie, /nd_session=[^;]+;.*HttpOnly/i);
        assert.match(setCookie, /SameSite=Lax/i);
        assert.doesNotMatch(setCookie, /Secure/);
        const token = c.cookies.get('nd_session')!;
        assert.notEqual(token, 'planted-by-an-attacker');
        const rows = await t.store.db.selectFrom('sessions').select('id').execute();
        assert.deepEqual(rows.map((r) => r.id), [hashToken(token)], 'only the hash is stored');
        assert.equal((await c.get('/editor/pieces')).status, 200);
        // Signing in again replaces the session: the old id stops working.
        await c.signIn(TEST_USERS.editor);
        assert.notEqual(c.cookies.get('nd_session'), token);
        assert.equal((await t.store.db.selectFrom('sessions').select('id').where('id', '=', hashToken(token)).execute()).length, 0);
        const actions = (await recentAudit(t.store.db)).map((a) => a.action);
        assert.ok(actions.includes('auth.sign-in') && actions.includes('auth.sign-in-failed'));
        await c.get('/editor/pieces');
        assert.equal((await c.post('/editor/sign-out')).status, 303);
        assert.equal((await c.get('/editor/pieces')).status, 303);
      } finally {
        await t.close();
      }
    });

    it('locks an account after repeated failures, logs it, and lets it in again later', async () => {
      const clk = clock('2026-11-25T10:00:00Z');
      const t = await startEditorApp(await kind.create(), { now: clk.now });
      try {
        const c = new EditorClient(t.app);
        for (let i = 1; i < LOCKOUT_THRESHOLD; i++) assert.equal((await c.signIn(TEST_USERS.contributor, `guess ${i}`)).status, 401);
        assert.equal((await c.signIn(TEST_USERS.contributor, 'last guess')).status, 429);
        clk.advance(60_000);
        const refused = await c.signIn(TEST_USERS.contributor);
        assert.equal(refused.status, 429, 'the right password is refused while locked');
        assert.match(refused.body, /locked/);
        const actions = (await recentAudit(t.store.db)).map((a) => a.action);
        assert.ok(actions.includes('auth.locked-out') && actions.includes('auth.sign-in-refused-locked'));
        clk.advance(16 * 60_000);
        assert.equal((await c.signIn(TEST_USERS.contributor)).status, 303);
      } finally {
        await t.close();
      }
    });

    it('rate-limits sign-in attempts from one address', async () => {
      const t = await startEditorApp(await kind.create());
      try {
        const c = new EditorClient(t.app);
        await c.get('/editor/sign-in');
        const statuses: number[] = [];
        for (let i = 0; i <= SIGN_IN_PER_MINUTE; i++) statuses.push((await c.post('/editor/sign-in', { email: `nobody${i}@test.example`, password: 'x' })).status);
        assert.equal(statuses.at(-1), 429);
        assert.ok(statuses.slice(0, SIGN_IN_PER_MINUTE).every((s) => s === 401));
      } finally {
        await t.close();
      }
    });

    it('refuses a POST without a valid CSRF token and signs out everywhere', async () => {
      const t = await startEditorApp(await kind.create(), { siteUrl: 'https://news.example' });
      try {
        const phone = new EditorClient(t.app);
        const laptop = new EditorClient(t.app);
        assert.match(String((await phone.signIn(TEST_USERS.editor)).headers['set-cookie']), /Secure/);
        await laptop.signIn(TEST_USERS.editor);
        assert.equal((await phone.post('/editor/sign-out-everywhere', {}, { csrf: false })).status, 403);
        assert.equal((await phone.post('/editor/sign-out-everywhere', { _csrf: 'forged' }, { csrf: false })).status, 403);
        // A token from another session does not work either: tokens are bound to the session.
        await laptop.get('/editor/pieces');
        assert.equal((await phone.post('/editor/sign-out-everywhere', { _csrf: laptop.csrf }, { csrf: false })).status, 403);
        assert.equal((await laptop.get('/editor/pieces')).status, 200, 'refused requests changed nothing');
        await phone.get('/editor/pieces');
        assert.equal((await phone.post('/editor/sign-out-everywhere')).status, 200);
        assert.equal((await laptop.get('/editor/pieces')).status, 303);
      } finally {
        await t.close();
      }
    });

    it('keeps the text of a form sent after the session expired and sends it after signing in again', async () => {
      const clk = clock('2026-11-25T10:00:00Z');
      const t = await startEditorApp(await kind.create(), { now: clk.now });
      try {
        const c = new EditorClient(t.app);
        await c.signIn(TEST_USERS.admin);
        await c.get('/editor/settings');
        clk.advance(13 * 3600_000);
        const typed = 'Ця примітка <script>alert(1)</script> не загубиться';
        const expired = await c.post('/editor/settings', { name_en: typed, timeZone: 'Europe/Kyiv' });
        assert.equal(expired.status, 401);
        assert.match(expired.body, /session has ended/);
        assert.ok(!expired.body.includes('<script>alert(1)'), 'typed markup is escaped');
        const resume = /name="_resume" value="([^"]+)"/.exec(expired.body)![1]!;
        const again = await c.post('/editor/sign-in', { email: TEST_USERS.admin, password: 'correct horse battery staple', _resume: resume.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&') });
        assert.equal(again.status, 200);
        assert.match(again.body, /action="\/editor\/settings"/);
        assert.ok(again.body.includes('Ця примітка &lt;script&gt;alert(1)&lt;/script&gt; не загубиться'));
      } finally {
        await t.close();
      }
    });
  });
}
