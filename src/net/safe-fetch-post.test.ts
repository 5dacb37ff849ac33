/** safeFetch form POSTs (WebSub hub requests) against loopback servers: same guard and caps, never re-sent on a redirect. */
import assert from 'node:assert/strict';
import type http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { describeResult, type FetchResult } from './fetch-result.ts';
import { createFetcher, type Fetcher } from './safe-fetch.ts';
import { fakeLookup } from './testdata/forbidden-destinations.ts';
import { startCountingListener, startServer, type CountingListener, type TestServer } from './testdata/servers.ts';

const UA = 'newsdesk/0.1 (+http://test.invalid)';
/** Every request the fixture server received: method, path, content type and body. */
const seen: Array<{ method: string; path: string; type: string; body: string }> = [];
let server: TestServer;
let counter: CountingListener;
let fetcher: Fetcher;

// Records each request; `/to?status=307&to=<url>` answers with that redirect, `/big` with 2 MB.
function handler(req: http.IncomingMessage, res: http.ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const u = new URL(req.url ?? '/', 'http://x');
    seen.push({ method: req.method ?? '', path: u.pathname, type: req.headers['content-type'] ?? '', body: Buffer.concat(chunks).toString('utf8') });
    const to = u.searchParams.get('to');
    if (to) res.writeHead(Number(u.searchParams.get('status') ?? 302), { location: to }).end();
    else if (u.pathname === '/big') res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(2 * 1024 * 1024));
    else if (u.pathname === '/refuse') res.writeHead(400, { 'content-type': 'text/plain' }).end('bad topic');
    else res.writeHead(202).end();
  });
}

before(async () => {
  server = await startServer(handler);
  counter = await startCountingListener();
  fetcher = createFetcher({ allow: `127.0.0.1:${server.port}`, userAgent: UA, totalTimeoutMs: 5000, lookup: fakeLookup });
});
after(async () => {
  await fetcher.close();
  await server.close();
  await counter.close();
});

function fail(r: FetchResult) {
  assert.equal(r.ok, false, `expected a failure, got ${describeResult(r)}`);
  return r as Extract<FetchResult, { ok: false }>;
}
const form = () => new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.topic': 'https://pub.test/feed?a=1&b=ї', 'hub.secret': 's3cret' });

describe('safeFetch: form POST', () => {
  it('sends the form url-encoded and returns the answer', async () => {
    seen.length = 0;
    const r = await fetcher.fetch(server.url('/hub'), { method: 'POST', body: form(), etag: '"v1"' });
    assert.ok(r.ok && !r.notModified && r.status === 202, describeResult(r));
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.method, 'POST');
    assert.equal(seen[0]!.type, 'application/x-www-form-urlencoded');
    assert.deepEqual(Object.fromEntries(new URLSearchParams(seen[0]!.body)), Object.fromEntries(form()));
  });

  it('reports a refusal with the status', async () => {
    const r = fail(await fetcher.fetch(server.url('/refuse'), { method: 'POST', body: form() }));
    assert.equal(r.reason, 'http-status');
    assert.equal(r.status, 400);
  });

  it('refuses a forbidden address without connecting', async () => {
    for (const url of [`http://127.0.0.1:${counter.port}/hub`, `http://[::1]:${counter.port}/hub`, `http://localhost:${counter.port}/hub`, `http://evil.test:${counter.port}/hub`, `http://meta.test/latest/meta-data`]) {
      const r = fail(await fetcher.fetch(url, { method: 'POST', body: form() }));
      assert.equal(r.reason, 'refused', `${url}: ${r.message}`);
    }
    assert.equal(counter.count(), 0, 'the counting listener was contacted');
  });

  it('never re-sends a POST to a redirect target, not even an allowed one', async () => {
    for (const status of [301, 302, 303, 307, 308]) {
      seen.length = 0;
      const target = server.url('/hub');
      const r = fail(await fetcher.fetch(server.url(`/to?status=${status}&to=${encodeURIComponent(target)}`), { method: 'POST', body: form() }));
      assert.equal(r.reason, 'http-status');
      assert.equal(r.status, status);
      assert.match(r.message, /a POST is not re-sent to a redirect/);
      assert.deepEqual(seen.map((x) => x.path), ['/to'], `${status}: only the first request was made`);
    }
    const toForbidden = fail(await fetcher.fetch(server.url(`/to?status=307&to=${encodeURIComponent(`http://127.0.0.1:${counter.port}/`)}`), { method: 'POST', body: form() }));
    assert.equal(toForbidden.status, 307);
    assert.equal(counter.count(), 0);
  });

  it('keeps the response size cap', async () => {
    assert.equal(fail(await fetcher.fetch(server.url('/big'), { method: 'POST', body: form(), maxBytes: 1024 * 1024 })).reason, 'too-large');
  });

  it('still follows redirects for a GET', async () => {
    const r = await fetcher.fetch(server.url(`/to?status=307&to=${encodeURIComponent(server.url('/hub'))}`));
    assert.ok(r.ok && r.status === 202);
  });
});
