/*
 * Issue #8 §3's hostile sources for the end-to-end capture suite. The net tests' fixture routes
 * (src/net/testdata/hostile-routes.ts) answer on 127.0.0.1 through their server (servers.ts); the routes the
 * issue adds (a one-byte-per-second drip, a 50-hop chain, a 10 MB one-line article, 100,000 levels of nesting,
 * articles with invalid UTF-8 or a lying charset, a never-ending chunked body) are added here. The two slow
 * ones get loopback addresses of their own (127.0.0.2, 127.0.0.3): safeFetch allows two requests per host at a
 * time, and a drip holding a slot for 20 s would otherwise make the other captures wait rather than show their own reason.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { fixtureHandler } from '../../net/testdata/hostile-routes.ts';
import { startServer, type TestServer } from '../../net/testdata/servers.ts';

const PAGE = fs.readFileSync(new URL('../../ingest/testdata/opinion-page.html', import.meta.url), 'utf8');
const UK_HEADLINE = 'Степ чекає весни: тиха зима як гучне попередження';
const UK_PARAGRAPH = 'Коли переговори великих держав закінчаться цього тижня, дипломати полетять додому, а війська, про які вони говорили, залишаться там, де стоять, і зима далі буде тихою у найтривожніший спосіб.';

/** The opinion page of the ingest tests served at `origin` + `path` (its canonical URL), optionally with another headline and extra paragraphs. */
function article(origin: string, path: string, opts: { headline?: string; paragraphs?: string } = {}): string {
  let page = PAGE.replace('{{ORIGIN}}/2022/01/18/opinions/steppe-quiet-winter-warning/index.html', `${origin}${path}`).split('{{ORIGIN}}').join(origin);
  if (opts.headline) page = page.split('For the steppe, a quiet winter is a loud warning').join(opts.headline);
  if (opts.paragraphs) page = page.replace('<p>Read more:', `${opts.paragraphs}<p>Read more:`);
  return page;
}

/** A 10 MB article on one line: a real article whose body runs to 10,000,000 bytes without a single newline. */
function tenMegabyteLine(origin: string): Buffer {
  const page = article(origin, '/ten-mb-line', { headline: 'A very long single line' }).replace(/\n/g, ' ');
  const paragraph = `<p>${'The river port reopened after the long winter, and the grain ships came back one by one. '.repeat(20)}</p>`;
  const fill = paragraph.repeat(Math.ceil((10_000_000 - page.length) / paragraph.length));
  return Buffer.from(page.replace('<p>Read more:', `${fill}<p>Read more:`).slice(0, 10_000_000), 'utf8');
}

/** An article whose body sits inside 100,000 nested <div>s, never closed (as a broken or hostile page would). */
function deepNesting(origin: string): string {
  return article(origin, '/deep-nesting', { headline: 'Deeply nested', paragraphs: `${'<div>'.repeat(100_000)}<p>The innermost paragraph of a page nested one hundred thousand levels deep.</p>` });
}

/** An article with bytes that are not UTF-8 in its body, served as UTF-8. */
function invalidUtf8(origin: string): Buffer {
  const [head, tail] = article(origin, '/invalid-utf8-article', { headline: 'Invalid bytes inside' }).split('<p>Read more:');
  return Buffer.concat([Buffer.from(head!), Buffer.from('<p>Bad bytes: '), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]), Buffer.from(' end.</p><p>Read more:'), Buffer.from(tail!)]);
}

const ukrainian = (origin: string, path: string) => article(origin, path, { headline: UK_HEADLINE, paragraphs: `<p>${UK_PARAGRAPH}</p>` }).replace('<html lang="en">', '<html lang="uk">').replace('<meta charset="utf-8">', '');

/** The headline and a sentence the charset routes carry, to check they were decoded right. */
export const CHARSET_TEXT = { headline: UK_HEADLINE, paragraph: UK_PARAGRAPH };

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

function routes(origin: () => string): Record<string, Handler> {
  return {
    '/drip-1s': (_q, s) => {
      s.writeHead(200, { 'content-type': 'text/html' });
      const t = setInterval(() => s.write('a'), 1000);
      s.on('close', () => clearInterval(t));
    },
    '/endless-chunked': (_q, s) => {
      // A chunk every 100 ms forever: slow enough to stay under the byte cap, so only the deadline ends it.
      s.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      s.write('<!doctype html><html><head><title>Live</title></head><body>');
      const t = setInterval(() => s.write(`<p>${'update '.repeat(140)}</p>`), 100);
      s.on('close', () => clearInterval(t));
    },
    '/ten-mb-line': (_q, s) => s.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(tenMegabyteLine(origin())),
    '/deep-nesting': (_q, s) => s.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(deepNesting(origin())),
    '/invalid-utf8-article': (_q, s) => s.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(invalidUtf8(origin())),
    // Declared UTF-8, sent in windows-1251 (no <meta>): the label is a lie the bytes give away.
    '/lying-utf8-article': (_q, s) => s.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(iconv.encode(ukrainian(origin(), '/lying-utf8-article'), 'windows-1251')),
    // Declared windows-1251, sent in UTF-8: valid UTF-8 wins over a single-byte label.
    '/lying-1251-article': (_q, s) => s.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' }).end(Buffer.from(ukrainian(origin(), '/lying-1251-article'), 'utf8')),
  };
}

/** `/chain/N` redirects to `/chain/N-1`; `/chain/0` is an article: 50 hops from `/chain/50`. */
function chain(req: http.IncomingMessage, res: http.ServerResponse, origin: string): boolean {
  const m = /^\/chain\/(\d+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
  if (!m) return false;
  const n = Number(m[1]);
  if (n === 0) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article(origin, '/chain/0'));
  else res.writeHead(302, { location: `/chain/${n - 1}` }).end();
  return true;
}

/** The hostile servers: the main one on 127.0.0.1 (every route) and one per slow route on its own address. */
export interface HostileSources {
  main: TestServer;
  /** NEWSDESK_FETCH_ALLOW for all of them. */
  allow: string;
  /** Every hostile URL the suite captures, by name. */
  urls: Record<string, string>;
  close(): Promise<void>;
}

async function listenOn(host: string, handler: Handler): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(0, host, () => resolve()); });
  return { server, port: (server.address() as AddressInfo).port };
}

/** Starts the servers. */
export async function startHostileSources(): Promise<HostileSources> {
  let origin = '';
  const extra = routes(() => origin);
  const handler: Handler = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (chain(req, res, origin)) return;
    const route = extra[path];
    if (route) return route(req, res);
    fixtureHandler(req, res);
  };
  const main = await startServer(handler);
  origin = `http://127.0.0.1:${main.port}`;
  const drip = await listenOn('127.0.0.2', handler);
  const chunked = await listenOn('127.0.0.3', handler);
  const urls = {
    'gzip bomb': main.url('/gzip-bomb'),
    '2 GB body (declared)': main.url('/huge-declared'),
    '2 GB body (chunked, undeclared)': main.url('/endless'),
    'one byte per second': `http://127.0.0.2:${drip.port}/drip-1s`,
    '50 redirects': main.url('/chain/50'),
    'redirect loop': main.url('/loop/a'),
    '10 MB single-line page': main.url('/ten-mb-line'),
    'HTML nested 100,000 levels deep': main.url('/deep-nesting'),
    'invalid UTF-8': main.url('/invalid-utf8-article'),
    'charset that lies (UTF-8 declared, windows-1251 sent)': main.url('/lying-utf8-article'),
    'charset that lies (windows-1251 declared, UTF-8 sent)': main.url('/lying-1251-article'),
    'never-ending chunked response': `http://127.0.0.3:${chunked.port}/endless-chunked`,
    'TLS-less HTTPS port': `https://127.0.0.1:${main.port}/html`,
  };
  const sockets = new Set<import('node:net').Socket>();
  for (const s of [drip.server, chunked.server]) s.on('connection', (c) => { sockets.add(c); c.on('close', () => sockets.delete(c)); });
  return {
    main, urls,
    allow: [`127.0.0.1:${main.port}`, `127.0.0.2:${drip.port}`, `127.0.0.3:${chunked.port}`].join(','),
    close: async () => {
      for (const c of sockets) c.destroy();
      await Promise.all([main.close(), ...[drip.server, chunked.server].map((s) => new Promise<void>((r) => s.close(() => r())))]);
    },
  };
}
