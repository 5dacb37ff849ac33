import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { createLinkFetch } from '../ingest/check-link.ts';
import { SYSTEM } from '../newsroom/actor.ts';
import { publishPiece, unpublishPiece } from '../newsroom/piece-commands.ts';
import { recommend } from '../newsroom/recommend.ts';
import { createFetcher, type Fetcher } from '../net/safe-fetch.ts';
import { enqueue } from '../store/jobs.ts';
import { linksOf } from '../store/link-checks.ts';
import { startFixtureServer, type FixtureServer } from '../testing/fixture-server.ts';
import { storeKinds } from '../testing/test-stores.ts';
import { jobHandlers } from './handlers.ts';
import { createWorker } from './worker.ts';

const PAGE = fs.readFileSync(new URL('../ingest/testdata/opinion-page.html', import.meta.url), 'utf8');
const ARTICLE = '/2022/01/18/opinions/steppe-quiet-winter-warning/index.html';

let server: FixtureServer;
let fetcher: Fetcher;
let linkFetch: ReturnType<typeof createLinkFetch>;
before(async () => {
  server = await startFixtureServer({ [ARTICLE]: { body: PAGE } });
  fetcher = createFetcher({ allow: server.allow, userAgent: 'newsdesk-test' });
  linkFetch = createLinkFetch({ allow: server.allow, userAgent: 'newsdesk-test' });
});
after(async () => { await linkFetch.close(); await fetcher.close(); await server.close(); });

for (const kind of storeKinds()) {
  describe(`link jobs on ${kind.name}`, () => {
    it('publishing registers the piece\u2019s links, the sweep checks them, unpublishing lets them go', async () => {
      const store = await kind.create();
      try {
        let t = new Date('2026-11-25T10:00:00Z');
        const now = () => t;
        const logger = pino({ level: 'silent' });
        const handlers = jobHandlers({ store, logger, now, links: { allow: server.allow, userAgent: 'newsdesk-test', fetch: linkFetch.fetch } });
        const worker = createWorker({ store, logger, handlers, now });
        const r = await recommend(store, (u) => fetcher.fetch(u), SYSTEM, { source: `${server.origin}${ARTICLE}` }, now);
        await worker.tick();
        assert.equal((await linksOf(store.db, { subjectType: 'piece', subjectId: r.id })).length, 0, 'a draft\u2019s links are not watched');
        await publishPiece(store, SYSTEM, r.id, t);
        await worker.tick();
        const links = await linksOf(store.db, { subjectType: 'piece', subjectId: r.id });
        const byField = new Map(links.flatMap((l) => l.uses.map((u) => [u.field, l] as const)));
        assert.equal(byField.get('originalUrl')?.url, `${server.origin}${ARTICLE}`);
        assert.equal(byField.get('image.url')?.url, `${server.origin}/images/rally-aktobe.jpg`);
        assert.ok(links.every((l) => l.state === 'unchecked'));
        await enqueue(store.db, { name: 'links.sweep', runAt: t.toISOString() }, t.toISOString());
        await worker.tick();
        const checked = new Map((await linksOf(store.db, { subjectType: 'piece', subjectId: r.id })).map((l) => [l.url, l]));
        assert.equal(checked.get(`${server.origin}${ARTICLE}`)?.state, 'ok');
        const image = checked.get(`${server.origin}/images/rally-aktobe.jpg`);
        assert.equal(image?.last_outcome, 'gone');
        assert.equal(image?.state, 'suspect', 'one 404 is not yet a confirmed failure');
        // The daily re-registration finds the same links and adds none (a piece published before the checker: all new).
        await store.db.deleteFrom('link_uses').execute();
        await enqueue(store.db, { name: 'links.register-all', runAt: t.toISOString() }, t.toISOString());
        await worker.tick();
        assert.deepEqual((await linksOf(store.db, { subjectType: 'piece', subjectId: r.id })).map((l) => l.url).sort(), [...checked.keys()].sort());
        t = new Date(t.getTime() + 60_000);
        await unpublishPiece(store, SYSTEM, r.id, t);
        await worker.tick();
        assert.equal((await linksOf(store.db, { subjectType: 'piece', subjectId: r.id })).length, 0);
      } finally { await store.close(); }
    });
  });
}
