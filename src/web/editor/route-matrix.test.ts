import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { insertSession } from '../../store/editor-sessions.ts';
import { useFixtureSite } from '../../testing/fixture-server.ts';
import { storeKinds } from '../../testing/test-stores.ts';
import { addUser } from '../../newsroom/accounts.ts';
import { editorRoutesOf } from './plugin.ts';
import { roleReaches, type MinRole } from './router.ts';
import { hashToken } from './session.ts';
import { EditorClient, startEditorApp, type EditorTestApp } from './test-client.ts';

/*
 * Every declared editor route × every role × an anonymous visitor, generated from the app's own route table (a
 * route added later is walked too): anonymous → sign-in (303 for GET, 401 keeping the form for POST); a role
 * below the route's → 403; a role that reaches it → neither. Every POST also refuses a missing CSRF token.
 */

const PAGE = fs.readFileSync(new URL('../../ingest/testdata/opinion-page.html', import.meta.url), 'utf8');
const ARTICLE = '/2022/01/18/opinions/matrix/index.html';
const IDENTITIES = ['anonymous', 'contributor', 'editor', 'admin'] as const;

const site = useFixtureSite({ [ARTICLE]: { body: PAGE } });

/** A client with a session made directly in the store (the sign-in form has its own tests and a rate limit). */
async function clientFor(t: EditorTestApp, who: (typeof IDENTITIES)[number]): Promise<EditorClient> {
  const c = new EditorClient(t.app);
  if (who !== 'anonymous') {
    const token = crypto.randomBytes(32).toString('base64url');
    const now = new Date();
    await insertSession(t.store.db, { idHash: hashToken(token), userId: t.ids[who], now: now.toISOString(), expiresAt: new Date(now.getTime() + 3600_000).toISOString(), userAgent: null });
    c.cookies.set('nd_session', token);
  }
  await c.get(who === 'anonymous' ? '/editor/sign-in' : '/editor/pieces');
  return c;
}

function fill(url: string, ids: { piece: number; user: number }): string {
  return url.replace(':id', String(url.startsWith('/editor/users') ? ids.user : ids.piece));
}

for (const kind of storeKinds()) {
  describe(`editor routes × roles on ${kind.name}`, () => {
    it('answers every route for every role as its declared role says', async () => {
      const t = await startEditorApp(await kind.create(), { fetchPage: site.fetchPage });
      try {
        const routes = editorRoutesOf(t.app);
        assert.ok(routes.length >= 20, `expected the whole table, got ${routes.length} routes`);
        // A draft owned by the contributor, and a spare user for the users/:id routes.
        const owner = await clientFor(t, 'contributor');
        const piece = Number(/\/editor\/pieces\/(\d+)/.exec((await owner.post('/editor/capture', { url: site.origin + ARTICLE })).location ?? '')?.[1]);
        assert.ok(piece > 0);
        const spare = (await addUser(t.store, { email: 'spare@test.example', role: 'contributor', password: 'spare password 123', now: new Date() })).id;
        const failures: string[] = [];
        for (const route of routes) {
          for (const who of IDENTITIES) {
            const c = await clientFor(t, who);
            const url = fill(route.url, { piece, user: spare });
            const res = route.method === 'GET' ? await c.get(url) : await c.post(url, {});
            const label = `${route.method} ${url} as ${who} (needs ${route.role}) → ${res.status}`;
            const reaches = who === 'anonymous' ? route.role === 'anonymous' : roleReaches(who, route.role as MinRole);
            if (!reaches && who === 'anonymous') {
              const ok = route.method === 'GET' ? res.status === 303 && res.location?.startsWith('/editor/sign-in') : res.status === 401 && res.body.includes('name="_resume"');
              if (!ok) failures.push(`${label}: expected sign-in`);
            } else if (!reaches) {
              if (res.status !== 403) failures.push(`${label}: expected 403`);
            } else if (res.status === 403 || res.status === 401 && route.url !== '/editor/sign-in' || res.status >= 500) {
              failures.push(`${label}: expected to be let in`);
            }
            if (route.method === 'POST' && (reaches || who !== 'anonymous')) {
              const c2 = await clientFor(t, who);
              const bare = await c2.post(url, {}, { csrf: false });
              if (bare.status !== 403) failures.push(`${route.method} ${url} as ${who} without CSRF token → ${bare.status}: expected 403`);
            }
          }
        }
        assert.deepEqual(failures, []);
      } finally {
        await t.close();
      }
    });
  });
}

