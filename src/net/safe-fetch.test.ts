/** safeFetch against a loopback fixture server: hostile sources, caps, charsets, kinds, politeness. */
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { describeResult, type FetchResult } from './fetch-result.ts';
import { createFetcher, type Fetcher } from './safe-fetch.ts';
import { concurrency, fixtureHandler, UKRAINIAN_TEXT } from './testdata/hostile-routes.ts';
import { startServer, type TestServer } from './testdata/servers.ts';

const UA = 'newsdesk/0.1 (+http://test.invalid)';
let server: TestServer;
let fetcher: Fetcher;

before(async () => {
  server = await startServer(fixtureHandler);
  fetcher = createFetcher({ allow: `127.0.0.1:${server.port}`, userAgent: UA, totalTimeoutMs: 5000 });
});
after(async () => {
  await fetcher.close();
  await server.close();
});

function fail(r: FetchResult) {
  assert.equal(r.ok, false, `expected a failure, got ${describeResult(r)}`);
  return r as Extract<FetchResult, { ok: false }>;
}
function doc(r: FetchResult) {
  assert.ok(r.ok && !r.notModified, `expected a document, got ${JSON.stringify(!r.ok ? r : r.status)}`);
  return r;
}

describe('safeFetch: ordinary pages', () => {
  it('fetches HTML, decodes it and reports the kind', async () => {
    const r = doc(await fetcher.fetch(server.url('/html')));
    assert.equal(r.kind, 'html');
    assert.equal(r.charset, 'utf-8');
    assert.match(r.text ?? '', /<p>Hello<\/p>/);
    assert.equal(describeResult(r).startsWith('this URL is an HTML page'), true);
  });

  it('sends the honest user agent', async () => {
    assert.equal(doc(await fetcher.fetch(server.url('/ua'))).text, UA);
  });

  it('undoes gzip and brotli, and refuses an encoding it cannot undo', async () => {
    assert.match(doc(await fetcher.fetch(server.url('/gzip-page'))).text ?? '', /zipped ✓/);
    assert.match(doc(await fetcher.fetch(server.url('/br-page'))).text ?? '', /brotli ✓/);
    assert.equal(fail(await fetcher.fetch(server.url('/zstd'))).reason, 'bad-response');
  });

  it('returns an empty document for 204', async () => {
    assert.equal(doc(await fetcher.fetch(server.url('/empty'))).bytes.length, 0);
  });

  it('stops when the caller cancels', async () => {
    const ac = new AbortController();
    const pending = fetcher.fetch(server.url('/drip'), { signal: ac.signal });
    ac.abort();
    const r = fail(await pending);
    assert.equal(r.reason, 'timeout');
    assert.match(r.message, /cancelled/);
  });

  it('returns 304 as notModified when validators are given, 200 otherwise', async () => {
    const first = doc(await fetcher.fetch(server.url('/validators')));
    assert.equal(first.etag, '"v1"');
    const again = await fetcher.fetch(server.url('/validators'), { etag: first.etag });
    assert.ok(again.ok && again.notModified && again.status === 304);
    const byDate = await fetcher.fetch(server.url('/validators'), { lastModified: first.lastModified });
    assert.ok(byDate.ok && byDate.notModified);
  });

  it('types PDF, JSON, image and feed answers', async () => {
    const pdf = doc(await fetcher.fetch(server.url('/pdf')));
    assert.equal(pdf.kind, 'pdf');
    assert.equal(pdf.text, undefined);
    assert.match(describeResult(pdf), /^this URL is a PDF/);
    assert.equal(doc(await fetcher.fetch(server.url('/octet-pdf'))).kind, 'pdf');
    const json = doc(await fetcher.fetch(server.url('/json')));
    assert.equal(json.kind, 'json');
    assert.deepEqual(JSON.parse(json.text ?? ''), { a: 'ї' });
    assert.equal(doc(await fetcher.fetch(server.url('/png'))).kind, 'image');
    assert.equal(doc(await fetcher.fetch(server.url('/feed'))).kind, 'feed');
  });

  it('reports 4xx/5xx with the status and headers', async () => {
    const r = fail(await fetcher.fetch(server.url('/missing')));
    assert.equal(r.reason, 'http-status');
    assert.equal(r.status, 404);
    assert.match(r.message, /answered 404 Not Found/);
    assert.equal(fail(await fetcher.fetch(server.url('/unavailable'))).headers?.['retry-after'], '120');
  });
});

describe('safeFetch: charsets', () => {
  const cases: Array<[string, string]> = [
    ['/cp1251', 'windows-1251'],
    ['/http-equiv', 'windows-1251'],
    ['/koi8u', 'koi8-u'],
    ['/lying-utf8', 'windows-1251'],
    ['/lying-1251', 'utf-8'],
  ];
  for (const [path, charset] of cases) {
    it(`decodes ${path} as ${charset}`, async () => {
      const r = doc(await fetcher.fetch(server.url(path)));
      assert.equal(r.charset, charset);
      assert.ok(r.text?.includes(UKRAINIAN_TEXT), r.text);
    });
  }

  it('survives an unknown charset label and invalid UTF-8', async () => {
    assert.match(doc(await fetcher.fetch(server.url('/bogus-charset'))).text ?? '', /plain/);
    assert.match(doc(await fetcher.fetch(server.url('/invalid-utf8'))).text ?? '', /<p>a.*b<\/p>/);
  });
});

describe('safeFetch: hostile sources', () => {
  it('stops a gzip bomb and a brotli bomb early', async () => {
    for (const path of ['/gzip-bomb', '/br-bomb']) {
      const r = fail(await fetcher.fetch(server.url(path)));
      assert.equal(r.reason, 'decompression-bomb', `${path}: ${r.message}`);
    }
  });

  it('stops an endless body at the byte cap', async () => {
    const r = fail(await fetcher.fetch(server.url('/endless'), { maxBytes: 1024 * 1024 }));
    assert.equal(r.reason, 'too-large');
  });

  it('answers HEAD and a headers-only GET of an endless body from the status line alone', async () => {
    const head = doc(await fetcher.fetch(server.url('/html'), { method: 'HEAD' }));
    assert.equal(head.status, 200);
    assert.equal(head.bytes.length, 0);
    const get = doc(await fetcher.fetch(server.url('/endless'), { headersOnly: true, maxBytes: 1024 }));
    assert.equal(get.bytes.length, 0);
  });

  it('refuses a body whose Content-Length is over the cap without reading it', async () => {
    assert.equal(fail(await fetcher.fetch(server.url('/huge-declared'))).reason, 'too-large');
  });

  it('accepts a large single-line page under the cap', async () => {
    assert.ok(doc(await fetcher.fetch(server.url('/one-line'))).bytes.length > 3 * 1024 * 1024);
  });

  it('times out a slow drip while the server keeps answering others', async () => {
    const quick = createFetcher({ allow: `127.0.0.1:${server.port}`, userAgent: UA, totalTimeoutMs: 400 });
    try {
      const dripping = quick.fetch(server.url('/drip'));
      doc(await fetcher.fetch(server.url('/html')));
      const r = fail(await dripping);
      assert.equal(r.reason, 'timeout');
    } finally {
      await quick.close();
    }
  });

  it('detects a redirect loop and too many redirects', async () => {
    const loop = fail(await fetcher.fetch(server.url('/loop/a')));
    assert.equal(loop.reason, 'redirect-loop');
    const many = fail(await fetcher.fetch(server.url('/hop/0')));
    assert.equal(many.reason, 'too-many-redirects');
    assert.equal(many.redirects?.length, 6);
  });

  it('follows a redirect and reports the final URL and the hops', async () => {
    const r = doc(await fetcher.fetch(server.url('/moved')));
    assert.equal(r.url, server.url('/html'));
    assert.deepEqual(r.redirects, [server.url('/moved')]);
  });

  it('follows up to maxRedirects hops', async () => {
    const short = createFetcher({ allow: `127.0.0.1:${server.port}`, userAgent: UA, maxRedirects: 50 });
    try {
      const r = await short.fetch(server.url('/hop/0'));
      assert.equal(fail(r).reason, 'too-many-redirects');
      assert.equal(fail(r).redirects?.length, 51);
    } finally {
      await short.close();
    }
  });

  it('treats a broken Location as a bad response', async () => {
    assert.equal(fail(await fetcher.fetch(server.url('/bad-redirect'))).reason, 'bad-response');
  });

  it('refuses oversized response headers', async () => {
    assert.equal(fail(await fetcher.fetch(server.url('/big-headers'))).reason, 'bad-response');
  });

  it('reports TLS to a plain HTTP port as a TLS failure', async () => {
    assert.equal(fail(await fetcher.fetch(`https://127.0.0.1:${server.port}/html`)).reason, 'tls');
  });

  it('times out a port that accepts but never speaks, over http and https', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((sock) => void sockets.add(sock));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as net.AddressInfo).port;
    const quick = createFetcher({ allow: `127.0.0.1:${port}`, userAgent: UA, totalTimeoutMs: 400, connectTimeoutMs: 200 });
    try {
      assert.equal(fail(await quick.fetch(`http://127.0.0.1:${port}/`)).reason, 'timeout');
      assert.equal(fail(await quick.fetch(`https://127.0.0.1:${port}/`)).reason, 'timeout');
    } finally {
      await quick.close();
      for (const sock of sockets) sock.destroy();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });

  it('reports a closed port as unreachable', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const closed = createFetcher({ allow: `127.0.0.1:${port}`, userAgent: UA });
    try {
      assert.equal(fail(await closed.fetch(`http://127.0.0.1:${port}/`)).reason, 'unreachable');
    } finally {
      await closed.close();
    }
  });
});

describe('safeFetch: politeness', () => {
  it('honours robots.txt for the newsdesk group when asked', async () => {
    const r = fail(await fetcher.fetch(server.url('/private/x'), { robots: true }));
    assert.equal(r.reason, 'robots');
    assert.match(r.message, /disallows \/private\/x/);
    doc(await fetcher.fetch(server.url('/private/open/x'), { robots: true }));
    doc(await fetcher.fetch(server.url('/html'), { robots: true }));
    doc(await fetcher.fetch(server.url('/private/x')));
  });

  it('treats a robots.txt that answers 5xx as disallowing everything (RFC 9309)', async () => {
    const sick = await startServer((req, res) => {
      if (req.url === '/robots.txt') res.writeHead(503).end();
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>');
    });
    const polite = createFetcher({ allow: `127.0.0.1:${sick.port}`, userAgent: UA, robots: true });
    try {
      const r = fail(await polite.fetch(sick.url('/page')));
      assert.equal(r.reason, 'robots');
      assert.match(r.message, /could not be read/);
      doc(await polite.fetch(sick.url('/page'), { robots: false }));
    } finally {
      await polite.close();
      await sick.close();
    }
  });

  it('never has more than perHostConcurrency requests in flight to one host', async () => {
    concurrency.max = 0;
    const r = await Promise.all(Array.from({ length: 8 }, () => fetcher.fetch(server.url('/slot'))));
    assert.ok(r.every((x) => x.ok));
    assert.equal(concurrency.max, 2);
  });
});
