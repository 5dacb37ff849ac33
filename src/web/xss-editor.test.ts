import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { addFeed } from '../ingest/add-feed.ts';
import { refreshFeed, type FeedFetch } from '../ingest/refresh-feed.ts';
import { createFetcher, type Fetcher } from '../net/safe-fetch.ts';
import { SYSTEM } from '../newsroom/actor.ts';
import { createResetLink } from '../newsroom/password-reset.ts';
import { recommend } from '../newsroom/recommend.ts';
import { createStory } from '../newsroom/story.ts';
import { pauseFeed } from '../store/feeds.ts';
import { startFixtureServer, type FixtureServer } from '../testing/fixture-server.ts';
import { storeKinds } from '../testing/test-stores.ts';
import { CHROMIUM, launchBrowser, openTab, xssContext, type Visit } from '../testing/xss/browser.ts';
import { htmlProblems } from '../testing/xss/check-html.ts';
import { hostileForm, payloadCycle, refusedFields } from '../testing/xss/forms.ts';
import { hostileFeed } from '../testing/xss/hostile-feed.ts';
import { hostilePage } from '../testing/xss/hostile-page.ts';
import { batches, PAYLOADS } from '../testing/xss/payloads.ts';
import { cspReportsOf } from './csp-report.ts';
import { editorRoutesOf } from './editor/plugin.ts';
import { EditorClient, startEditorApp, TEST_USERS, type EditorTestApp } from './editor/test-client.ts';

const PREVIEW_FEEDS = Array.from({ length: Math.ceil(PAYLOADS.length / 8) }, (_, k) => k);

/*
 * Issue 8 §2, the editors' half: payloads in every editor-visible field (captured pages and drafts, pieces,
 * outlets, people, tags, users' names, feeds and their inbox items, settings, corrections, searches), then every
 * GET route of the editor's own route table (ids filled from the database) and the reader pages and feeds are
 * opened by a signed-in admin in Chromium: no dialog, no payload runs, no CSP report reaches /csp-report, and the
 * rendered DOM has no event handler and no script URL.
 */

const BATCH = 10;
const TABS = 4;
const texts = (b: readonly { text: string }[]) => b.map((p) => p.text);
const skip = fs.existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing; the editor XSS suite needs a browser`;

/** Ids to fill a route's parameter with, keyed by the path segment before it. */
type Ids = Record<string, string[]>;

/** Every GET route of the table with its parameters filled; a route whose parameter has no ids fails the suite. */
function editorUrls(t: EditorTestApp, ids: Ids): string[] {
  const urls: string[] = [];
  for (const route of editorRoutesOf(t.app).filter((r) => r.method === 'GET')) {
    const m = /\/([a-z-]+)\/:(\w+)/.exec(route.url);
    if (!m) { urls.push(route.url); continue; }
    const values = ids[m[1]!];
    assert.ok(values?.length, `no ids to fill ${route.url} with: add them to the editor XSS suite`);
    for (const v of values) urls.push(route.url.replace(`:${m[2]}`, v));
  }
  return urls;
}

for (const kind of storeKinds()) {
  describe(`cross-site scripting on every editor screen on ${kind.name}`, { skip }, () => {
    let server: FixtureServer;
    let fetcher: Fetcher;
    let t: EditorTestApp;
    let admin: EditorClient;
    let base: string;
    const posted: { url: string; body: string }[] = [];
    const next = payloadCycle(PAYLOADS);

    /** Fills the form posting to `action` on `page` with payloads and sends it (shorter once if refused); keeps the answers. */
    async function submit(page: string, action: string): Promise<void> {
      const keep = new Set<string>();
      let refusal = '';
      for (let attempt = 0; attempt < 6; attempt++) {
        const form = hostileForm((await admin.get(page)).body, action, next, { short: attempt > 0, keep });
        assert.ok(form, `${page} has a form posting to ${action}`);
        const res = await admin.post(action, form);
        posted.push({ url: `POST ${action}`, body: res.body });
        if (res.status < 400) return;
        refusal = res.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
        for (const name of refusedFields(form, refusal)) keep.add(name);
      }
      assert.fail(`POST ${action} refused every hostile form: ${refusal.slice(0, 300)}`);
    }

    before(async () => {
      const now = () => new Date();
      const routes = Object.fromEntries(batches(BATCH).map((b, i) => [`/news/hostile-${i}`, { body: hostilePage(b, `hostile-${i}`) }]));
      const feed = { body: hostileFeed(PAYLOADS, '{{ORIGIN}}'), headers: { 'content-type': 'application/feed+json' } };
      // The add-feed preview shows a feed's newest items only, so every payload gets a small feed of its own to preview.
      const previews = Object.fromEntries(PREVIEW_FEEDS.map((k) => [`/preview-${k}.json`, { ...feed, body: hostileFeed(PAYLOADS.slice(k * 8, k * 8 + 8), '{{ORIGIN}}') }]));
      server = await startFixtureServer({ ...routes, ...previews, '/feed.json': feed });
      fetcher = createFetcher({ allow: server.allow, userAgent: 'newsdesk-test/0.1 (+http://127.0.0.1)' });
      const fetchPage = (u: string) => fetcher.fetch(u);
      const fetchFeed: FeedFetch = (u, o) => fetcher.fetch(u, o);
      t = await startEditorApp(await kind.create(), { fetchPage, now });
      // 1. Hostile pages captured and published with hostile typed fields (outlets, people, tags, pieces); stories too.
      for (const [i, b] of batches(BATCH).entries()) {
        if (i === 0) continue;
        await recommend(t.store, fetchPage, SYSTEM, { source: `${server.origin}/news/hostile-${i}`, ...(i % 2 ? { headline: texts(b).join(' ').slice(0, 280) } : {}), note: texts(b).join(' '), tags: texts(b).slice(0, 3), publish: i % 3 !== 0 }, now);
        if (i % 4 === 1) {
          await createStory(t.store, SYSTEM, { headline: `Story ${texts(b).join(' ')}`.slice(0, 290), standfirst: texts(b).join(' '), body: texts(b).map((x) => `Para ${x}`).join('\n\n'), tags: texts(b).slice(3, 5) }, now());
        }
      }
      // 2. Failed sign-ins keep the address as typed, which the audit log screen shows: strangers' text on an admin screen.
      for (const p of PAYLOADS.slice(0, 6)) assert.equal((await new EditorClient(t.app).signIn(p.text.slice(0, 300), 'wrong')).status, 401);
      // 3. An editor's own capture (a draft) and hostile edits through every form, as a signed-in admin.
      admin = new EditorClient(t.app);
      await admin.signIn(TEST_USERS.admin);
      const captured = await admin.post('/editor/capture', { url: `${server.origin}/news/hostile-0` });
      assert.equal(captured.status, 303, 'captured through the editor');
      const draft = captured.location!;
      await submit(draft, draft);
      await submit('/editor/users', '/editor/users');
      await submit('/editor/settings', '/editor/settings');
      for (const o of await t.store.db.selectFrom('outlets').select('id').execute()) await submit(`/editor/outlets/${o.id}`, `/editor/outlets/${o.id}`);
      for (const p of (await t.store.db.selectFrom('people').select('id').execute()).slice(0, 6)) await submit(`/editor/people/${p.id}`, `/editor/people/${p.id}`);
      const live = await t.store.db.selectFrom('pieces').select('id').where('state', '=', 'published').execute();
      for (const p of live.slice(0, 2)) await submit(`/editor/pieces/${p.id}/history`, `/editor/pieces/${p.id}/correct`);
      // 4. A hostile feed added and polled (its items reach the inbox); its problems shown on the feeds screen.
      const added = await addFeed(t.store, fetchFeed, `${server.origin}/feed.json`, { now: now() });
      assert.ok(added.ok, added.ok ? '' : added.message);
      const refreshed = await refreshFeed({ store: t.store, fetch: fetchFeed, now }, added.feeds[0]!.id, { force: true });
      assert.ok(refreshed.ok, JSON.stringify(refreshed));
      await pauseFeed(t.store.db, added.feeds[0]!.id, `Paused: ${PAYLOADS[3]!.text}`, now().toISOString());
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const addr = t.app.server.address();
      base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    });
    after(async () => {
      await t?.close();
      await fetcher?.close();
      await server?.close();
    });

    /** The editor screens and reader pages to open: the route table, searches, and every reader page a piece links to. */
    async function targets(): Promise<string[]> {
      const db = t.store.db;
      const pieces = await db.selectFrom('pieces').select(['id', 'path', 'state']).execute();
      const token = new URL((await createResetLink(t.store, TEST_USERS.contributor, base, new Date())).url).pathname.split('/').pop()!;
      const ids: Ids = {
        pieces: pieces.map((p) => String(p.id)),
        outlets: (await db.selectFrom('outlets').select('id').execute()).map((o) => String(o.id)),
        people: (await db.selectFrom('people').select('id').execute()).map((p) => String(p.id)),
        reset: [token],
      };
      const searches = batches(BATCH).slice(0, 4).map((b) => encodeURIComponent(texts(b).join(' ').slice(0, 200)));
      const editor = [...editorUrls(t, ids), '/editor/inbox?flagged=1', `/editor/capture?url=${searches[0]}`, ...PREVIEW_FEEDS.map((k) => `/editor/feeds/add?url=${encodeURIComponent(`${server.origin}/preview-${k}.json`)}`), ...searches.map((q) => `/editor/pieces?q=${q}`)];
      const reader = ['/', '/latest', '/feed.xml', '/feed.atom', '/feed.json', ...searches.map((q) => `/search?q=${q}`), ...pieces.filter((p) => p.state === 'published' && p.path).map((p) => p.path!)];
      for (const path of [...reader]) {
        const body = (await t.app.inject({ url: path })).body;
        for (const [, href] of body.matchAll(/href="(\/[^"#]*)"/g)) {
          const p = href!.replaceAll('&amp;', '&');
          if (!/^\/(assets|editor|websub|csp-report)/.test(p) && !reader.includes(p) && reader.length < 200) reader.push(p);
        }
      }
      return [...editor, ...reader];
    }

    it('every editor screen, reader page and feed in Chromium: no dialog, no payload, no CSP report, no handler or script URL in the DOM', async () => {
      const urls = await targets();
      assert.ok(urls.length >= 60, `${urls.length} pages`);
      const browser = await launchBrowser();
      const started = Date.now();
      const visits: Visit[] = [];
      try {
        const context = await xssContext(browser);
        await context.addCookies([...admin.cookies].map(([name, value]) => ({ name, value, url: base })));
        const queue = [...urls];
        await Promise.all(Array.from({ length: TABS }, async () => {
          const tab = await openTab(context);
          for (let u = queue.shift(); u; u = queue.shift()) visits.push(await tab.visit(`${base}${u}`));
        }));
        // Reports are sent after the page; give the last ones time to arrive.
        await new Promise((r) => setTimeout(r, 500));
      } finally {
        await browser.close();
      }
      console.log(`# ${kind.name}: ${visits.length} pages in the browser in ${Date.now() - started} ms`);
      const editorScreens = visits.filter((v) => v.url.startsWith(`${base}/editor`) && v.status === 200).length;
      assert.ok(editorScreens >= 20, `${editorScreens} editor screens were shown (signed in)`);
      const bad = visits.filter((v) => v.dialogs.length || v.fired.length || v.dom.length || v.status >= 500)
        .map((v) => `${v.url} ${v.status}: dialogs ${JSON.stringify(v.dialogs)} fired ${JSON.stringify(v.fired)} dom ${JSON.stringify(v.dom.slice(0, 3))}`);
      assert.deepEqual(bad, []);
      const reports = cspReportsOf(t.app)!;
      assert.deepEqual({ count: reports.count, recent: reports.recent.slice(0, 5) }, { count: 0, recent: [] }, `violations seen in pages: ${JSON.stringify(visits.flatMap((v) => v.violations).slice(0, 5))}`);
    });

    it('the HTML sent for every editor screen and every form answer has no handler, script URL or foreign script', async () => {
      const problems: string[] = [];
      for (const u of (await targets()).filter((x) => x.startsWith('/editor'))) {
        const res = await admin.get(u);
        if (String(res.headers['content-type'] ?? '').startsWith('text/html')) problems.push(...htmlProblems(res.body, u));
      }
      for (const p of posted) problems.push(...htmlProblems(p.body, p.url));
      assert.deepEqual(problems, []);
    });
  });
}
