import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { blocksToText } from '../extract/extract.ts';
import { createFetcher, type Fetcher } from '../net/safe-fetch.ts';
import { getCapture } from '../store/captures.ts';
import { startFixtureServer, type FixtureServer } from '../testing/fixture-server.ts';
import { storeKinds } from '../testing/test-stores.ts';
import { captureUrl } from './capture.ts';

const PAGE = fs.readFileSync(new URL('./testdata/opinion-page.html', import.meta.url), 'utf8');
const ARTICLE = '/2022/01/18/opinions/steppe-quiet-winter-warning/index.html';
const now = () => new Date('2026-11-25T10:00:00Z');

let server: FixtureServer;
let fetcher: Fetcher;
before(async () => {
  server = await startFixtureServer({
    [ARTICLE]: { body: PAGE },
    '/mirror': { body: PAGE },
    '/report.pdf': { headers: { 'content-type': 'application/pdf' }, body: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1') },
    '/empty': { body: '' },
    '/gone': { status: 410, body: 'gone' },
    '/to-private': { status: 302, headers: { location: 'http://127.0.0.1:9/secret' } },
  });
  fetcher = createFetcher({ allow: server.allow, userAgent: 'newsdesk-test/0.1 (+http://127.0.0.1)' });
});
after(async () => {
  await fetcher.close();
  await server.close();
});

for (const kind of storeKinds()) {
  describe(`capture on ${kind.name}`, () => {
    it('fetches, extracts and stores everything a recommendation needs', async () => {
      const store = await kind.create();
      try {
        const r = await captureUrl(store, (u) => fetcher.fetch(u), `${server.origin}${ARTICLE}?utm_source=newsletter`, { now });
        assert.ok(r.ok, r.ok ? '' : r.message);
        assert.equal(r.existing, false);
        const x = r.extraction;
        assert.equal(x.headline?.value, 'For the steppe, a quiet winter is a loud warning');
        assert.equal(x.kind?.value, 'opinion');
        assert.deepEqual(x.authors?.value.map((a) => a.name), ['Marta Kovalenko']);
        assert.equal(x.published?.value && new Date(x.published.value).toISOString(), '2022-01-18T13:54:00.000Z');
        assert.equal(x.outlet?.value.name, 'Example World News');
        assert.equal(r.canonicalUrl, `${server.origin}${ARTICLE}`);
        assert.equal(x.leadImage?.value.url, `${server.origin}/images/rally-aktobe.jpg`);
        assert.match(x.leadImage?.value.caption ?? '', /^About two hundred residents gather .* on Jan\. 5\.$/);
        assert.equal(x.leadImage?.value.credit, 'orda_kz');
        const text = blocksToText(x.body);
        assert.match(text, /^When the talks between the great powers end this week/);
        assert.match(text, /very long border with a very large neighbour\.$/m);
        for (const junk of ['Editor\'s Note', 'views expressed', 'Read more', 'Related stories', 'newsletter', 'Share', 'All rights reserved']) {
          assert.ok(!text.includes(junk), `body has no "${junk}"`);
        }
        const stored = await getCapture(store.db, r.captureId);
        assert.equal(stored?.finalUrl, `${server.origin}${ARTICLE}`);
        assert.match(stored?.htmlSha256 ?? '', /^[0-9a-f]{64}$/);
        assert.equal(stored?.extraction.headline?.value, x.headline?.value);
      } finally { await store.close(); }
    });

    it('returns the existing capture for the same page under another address, unless refreshed', async () => {
      const store = await kind.create();
      try {
        const first = await captureUrl(store, (u) => fetcher.fetch(u), `${server.origin}${ARTICLE}`, { now });
        assert.ok(first.ok);
        const hits = server.hits.get(ARTICLE);
        const again = await captureUrl(store, (u) => fetcher.fetch(u), `${server.origin}${ARTICLE}#comments`, { now });
        assert.ok(again.ok && again.existing && again.captureId === first.captureId);
        assert.equal(server.hits.get(ARTICLE), hits, 'not fetched again');
        const mirror = await captureUrl(store, (u) => fetcher.fetch(u), `${server.origin}/mirror`, { now });
        assert.ok(mirror.ok && mirror.existing && mirror.captureId === first.captureId, 'same canonical URL');
        const fresh = await captureUrl(store, (u) => fetcher.fetch(u), `${server.origin}${ARTICLE}`, { now, refresh: true });
        assert.ok(fresh.ok && !fresh.existing && fresh.captureId !== first.captureId);
      } finally { await store.close(); }
    });

    it('explains what it could not capture, in one line', async () => {
      const store = await kind.create();
      try {
        const cases: [string, string, RegExp][] = [
          ['javascript:alert(1)', 'bad-url', /is not an http\(s\) URL/],
          [`${server.origin}/report.pdf`, 'not-html', /PDF/],
          [`${server.origin}/gone`, 'fetch-failed', /410/],
          [`${server.origin}/to-private`, 'fetch-failed', /refused/],
          ['http://10.0.0.1/', 'fetch-failed', /^refused: 10\.0\.0\.1 is a private/],
          [`${server.origin}/empty`, 'empty-page', /./],
        ];
        for (const [url, reason, message] of cases) {
          const r = await captureUrl(store, (u) => fetcher.fetch(u), url, { now });
          assert.equal(r.ok, false, url);
          if (r.ok) continue;
          assert.equal(r.reason, reason, `${url}: ${r.message}`);
          assert.match(r.message, message, url);
          assert.ok(!r.message.includes('\n'), 'one line');
        }
        const count = await store.db.selectFrom('captures').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        assert.equal(Number(count.n), 0, 'nothing stored');
      } finally { await store.close(); }
    });
  });
}
