import crypto from 'node:crypto';

/*
 * The in-process page cache. Each page is stored ready to send (body buffer, ETag, Last-Modified) together
 * with the keys of what it shows (`p:12` a piece, `a:3` a person, `o:2` an outlet, `t:5` a tag, `l:tag:5`
 * the membership of a list), so a change evicts exactly the pages that show the changed record.
 */

/** A page ready to send. */
export interface CachedPage {
  status: number;
  body: Buffer;
  contentType: string;
  etag: string;
  /** HTTP date. */
  lastModified: string;
  /** Milliseconds since the epoch of lastModified, for If-Modified-Since. */
  modifiedMs: number;
  cacheControl: string;
  keys: readonly string[];
  /** ETag, Last-Modified, Cache-Control and Surrogate-Key (the keys, so a CDN in front can purge by content too), set in one call. */
  headers: Record<string, string>;
}

/** What a page builder returns; the cache turns it into a CachedPage. */
export interface RenderedPage {
  status: number;
  body: string;
  contentType: string;
  /** What the page shows (see the keys above). */
  keys: readonly string[];
  /** The latest change of anything on the page (ISO); the page's Last-Modified. */
  modified: string;
  cacheControl: string;
}

// Fastly-style CDNs accept a few KB of keys; a page listing more keys is purged by its broader `l:` key anyway.
function surrogateKey(keys: readonly string[]): string {
  let out = '';
  for (const key of new Set(keys)) {
    if (out.length + key.length + 1 > 4000) break;
    out = out ? `${out} ${key}` : key;
  }
  return out;
}

/** Turns a rendered page into a sendable one: body bytes, a strong ETag from them, the HTTP date. */
export function toCachedPage(r: RenderedPage): CachedPage {
  const body = Buffer.from(r.body, 'utf8');
  const modified = new Date(r.modified);
  const modifiedMs = Number.isNaN(modified.getTime()) ? Date.now() : Math.floor(modified.getTime() / 1000) * 1000;
  const etag = `"${crypto.createHash('sha1').update(body).digest('base64url')}"`;
  const lastModified = new Date(modifiedMs).toUTCString();
  const keys = surrogateKey(r.keys);
  return {
    status: r.status, body, contentType: r.contentType, cacheControl: r.cacheControl, keys: r.keys, modifiedMs, etag, lastModified,
    headers: { etag, 'last-modified': lastModified, 'cache-control': r.cacheControl, ...(keys ? { 'surrogate-key': keys } : {}) },
  };
}

/** A bounded map of URL → page with a reverse index from content keys to URLs. */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly byKey = new Map<string, Set<string>>();
  private bytes = 0;
  // Pages evicted by a change, kept (within a quarter of the bounds) only to answer the requests that arrive while
  // their rebuild runs: after a publish, a popular page's readers would otherwise all queue behind one build.
  private readonly previous = new Map<string, CachedPage>();
  private previousBytes = 0;
  /** Increases on every eviction by content; a page built across an increase may be stale and is not stored. */
  generation = 0;

  constructor(private readonly maxEntries = 20_000, private readonly maxBytes = 256 * 1024 * 1024) {}

  /** The cached page for a URL key. */
  get(url: string): CachedPage | undefined {
    return this.pages.get(url);
  }

  /** The page a change evicted from `url`, until a fresh one is stored (see serveCached: only while it is rebuilt). */
  stale(url: string): CachedPage | undefined {
    return this.previous.get(url);
  }

  /** Stores a page, evicting the oldest entries past the bounds. */
  set(url: string, page: CachedPage): void {
    this.delete(url);
    this.forget(url);
    this.pages.set(url, page);
    this.bytes += page.body.length;
    for (const key of page.keys) {
      let urls = this.byKey.get(key);
      if (!urls) this.byKey.set(key, (urls = new Set()));
      urls.add(url);
    }
    while (this.pages.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.pages.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }

  /** True when some cached page shows `key`. */
  has(key: string): boolean {
    return (this.byKey.get(key)?.size ?? 0) > 0;
  }

  /** Evicts every page that shows any of `keys`; returns how many went. */
  invalidate(keys: Iterable<string>): number {
    this.generation++;
    let n = 0;
    for (const key of keys) {
      for (const url of [...(this.byKey.get(key) ?? [])]) {
        const page = this.pages.get(url);
        if (this.delete(url)) n++;
        if (page) this.keep(url, page);
      }
    }
    return n;
  }

  /** Evicts everything (settings changed, the day changed, or this process fell behind the change log). */
  clear(): void {
    this.generation++;
    for (const [url, page] of this.pages) this.keep(url, page);
    this.pages.clear();
    this.byKey.clear();
    this.bytes = 0;
  }

  /** Number of cached pages. */
  get size(): number {
    return this.pages.size;
  }

  private keep(url: string, page: CachedPage): void {
    this.forget(url);
    this.previous.set(url, page);
    this.previousBytes += page.body.length;
    while (this.previous.size > this.maxEntries / 4 || this.previousBytes > this.maxBytes / 4) {
      const oldest = this.previous.keys().next().value;
      if (oldest === undefined) break;
      this.forget(oldest);
    }
  }

  private forget(url: string): void {
    const page = this.previous.get(url);
    if (!page) return;
    this.previous.delete(url);
    this.previousBytes -= page.body.length;
  }

  private delete(url: string): boolean {
    const page = this.pages.get(url);
    if (!page) return false;
    this.pages.delete(url);
    this.bytes -= page.body.length;
    for (const key of page.keys) {
      const urls = this.byKey.get(key);
      urls?.delete(url);
      if (urls?.size === 0) this.byKey.delete(key);
    }
    return true;
  }
}
