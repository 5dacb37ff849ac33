/**
 * SSRF suite: every destination here must be refused with its rule's name, and a loopback
 * listener that counts connections must see none of them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createFetcher, type Fetcher } from './safe-fetch.ts';
import { createGuardedAgent } from './guarded-agent.ts';
import { fakeLookup as lookup, forbiddenDestinations } from './testdata/forbidden-destinations.ts';
import { startCountingListener, startServer, type CountingListener, type TestServer } from './testdata/servers.ts';

let counter: CountingListener;
let fixture: TestServer;
let fetcher: Fetcher;

before(async () => {
  counter = await startCountingListener();
  fixture = await startServer((req, res) => {
    const to = new URL(req.url ?? '/', 'http://x').searchParams.get('to');
    if (to) {
      res.writeHead(302, { location: to }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><title>ok</title></html>');
  });
  fetcher = createFetcher({
    allow: `127.0.0.1:${fixture.port},fixture.test:${fixture.port}`,
    userAgent: 'newsdesk/0.1 (+http://test.invalid)',
    totalTimeoutMs: 5000,
    lookup,
  });
});

after(async () => {
  await fetcher.close();
  await fixture.close();
  await counter.close();
});

describe('SSRF: forbidden destinations', () => {
  it('has at least 40 destinations', () => assert.ok(forbiddenDestinations(counter.port, fixture.url('/r')).length >= 40));

  it('refuses every one with its rule and never connects', async () => {
    for (const [url, rule] of forbiddenDestinations(counter.port, fixture.url('/r'))) {
      const r = await fetcher.fetch(url);
      assert.equal(r.ok, false, `${url} was fetched`);
      if (r.ok) continue;
      assert.equal(r.reason, 'refused', `${url}: ${r.reason} ${r.message}`);
      assert.equal(r.rule, rule, `${url}: ${r.message}`);
      assert.match(r.message, /^refused: /, url);
      assert.doesNotMatch(r.message, /\n/);
    }
    assert.equal(counter.count(), 0, 'the counting listener was contacted');
  });
});

describe('SSRF: the allowlist', () => {
  it('opens the allowed host:port', async () => {
    const r = await fetcher.fetch(fixture.url('/page'));
    assert.equal(r.ok, true);
  });

  it('opens an allowed host name whatever it resolves to', async () => {
    const r = await fetcher.fetch(`http://fixture.test:${fixture.port}/page`);
    assert.ok(r.ok && !r.notModified && r.text?.includes('ok'));
  });

  it('names the allowed port when another port of the host is asked for', async () => {
    const r = await fetcher.fetch(`http://127.0.0.1:${counter.port}/`);
    assert.ok(!r.ok && r.message.includes(`opens only 127.0.0.1:${fixture.port}`), JSON.stringify(r));
  });

  it('denies loopback when the setting is empty', async () => {
    const closed = createFetcher({ allow: '', userAgent: 'newsdesk/0.1 (+http://test.invalid)' });
    try {
      const r = await closed.fetch(fixture.url('/'));
      assert.ok(!r.ok && r.rule === 'loopback');
    } finally {
      await closed.close();
    }
  });

  it('reports an unknown host as a DNS failure, not a refusal', async () => {
    const r = await fetcher.fetch('http://nowhere.test/');
    assert.ok(!r.ok && r.reason === 'dns', JSON.stringify(r));
  });

  it('rejects a malformed setting with a one-line error', () => {
    assert.throws(() => createFetcher({ allow: 'http://x/', userAgent: 'x' }), /NEWSDESK_FETCH_ALLOW: "http:\/\/x\/"/);
  });
});

describe('SSRF: the connection guard on its own', () => {
  it('refuses forbidden targets at connect time even when the URL checks are bypassed', async () => {
    const agent = createGuardedAgent({ allow: [], resolver: lookup, connectTimeoutMs: 2000, idleTimeoutMs: 2000, maxHeaderSize: 16384 });
    const B = counter.port;
    try {
      for (const origin of [`http://127.0.0.1:${B}`, `http://[::1]:${B}`, `http://evil.test:${B}`, `http://localhost:${B}`, `http://mapped.test:${B}`, `http://0.0.0.0:${B}`]) {
        await assert.rejects(agent.request({ origin, path: '/', method: 'GET' }), (e: { code?: string; cause?: { code?: string } }) => {
          return e.code === 'NEWSDESK_REFUSED' || e.cause?.code === 'NEWSDESK_REFUSED';
        }, origin);
      }
    } finally {
      await agent.destroy();
    }
    assert.equal(counter.count(), 0);
  });
});
