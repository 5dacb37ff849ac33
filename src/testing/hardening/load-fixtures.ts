/*
 * The outside world of the load scenario, on one loopback server: outlets' article pages (each URL a distinct
 * article, so every capture makes a new draft) and RSS feeds whose items change on every poll, so the worker
 * really ingests while readers read.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { rss } from '../feed-server.ts';

const PAGE = fs.readFileSync(new URL('../../ingest/testdata/opinion-page.html', import.meta.url), 'utf8');
const HEADLINE = 'For the steppe, a quiet winter is a loud warning';
const CANONICAL = '{{ORIGIN}}/2022/01/18/opinions/steppe-quiet-winter-warning/index.html';
/** Items in each feed answer. */
export const ITEMS_PER_POLL = 10;
/** Loopback addresses the feeds are spread over (127.0.0.1 …): the worker polls one feed per host at a time, as it would real outlets. */
export const FEED_HOSTS = 10;

/** The loopback server of the scenario. */
export interface LoadFixtures {
  origin: string;
  /** NEWSDESK_FETCH_ALLOW entry for it. */
  allow: string;
  /** URL of the nth feed. */
  feedUrl(n: number): string;
  /** URL of a distinct article page. */
  articleUrl(n: number): string;
  /** Feed answers served so far. */
  feedPolls(): number;
  close(): Promise<void>;
}

/** The opinion page of the ingest tests, made distinct by `n` (headline, canonical URL). */
export function articlePage(origin: string, n: number): string {
  return PAGE.split(CANONICAL).join(`${origin}/articles/${n}`).split(HEADLINE).join(`${HEADLINE}, part ${n}`).split('{{ORIGIN}}').join(origin);
}

/** Starts the server: `/articles/<n>`, `/feeds/<n>.xml` (new items on every poll), a permissive robots.txt. */
export async function startLoadFixtures(): Promise<LoadFixtures> {
  let polls = 0;
  let origin = '';
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const article = /^\/articles\/(\d+)$/.exec(path);
    const feed = /^\/feeds\/(\d+)\.xml$/.exec(path);
    if (path === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    if (article) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(origin, Number(article[1])));
    if (feed) {
      const poll = ++polls;
      const items = Array.from({ length: ITEMS_PER_POLL }, (_, k) => ({
        title: `Feed ${feed[1]} dispatch ${poll}-${k}: grain corridor talks resume`,
        link: `${origin}/stories/${feed[1]}/${poll}-${k}`,
        description: `Dispatch ${poll}-${k} of feed ${feed[1]} about the river port and the energy market.`,
        date: new Date().toUTCString(),
      }));
      return void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rss(items));
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  const hosts = Array.from({ length: FEED_HOSTS }, (_, i) => `127.0.0.${i + 1}`);
  const others = await Promise.all(hosts.slice(1).map((host) => new Promise<http.Server>((resolve, reject) => {
    const s = http.createServer((req, res) => server.emit('request', req, res));
    s.once('error', reject);
    s.listen(port, host, () => resolve(s));
  })));
  return {
    origin, allow: hosts.map((h) => `${h}:${port}`).join(','),
    feedUrl: (n) => `http://${hosts[n % hosts.length]}:${port}/feeds/${n}.xml`,
    articleUrl: (n) => `${origin}/articles/${n}`,
    feedPolls: () => polls,
    close: async () => {
      await Promise.all([server, ...others].map((s) => new Promise<void>((resolve) => { s.closeAllConnections(); s.close(() => resolve()); })));
    },
  };
}
