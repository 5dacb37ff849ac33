/**
 * safeFetch: the only way newsdesk reaches the web. One GET (or a form POST), redirects followed by
 * hand so that every hop passes the same SSRF checks, with deadlines, size caps, charset decoding,
 * conditional GET, optional robots.txt and per-host politeness. Returns a FetchResult; it
 * throws only for programming errors. HEAD (and a GET that reads no body) serve the link checker.
 */
import { STATUS_CODES } from 'node:http';
import type { Agent } from 'undici';
import { checkHost, checkUrlShape } from './address-policy.ts';
import { decodeBody } from './charset.ts';
import { contentKind, isTextKind, parseContentType } from './content-kind.ts';
import { isAllowed, parseFetchAllow, type AllowEntry } from './fetch-allow.ts';
import { errorToFailure, failure, RefusedError, type FetchFailure, type FetchResult } from './fetch-result.ts';
import { createGuardedAgent, type Resolver } from './guarded-agent.ts';
import { HostLimiter } from './host-limiter.ts';
import { discardBody, readBody } from './read-body.ts';
import { RobotsCache } from './robots.ts';

export { describeResult } from './fetch-result.ts';
export type { ContentKind, FailureReason, FetchFailure, FetchNotModified, FetchOk, FetchResult } from './fetch-result.ts';
export type { RefusalRule } from './address-policy.ts';
export { parseFetchAllow, type AllowEntry } from './fetch-allow.ts';
export type { ResolvedAddress, Resolver } from './guarded-agent.ts';

/** Settings of one fetcher; only `allow` and `userAgent` are required. */
export interface FetcherOptions {
  /** Raw NEWSDESK_FETCH_ALLOW value: comma-separated `host` or `host:port`; '' denies all non-public. */
  allow: string;
  /** Honest User-Agent, e.g. `newsdesk/0.1 (+https://example.org)`. */
  userAgent: string;
  connectTimeoutMs?: number;
  /** Deadline for the whole fetch, all redirects and the body included (default 20 s). */
  totalTimeoutMs?: number;
  maxRedirects?: number;
  /** Largest body on the wire (default 10 MB). */
  maxBytes?: number;
  /** Largest body after decompression (default 2 × maxBytes). */
  maxDecompressedBytes?: number;
  /** Largest decompression ratio past 1 MB of output (default 100). */
  maxRatio?: number;
  maxHeaderSize?: number;
  perHostConcurrency?: number;
  /** Honour robots.txt by default (feed polling: true; an editor's paste: false). */
  robots?: boolean;
  /** DNS resolver; tests inject one to make a name resolve to 127.0.0.1. */
  lookup?: Resolver;
}

/** Per-call options. */
export interface FetchOptions {
  /** ETag from the last fetch: sent as If-None-Match. */
  etag?: string;
  /** Last-Modified from the last fetch: sent as If-Modified-Since. */
  lastModified?: string;
  accept?: string;
  /** Overrides the fetcher's robots setting for this call. */
  robots?: boolean;
  signal?: AbortSignal;
  maxBytes?: number;
  /**
   * 'POST' sends `body` as application/x-www-form-urlencoded (WebSub hub requests). A POST passes the
   * same SSRF guard and caps, but is never re-sent: any redirect answer ends it as an 'http-status'
   * failure. Re-POSTing (307/308) would hand the form, a WebSub secret included, to whatever host the
   * Location names; downgrading to a GET without body (301/302/303, RFC 9110 §15.4) would report
   * success for a request the server never received. Validators (etag/lastModified) are not sent.
   */
  method?: 'GET' | 'POST' | 'HEAD';
  /** The form of a POST; ignored for GET. */
  body?: URLSearchParams;
  /**
   * Answer from the status and headers alone: a 2xx body is not read (the result's `bytes` is empty). The link
   * checker's GET fallback for servers that refuse HEAD uses it, so a link check never downloads a page. HEAD implies it.
   */
  headersOnly?: boolean;
}

/** A configured fetcher; share one per process so pooling and politeness work. */
export interface Fetcher {
  /** Fetches `url`; never throws for network, HTTP or policy outcomes. */
  fetch(url: string, opts?: FetchOptions): Promise<FetchResult>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

interface Settings {
  allow: AllowEntry[];
  userAgent: string;
  totalTimeoutMs: number;
  maxRedirects: number;
  maxBytes: number;
  maxDecompressedBytes?: number;
  maxRatio: number;
  robots: boolean;
}

type Hop = { redirect: string; status: number } | { result: FetchResult };

/** Checks one URL (first request or redirect target) before any connection is attempted. */
export function checkTarget(url: URL, allow: readonly AllowEntry[]): FetchFailure | null {
  const allowed = isAllowed(allow, url);
  const shape = checkUrlShape(url);
  if (shape && !(allowed && shape.rule === 'port-not-allowed')) return failure('refused', url.href, shape.message, { rule: shape.rule });
  if (allowed) return null;
  const host = checkHost(url.hostname);
  if (!host) return null;
  const other = allow.find((e) => e.host === url.hostname);
  const hint = other ? ` (NEWSDESK_FETCH_ALLOW opens only ${other.host}:${other.port})` : '';
  return failure('refused', url.href, host.message + hint, { rule: host.rule });
}

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function requestHeaders(s: Settings, opts: FetchOptions): Record<string, string> {
  const h: Record<string, string> = {
    'user-agent': s.userAgent,
    accept: opts.accept ?? DEFAULT_ACCEPT,
    // deflate is not offered: servers disagree on whether it is zlib-wrapped or raw.
    'accept-encoding': 'gzip, br',
  };
  if (opts.method === 'POST') {
    h['content-type'] = 'application/x-www-form-urlencoded';
    return h;
  }
  if (opts.etag) h['if-none-match'] = opts.etag;
  if (opts.lastModified) h['if-modified-since'] = opts.lastModified;
  return h;
}

/** Creates a fetcher. Throws (one line) only when `options.allow` is malformed. */
export function createFetcher(options: FetcherOptions): Fetcher {
  return new SafeFetcher(options);
}

// Resolves with the promise, or rejects with the signal's reason once it aborts (deadline).
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

class SafeFetcher implements Fetcher {
  private readonly s: Settings;
  private readonly agent: Agent;
  private readonly limiter: HostLimiter;
  private readonly robots: RobotsCache;

  constructor(options: FetcherOptions) {
    const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
    this.s = {
      allow: parseFetchAllow(options.allow ?? ''),
      userAgent: options.userAgent,
      totalTimeoutMs: options.totalTimeoutMs ?? 20_000,
      maxRedirects: options.maxRedirects ?? 5,
      maxBytes,
      maxDecompressedBytes: options.maxDecompressedBytes,
      maxRatio: options.maxRatio ?? 100,
      robots: options.robots ?? false,
    };
    this.agent = createGuardedAgent({
      allow: this.s.allow,
      resolver: options.lookup,
      connectTimeoutMs: options.connectTimeoutMs ?? Math.min(10_000, this.s.totalTimeoutMs),
      idleTimeoutMs: this.s.totalTimeoutMs,
      maxHeaderSize: options.maxHeaderSize ?? 64 * 1024,
    });
    this.limiter = new HostLimiter(options.perHostConcurrency ?? 2);
    // RFC 9309 asks crawlers to read at least 500 KiB of robots.txt; more is not needed.
    this.robots = new RobotsCache((u) => this.fetch(u, { robots: false, maxBytes: 512 * 1024, accept: 'text/plain' }));
  }

  /** Fetches `url`, following redirects by hand so every hop is checked. */
  async fetch(input: string, opts: FetchOptions = {}): Promise<FetchResult> {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      return failure('bad-url', input, `not a valid URL: ${input.slice(0, 200)}`);
    }
    const deadline = AbortSignal.timeout(this.s.totalTimeoutMs);
    const signal = opts.signal ? AbortSignal.any([deadline, opts.signal]) : deadline;
    const redirects: string[] = [];
    // Each redirect's status, so pollers can tell a permanent move (301/308) from a temporary one.
    const redirectStatuses: number[] = [];
    const seen = new Set<string>([url.href]);
    for (;;) {
      const stop = await this.beforeHop(url, opts, signal, redirects);
      if (stop) return stop;
      const hop = await this.requestOnce(url, opts, signal, redirects);
      if ('result' in hop) return hop.result.ok ? { ...hop.result, redirectStatuses } : hop.result;
      redirects.push(url.href);
      redirectStatuses.push(hop.status);
      let next: URL;
      try {
        next = new URL(hop.redirect, url);
      } catch {
        return failure('bad-response', url.href, `${url.host} redirected to an invalid URL`, { redirects });
      }
      next.hash = '';
      if (seen.has(next.href)) return failure('redirect-loop', next.href, `redirect loop: ${next.href} was already visited`, { redirects });
      if (redirects.length > this.s.maxRedirects) {
        return failure('too-many-redirects', next.href, `more than ${this.s.maxRedirects} redirects starting at ${redirects[0]}`, { redirects });
      }
      seen.add(next.href);
      url = next;
    }
  }

  /** Closes pooled connections, cutting any body still streaming. */
  close(): Promise<void> {
    return this.agent.destroy();
  }

  // The SSRF pre-check and, when enabled, robots.txt; a failure ends the fetch.
  private async beforeHop(url: URL, opts: FetchOptions, signal: AbortSignal, redirects: string[]): Promise<FetchFailure | null> {
    const refused = checkTarget(url, this.s.allow);
    if (refused) return { ...refused, redirects };
    if (!(opts.robots ?? this.s.robots)) return null;
    try {
      const verdict = await untilAborted(this.robots.check(url), signal);
      return verdict.allowed ? null : failure('robots', url.href, verdict.message ?? 'disallowed by robots.txt', { redirects });
    } catch (err) {
      return { ...this.caught(err, url, opts), redirects };
    }
  }

  private async requestOnce(url: URL, opts: FetchOptions, signal: AbortSignal, redirects: string[]): Promise<Hop> {
    let release: (() => void) | undefined;
    try {
      release = await this.limiter.acquire(url.hostname, signal);
      const post = opts.method === 'POST';
      const res = await this.agent.request({
        origin: url.origin, path: url.pathname + url.search, method: opts.method ?? 'GET', headers: requestHeaders(this.s, opts), signal,
        ...(post ? { body: (opts.body ?? new URLSearchParams()).toString() } : {}),
      });
      const headers = flatHeaders(res.headers);
      const status = res.statusCode;
      // A POST is never re-sent to a redirect target (see FetchOptions.method): the 3xx is its answer.
      if (!post && [301, 302, 303, 307, 308].includes(status) && headers.location) {
        await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
        return { redirect: headers.location, status };
      }
      if (status < 200 || status >= 300) {
        await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
        return { result: statusResult(url, status, headers, opts, redirects) };
      }
      if (opts.headersOnly || opts.method === 'HEAD') {
        discardBody(res.body);
        return { result: okResult(url, status, headers, Buffer.alloc(0), redirects) };
      }
      const cap = opts.maxBytes ?? this.s.maxBytes;
      const declared = Number(headers['content-length']);
      if (Number.isFinite(declared) && declared > cap) {
        discardBody(res.body);
        return { result: failure('too-large', url.href, `the body is larger than ${(cap / 1024 / 1024).toFixed(1)} MB (Content-Length ${declared})`, { redirects }) };
      }
      const caps = { maxBytes: cap, maxDecompressedBytes: this.s.maxDecompressedBytes ?? 2 * cap, maxRatio: this.s.maxRatio };
      const bytes = await readBody(res.body, headers['content-encoding'], caps, signal);
      return { result: okResult(url, status, headers, bytes, redirects) };
    } catch (err) {
      return { result: { ...this.caught(err, url, opts), redirects } };
    } finally {
      release?.();
    }
  }

  private caught(err: unknown, url: URL, opts: FetchOptions): FetchFailure {
    if (opts.signal?.aborted && !(err instanceof RefusedError)) return failure('timeout', url.href, 'the fetch was cancelled');
    const f = errorToFailure(err, url.href, url.host);
    if (f.reason === 'timeout') f.message += ` (limit ${this.s.totalTimeoutMs / 1000} s)`;
    return f;
  }
}

function statusResult(url: URL, status: number, headers: Record<string, string>, opts: FetchOptions, redirects: string[]): FetchResult {
  if (status === 304 && (opts.etag || opts.lastModified)) {
    return { ok: true, notModified: true, status: 304, url: url.href, redirects, etag: headers.etag, lastModified: headers['last-modified'], headers };
  }
  const text = STATUS_CODES[status] ?? 'unexpected status';
  const why = opts.method === 'POST' && status >= 300 && status < 400 ? '; a POST is not re-sent to a redirect' : '';
  return failure('http-status', url.href, `${url.host} answered ${status} ${text}${why}`, { status, redirects, headers });
}

function okResult(url: URL, status: number, headers: Record<string, string>, bytes: Buffer, redirects: string[]): FetchResult {
  const type = parseContentType(headers['content-type']);
  const kind = contentKind(type.mime, bytes.subarray(0, 2048));
  const decoded = isTextKind(kind) ? decodeBody(bytes, type.charset, kind) : null;
  return {
    ok: true,
    notModified: false,
    status,
    url: url.href,
    redirects,
    contentType: type.mime,
    kind,
    charset: decoded?.charset ?? '',
    ...(decoded ? { text: decoded.text } : {}),
    bytes,
    etag: headers.etag,
    lastModified: headers['last-modified'],
    headers,
  };
}
