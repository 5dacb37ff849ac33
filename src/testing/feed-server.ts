/*
 * Test support for feed tests: a real HTTP server on 127.0.0.1 whose routes are functions, so a
 * route can honour If-None-Match, count hits, redirect or fail on demand.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A route: answers one request. */
export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A running feed server. */
export interface FeedServer {
  origin: string;
  allow: string;
  hits: Map<string, number>;
  route(path: string, r: Route): void;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 with function routes; unknown paths answer 404. */
export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const hits = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const r = routes.get(path);
    if (r) r(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`, allow: `127.0.0.1:${port}`, hits,
    route: (path, r) => { routes.set(path, r); },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** An RSS 2.0 document with the given items. */
export function rss(items: { title: string; link: string; description?: string; date?: string }[], extra = ''): string {
  const body = items.map((i) => `<item><title>${i.title}</title><link>${i.link}</link>${i.description ? `<description>${i.description}</description>` : ''}${i.date ? `<pubDate>${i.date}</pubDate>` : ''}</item>`).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title><link>https://outlet.test/</link>${extra}${body}</channel></rss>`;
}

/** A route answering a feed with an ETag, and 304 when the client sends it back. */
export function etagRoute(getBody: () => string, headers: Record<string, string> = {}): Route {
  return (req, res) => {
    const body = getBody();
    const etag = `"${Buffer.from(body).length}-${body.length % 97}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, ...headers }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag, ...headers }).end(body);
  };
}
