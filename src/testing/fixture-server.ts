import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import { createFetcher, type Fetcher, type FetchResult } from '../net/safe-fetch.ts';

/** One canned answer of the fixture server. */
export interface FixtureResponse {
  status?: number;
  headers?: Record<string, string>;
  /** The body; `{{ORIGIN}}` is replaced by the server's own origin (http://127.0.0.1:port). */
  body?: string | Buffer;
}

/** A local web server for tests: real HTTP on 127.0.0.1, answers from a route table, counts requests. */
export interface FixtureServer {
  origin: string;
  port: number;
  /** `host:port`, ready for NEWSDESK_FETCH_ALLOW. */
  allow: string;
  hits: Map<string, number>;
  set(path: string, response: FixtureResponse): void;
  close(): Promise<void>;
}

/** Starts a fixture server with the given routes (path → response); unknown paths answer 404. */
export async function startFixtureServer(routes: Record<string, FixtureResponse> = {}): Promise<FixtureServer> {
  const table = new Map(Object.entries(routes));
  const hits = new Map<string, number>();
  let origin = '';
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const r = table.get(path);
    if (!r) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    const body = typeof r.body === 'string' ? r.body.replaceAll('{{ORIGIN}}', origin) : (r.body ?? '');
    res.writeHead(r.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...r.headers }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin, port, allow: `127.0.0.1:${port}`, hits,
    set: (path, response) => { table.set(path, response); },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** A fixture server and a safeFetch fetcher allowed to reach it, for the whole of one test file. */
export interface FixtureSite {
  /** `http://127.0.0.1:port` (valid once the file's `before` hooks ran). */
  readonly origin: string;
  /** Fetches through safeFetch, as the app's capture does. */
  fetchPage(url: string): Promise<FetchResult>;
}

/** Starts a fixture site in the calling file's `before` hook and closes it in its `after` hook. */
export function useFixtureSite(routes: Record<string, FixtureResponse>): FixtureSite {
  let server: FixtureServer | undefined;
  let fetcher: Fetcher | undefined;
  before(async () => {
    server = await startFixtureServer(routes);
    fetcher = createFetcher({ allow: server.allow, userAgent: 'newsdesk-test' });
  });
  after(async () => { await fetcher?.close(); await server?.close(); });
  return {
    get origin() { return server!.origin; },
    fetchPage: (url) => fetcher!.fetch(url),
  };
}
