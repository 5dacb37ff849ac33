import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CONFIRM_FAILURES } from '../model/link-check.ts';
import { startServer, type TestServer } from '../net/testdata/servers.ts';
import { latestChangeId } from '../store/site-changes.ts';
import { getLinkCheck, registerLinks } from '../store/link-checks.ts';
import { storeKinds } from '../testing/test-stores.ts';
import { checkDueLinks, checkLink, createLinkFetch, type CheckLinkDeps } from './check-link.ts';

let server: TestServer;
let linkFetch: ReturnType<typeof createLinkFetch>;
const seen: { method: string; path: string; ua: string }[] = [];
let flaky = 0;

before(async () => {
  server = await startServer((req, res) => {
    const path = req.url ?? '/';
    seen.push({ method: req.method ?? '', path, ua: String(req.headers['user-agent']) });
    const hop = /^\/hop(\d)$/.exec(path);
    if (hop) return void res.writeHead(301, { location: Number(hop[1]) > 1 ? `/hop${Number(hop[1]) - 1}` : '/ok' }).end();
    if (path === '/ok') return void res.writeHead(200, { 'content-type': 'text/html' }).end(req.method === 'HEAD' ? undefined : '<p>ok</p>');
    if (path === '/gone') return void res.writeHead(410).end();
    if (path === '/flaky') return void res.writeHead(flaky++ % 2 === 0 ? 500 : 200).end();
    if (path === '/always-500') return void res.writeHead(500).end();
    // A server that refuses HEAD and streams a large page to GET: the checker must not read it.
    if (path === '/no-head') {
      if (req.method === 'HEAD') return void res.writeHead(405, { allow: 'GET' }).end();
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('x'.repeat(64 * 1024));
      return; // never ends: reading the body would time out
    }
    // Routed for GET only, as some frameworks do: HEAD says 404 for a page that exists.
    if (path === '/get-only') return void res.writeHead(req.method === 'HEAD' ? 404 : 200).end();
    if (path === '/slow') return; // never answers
    res.writeHead(404).end();
  });
  linkFetch = createLinkFetch({ allow: `127.0.0.1:${server.port}`, userAgent: 'newsdesk-test/0.1 (+http://127.0.0.1)', totalTimeoutMs: 1500 });
});
after(async () => {
  await linkFetch.close();
  await server.close();
});

for (const kind of storeKinds()) {
  describe(`link checker on ${kind.name}`, () => {
    const with_ = async (fn: (deps: CheckLinkDeps, clock: { t: number }) => Promise<void>) => {
      const store = await kind.create();
      const clock = { t: Date.parse('2026-12-01T00:00:00Z') };
      try {
        await fn({ store, fetch: linkFetch.fetch, now: () => new Date(clock.t), retryDelayMs: 10 }, clock);
      } finally {
        await store.close();
      }
    };

    it('classifies 200, a 301 chain, 404, 410, 500-then-ok, HEAD refused and a timeout', async () => {
      await with_(async (deps) => {
        const u = (p: string) => server.url(p);
        const from = seen.length;
        const cases: [string, string, number | null][] = [
          ['/ok', 'ok', 200], ['/hop3', 'redirected', 200], ['/missing', 'gone', 404], ['/gone', 'gone', 410],
          ['/flaky', 'ok', 200], ['/always-500', 'broken', 500], ['/no-head', 'ok', 200], ['/get-only', 'ok', 200], ['/slow', 'unreachable', null],
        ];
        for (const [path, outcome, status] of cases) {
          const r = await checkLink(deps, u(path));
          assert.equal(r.outcome, outcome, `${path}: ${r.message}`);
          assert.equal(r.httpStatus, status, path);
          const row = await getLinkCheck(deps.store.db, u(path));
          assert.equal(row?.last_outcome, outcome, path);
        }
        assert.equal((await getLinkCheck(deps.store.db, u('/hop3')))?.final_url, u('/ok'));
        assert.ok(seen.some((s) => s.path === '/no-head' && s.method === 'GET'), 'fell back to GET');
        assert.ok(seen.every((s) => s.ua === 'newsdesk-test/0.1 (+http://127.0.0.1)'));
        assert.deepEqual(seen.slice(from).filter((s) => s.path === '/always-500').map((s) => s.method), ['HEAD', 'GET', 'HEAD', 'GET'], 'a 5xx is confirmed by GET and retried once within a check');
      });
    });

    it('calls a link broken only after several failures over hours, and a success clears it', async () => {
      await with_(async (deps, clock) => {
        const url = server.url('/always-500');
        const states: string[] = [];
        for (let i = 0; i < CONFIRM_FAILURES + 2; i++) {
          const r = await checkLink(deps, url);
          states.push(r.state);
          const row = await getLinkCheck(deps.store.db, url);
          assert.equal(row?.first_failed_at, '2026-12-01T00:00:00.000Z');
          assert.ok((row?.next_check_at ?? '') > new Date(clock.t).toISOString(), 'a failing link is checked again later');
          clock.t = Date.parse(row!.next_check_at);
        }
        assert.equal(states[0], 'suspect');
        assert.equal(states.at(-1), 'broken', states.join(','));
        const ok = await checkLink(deps, server.url('/ok'));
        assert.equal(ok.state, 'ok');
        const row = await getLinkCheck(deps.store.db, server.url('/ok'));
        assert.equal(Date.parse(row!.next_check_at) - clock.t, 7 * 86_400_000, 'a healthy link is checked again in a week');
      });
    });

    it('sweeps due registered links once, in a bounded batch', async () => {
      await with_(async (deps) => {
        const links = ['/ok', '/gone', '/hop1'].map((p) => ({ url: server.url(p), field: 'body' }));
        const fresh = await registerLinks(deps.store.db, { subjectType: 'piece', subjectId: 1 }, links, new Date(deps.now()).toISOString());
        assert.equal(fresh.length, 3);
        const first = await checkDueLinks(deps, { limit: 2 });
        assert.equal(first.length, 2);
        const second = await checkDueLinks(deps, { limit: 10 });
        assert.deepEqual(second.map((r) => r.url), links.map((l) => l.url).filter((u) => !first.some((r) => r.url === u)));
        const before = await latestChangeId(deps.store.db);
        assert.equal((await checkDueLinks(deps)).length, 0, 'nothing is due again until its next check');
        assert.ok(before > 0, 'a registered link whose state changed logs its piece for the reader site\u2019s cache');
        await registerLinks(deps.store.db, { subjectType: 'piece', subjectId: 2 }, [{ url: server.url('/ok?again'), field: 'body' }], new Date(deps.now()).toISOString());
        assert.equal((await checkDueLinks(deps, { signal: AbortSignal.abort() })).length, 0, 'a stopping worker starts no check');
      });
    });
  });
}
