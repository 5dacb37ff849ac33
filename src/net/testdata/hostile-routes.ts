/**
 * Routes of the loopback fixture server used by safe-fetch.test.ts: well-behaved pages in
 * several charsets and kinds, and hostile answers (bombs, endless bodies, drips, loops).
 */
import type http from 'node:http';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** Writes `chunk` forever (respecting backpressure) until the client goes away. */
function pump(res: http.ServerResponse, chunk: Buffer): void {
  let closed = false;
  res.on('close', () => (closed = true));
  const write = () => {
    while (!closed && res.write(chunk)) {
      /* keep writing until the socket buffer is full */
    }
    if (!closed) res.once('drain', write);
  };
  write();
}

/** Writes one byte every `ms` until the client goes away (a slow drip / endless chunked body). */
function drip(res: http.ServerResponse, ms: number): void {
  res.writeHead(200, { 'content-type': 'text/html' });
  const t = setInterval(() => res.write('a'), ms);
  res.on('close', () => clearInterval(t));
}

const ZEROS = Buffer.alloc(30 * 1024 * 1024);
let gzipBomb: Buffer | undefined;
let brotliBomb: Buffer | undefined;
const bombs = {
  gzip: () => (gzipBomb ??= zlib.gzipSync(ZEROS, { level: 9 })),
  br: () => (brotliBomb ??= zlib.brotliCompressSync(ZEROS, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } })),
};

const html = (body: string, head = '') => `<!doctype html><html><head>${head}<title>t</title></head><body>${body}</body></html>`;
const UKRAINIAN = 'Привіт, світ! Їжак і ґанок - це є українська мова.';

/** Inflight bookkeeping for the concurrency route. */
export const concurrency = { inflight: 0, max: 0, held: [] as Array<() => void> };

/** The fixture routes by path. */
export const routes: Record<string, Handler> = {
  '/html': (_q, s) => s.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html('<p>Hello</p>')),
  '/gzip-bomb': (_q, s) => s.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(bombs.gzip()),
  '/br-bomb': (_q, s) => s.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' }).end(bombs.br()),
  '/gzip-page': (_q, s) => s.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }).end(zlib.gzipSync(html('<p>zipped ✓</p>'))),
  '/br-page': (_q, s) => s.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br' }).end(zlib.brotliCompressSync(html('<p>brotli ✓</p>'))),
  '/zstd': (_q, s) => s.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'zstd' }).end('(\xb5/\xfd'),
  '/empty': (_q, s) => s.writeHead(204).end(),
  '/endless': (_q, s) => {
    s.writeHead(200, { 'content-type': 'text/html' });
    pump(s, Buffer.alloc(64 * 1024, 0x61));
  },
  '/huge-declared': (_q, s) => {
    s.writeHead(200, { 'content-type': 'text/html', 'content-length': String(2 * 1024 * 1024 * 1024) });
    pump(s, Buffer.alloc(64 * 1024, 0x61));
  },
  '/drip': (_q, s) => drip(s, 50),
  '/one-line': (_q, s) => s.writeHead(200, { 'content-type': 'text/html' }).end(html('x'.repeat(3 * 1024 * 1024))),
  '/loop/a': (_q, s) => s.writeHead(302, { location: '/loop/b' }).end(),
  '/loop/b': (_q, s) => s.writeHead(301, { location: '/loop/a' }).end(),
  '/moved': (_q, s) => s.writeHead(301, { location: '/html#frag' }).end(),
  '/bad-redirect': (_q, s) => s.writeHead(302, { location: 'http://[not-an-ip/' }).end(),
  '/cp1251': (_q, s) => s.writeHead(200, { 'content-type': 'text/html' }).end(iconv.encode(html(`<p>${UKRAINIAN}</p>`, '<meta charset="windows-1251">'), 'windows-1251')),
  '/koi8u': (_q, s) => s.writeHead(200, { 'content-type': 'text/html; charset=KOI8-U' }).end(iconv.encode(html(`<p>${UKRAINIAN}</p>`), 'koi8-u')),
  '/http-equiv': (_q, s) =>
    s.writeHead(200, { 'content-type': 'text/html' }).end(iconv.encode(html(`<p>${UKRAINIAN}</p>`, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'), 'windows-1251')),
  '/lying-utf8': (_q, s) => s.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(iconv.encode(html(`<p>${UKRAINIAN}</p>`, '<meta charset="windows-1251">'), 'windows-1251')),
  '/lying-1251': (_q, s) => s.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' }).end(Buffer.from(html(`<p>${UKRAINIAN}</p>`), 'utf8')),
  '/bogus-charset': (_q, s) => s.writeHead(200, { 'content-type': 'text/html; charset=x-no-such-thing' }).end(html('<p>plain</p>')),
  '/invalid-utf8': (_q, s) => s.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(Buffer.concat([Buffer.from('<p>a'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('b</p>')])),
  '/pdf': (_q, s) => s.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4\n%âãÏÓ\n1 0 obj\n'),
  '/octet-pdf': (_q, s) => s.writeHead(200, { 'content-type': 'application/octet-stream' }).end('%PDF-1.7\n'),
  '/json': (_q, s) => s.writeHead(200, { 'content-type': 'application/json' }).end('{"a":"ї"}'),
  '/png': (_q, s) => s.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')),
  '/feed': (_q, s) => s.writeHead(200, { 'content-type': 'text/xml' }).end('<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>t</title></channel></rss>'),
  '/missing': (_q, s) => s.writeHead(404, { 'content-type': 'text/html' }).end('nope'),
  '/unavailable': (_q, s) => s.writeHead(503, { 'retry-after': '120' }).end('later'),
  '/big-headers': (_q, s) => s.writeHead(200, { 'x-junk': 'j'.repeat(100 * 1024) }).end('x'),
  '/validators': (q, s) => {
    const fresh = q.headers['if-none-match'] === '"v1"' || q.headers['if-modified-since'] === 'Wed, 21 Oct 2015 07:28:00 GMT';
    const headers = { etag: '"v1"', 'last-modified': 'Wed, 21 Oct 2015 07:28:00 GMT' };
    if (fresh) s.writeHead(304, headers).end();
    else s.writeHead(200, { ...headers, 'content-type': 'text/html' }).end(html('<p>v1</p>'));
  },
  '/ua': (q, s) => s.writeHead(200, { 'content-type': 'text/plain' }).end(String(q.headers['user-agent'])),
  '/robots.txt': (_q, s) =>
    s.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /\n\nUser-agent: newsdesk/0.1\nDisallow: /private\nAllow: /private/open\n'),
  '/slot': (_q, s) => {
    concurrency.inflight++;
    concurrency.max = Math.max(concurrency.max, concurrency.inflight);
    const finish = () => {
      concurrency.inflight--;
      s.writeHead(200, { 'content-type': 'text/plain' }).end('done');
    };
    concurrency.held.push(finish);
    // Hold every request for a moment and answer the held ones together: without the limiter
    // all eight would pile up here at once; with it, never more than two.
    if (concurrency.held.length === 1) setTimeout(() => concurrency.held.splice(0).forEach((f) => f()), 100);
  },
};

/** Dispatches to `routes`; redirects `/hop/N` to `/hop/N+1` forever. */
export const fixtureHandler: Handler = (req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const hop = /^\/hop\/(\d+)$/.exec(path);
  if (hop) return void res.writeHead(302, { location: `/hop/${Number(hop[1]) + 1}` }).end();
  if (path.startsWith('/private')) return void res.writeHead(200, { 'content-type': 'text/plain' }).end('secret');
  const route = routes[path];
  if (route) return route(req, res);
  res.writeHead(404).end();
};

/** The Ukrainian sentence the charset routes encode. */
export const UKRAINIAN_TEXT = UKRAINIAN;
