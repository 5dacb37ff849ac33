import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parseFeed } from '../feeds/parse-feed.ts';
import { insertCandidates } from '../store/candidates.ts';
import { storeKinds } from '../testing/test-stores.ts';
import { CHROMIUM, launchBrowser, openTab, xssContext } from '../testing/xss/browser.ts';
import { htmlProblems } from '../testing/xss/check-html.ts';
import { PAYLOADS } from '../testing/xss/payloads.ts';
import { EditorClient, startEditorApp, TEST_USERS, type EditorTestApp } from './editor/test-client.ts';

/*
 * Issue 8 §2, the feed half: every payload as a feed item's title, summary, author and link query goes through the
 * real parser into the editors' inbox; the inbox must carry no handler or script URL, and a signed-in browser must
 * see no dialog and run no payload.
 */

const ORIGIN = 'https://outlet.example';

/** A JSON Feed whose items carry the payloads in every field a publisher controls. */
function hostileFeed(): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1', title: `Hostile ${PAYLOADS[0]!.text}`, home_page_url: `${ORIGIN}/`,
    items: PAYLOADS.map((p) => ({
      id: `${ORIGIN}/item/${p.n}`, url: `${ORIGIN}/item/${p.n}?q=${encodeURIComponent(p.text)}`, title: `Item ${p.n} ${p.text}`,
      summary: p.text, content_html: `<p>${p.text}</p>`, authors: [{ name: `Dana ${p.text}` }], date_published: '2026-11-25T09:00:00Z',
    })),
  });
}

const skip = fs.existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing; the browser half of the inbox XSS check is skipped`;

for (const kind of storeKinds()) {
  describe(`cross-site scripting through feeds into the inbox on ${kind.name}`, () => {
    let t: EditorTestApp;
    let client: EditorClient;
    let base: string;
    before(async () => {
      t = await startEditorApp(await kind.create());
      const parsed = parseFeed(hostileFeed(), { url: `${ORIGIN}/feed.json`, now: new Date() });
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
      assert.ok(parsed.feed.items.length >= 100, `${parsed.feed.items.length} items parsed`);
      const now = new Date().toISOString();
      const items = parsed.feed.items.map((i) => ({ ...i, canonicalUrl: i.url, signature: null, bandKeys: [], watchMatches: [] }));
      await insertCandidates(t.store.db, items, { feedId: null, outletId: null, now, groupSince: now, similarity: () => 0, minSimilarity: 1 });
      client = new EditorClient(t.app);
      await client.signIn(TEST_USERS.editor);
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const addr = t.app.server.address();
      base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    });
    after(async () => { await t?.close(); });

    it('the inbox shows every item as text: no handler, no script URL, no foreign script', async () => {
      const inbox = await client.get('/editor/inbox');
      assert.equal(inbox.status, 200);
      assert.equal(new Set(inbox.body.match(/Item \d+/g)).size, PAYLOADS.length, 'every hostile item is listed');
      assert.deepEqual(htmlProblems(inbox.body, '/editor/inbox'), []);
      const csp = String(inbox.headers['content-security-policy'] ?? '');
      assert.ok(/script-src 'self'/.test(csp) && !/unsafe-inline/.test(/script-src[^;]*/.exec(csp)?.[0] ?? ''), csp);
    });

    it('a signed-in browser on the inbox: no dialog, no payload runs, no script blocked by CSP', { skip }, async () => {
      const browser = await launchBrowser();
      try {
        const context = await xssContext(browser);
        await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value, url: base })));
        const v = await (await openTab(context)).visit(`${base}/editor/inbox`);
        assert.equal(v.status, 200, 'signed in');
        assert.deepEqual({ dialogs: v.dialogs, fired: v.fired, csp: v.violations.filter((x) => x.startsWith('script-src')) }, { dialogs: [], fired: [], csp: [] });
      } finally {
        await browser.close();
      }
    });
  });
}
