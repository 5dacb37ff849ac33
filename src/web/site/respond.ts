import type { FastifyReply, FastifyRequest } from 'fastify';
import { toCachedPage, type CachedPage, type PageCache, type RenderedPage } from './page-cache.ts';
import type { SiteRuntime } from './runtime.ts';

/*
 * How reader pages leave the process: from the page cache when possible, with ETag, Last-Modified and a
 * Cache-Control a CDN can follow, and 304 for conditional requests that still match.
 */

/** Browsers revalidate after a minute; a CDN keeps pages 5 minutes, serves stale while refetching, and when we are down. */
export const PAGE_CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400';
/** Error pages and search results: short-lived. */
export const SHORT_CACHE_CONTROL = 'public, max-age=30';

/** Content types of what the site sends. */
export const TYPES = {
  html: 'text/html; charset=utf-8', rss: 'application/rss+xml; charset=utf-8', atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8', xml: 'application/xml; charset=utf-8', text: 'text/plain; charset=utf-8',
} as const;

const building = new Map<string, Promise<CachedPage | RenderedPage | null>>();

/** Security headers computed once per app (see `secure`). */
export interface SecurityHeaders { value: Record<string, string | number | string[]> | null }

/**
 * Sets the app's security headers (helmet's, as configured in app.ts). @fastify/helmet builds them anew on every
 * request, which costs more than sending a cached page; site routes opt out of that (`helmet: false`) and this
 * computes the same headers once, from the app's own configuration (`reply.helmet()`), and reuses them.
 */
export function secure(reply: FastifyReply, memo: SecurityHeaders): void {
  if (memo.value) {
    reply.headers(memo.value);
    return;
  }
  if (typeof reply.helmet !== 'function') return;
  // Keep only what helmet set, not headers other hooks may have put on this one response.
  const before = new Set(reply.raw.getHeaderNames());
  reply.helmet();
  const all = reply.raw.getHeaders();
  memo.value = Object.fromEntries(Object.entries(all).filter(([name, v]) => !before.has(name) && v !== undefined)) as SecurityHeaders['value'];
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** True when the client's copy is still current (If-None-Match wins over If-Modified-Since, RFC 9110 §13.2.2). */
function notModified(req: FastifyRequest, page: CachedPage): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) return etagMatches(inm, page.etag);
  const ims = req.headers['if-modified-since'];
  if (!ims) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && page.modifiedMs <= since;
}

/** Sends a ready page (or 304). */
export function sendCached(req: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply {
  reply.headers(page.headers);
  if (page.status === 200 && notModified(req, page)) return reply.code(304).send();
  return reply.code(page.status).header('content-type', page.contentType).send(page.body);
}

// Builds `key` once for every concurrent miss; the page is stored only if no change evicted anything while it was built.
function startBuild(key: string, build: () => Promise<RenderedPage | null>, cache: PageCache): Promise<CachedPage | RenderedPage | null> {
  const generation = cache.generation;
  const pending = build().then((r) => {
    const page = r && r.status === 200 ? toCachedPage(r) : r;
    if (page && 'etag' in page && cache.generation === generation) cache.set(key, page);
    return page;
  });
  building.set(key, pending);
  void pending.finally(() => building.delete(key)).catch(() => undefined);
  return pending;
}

/**
 * Serves the page cached under `key`, building it on a miss (concurrent misses share one build). A request that
 * arrives while that build runs gets the copy a change just evicted, if there is one, instead of waiting: it came at
 * the same moment as the change, and the request that started the build (and every later one) gets the fresh page.
 * With `background` (search results, which may lag anyway), even the first request gets the evicted copy and the
 * rebuild runs behind it. `build` returns null for "no such page": nothing is sent and the result is false (the
 * caller answers 404). Only 200 pages are cached.
 */
export async function serveCached(req: FastifyRequest, reply: FastifyReply, rt: SiteRuntime, key: string,
  build: () => Promise<RenderedPage | null>, cache: PageCache = rt.cache, opts: { background?: boolean } = {}): Promise<boolean> {
  const sync = rt.maybeSync();
  if (sync) await sync;
  const hit = cache.get(key);
  if (hit) {
    sendCached(req, reply, hit);
    return true;
  }
  let pending = building.get(key);
  const previous = (pending || opts.background) && cache.stale(key);
  if (previous) {
    if (!pending) rt.inBackground(key, async () => { if (!cache.get(key)) await (building.get(key) ?? startBuild(key, build, cache)); });
    sendCached(req, reply, previous);
    return true;
  }
  pending ??= startBuild(key, build, cache);
  const result = await pending;
  if (result === null) return false;
  if ('etag' in result) sendCached(req, reply, result);
  else sendPage(reply, result);
  return true;
}

/** Sends a rendered page that is not cached (errors, search). */
export function sendPage(reply: FastifyReply, r: RenderedPage): FastifyReply {
  return reply.code(r.status).type(r.contentType).header('cache-control', r.cacheControl).send(r.body);
}
