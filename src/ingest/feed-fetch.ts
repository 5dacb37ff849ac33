/*
 * The fetch used for polling: safeFetch with robots.txt honoured, feed media types first in Accept,
 * and one fetcher per custom User-Agent (an outlet may require its own), all sharing the settings.
 */
import { createFetcher, type Fetcher, type FetcherOptions } from '../net/safe-fetch.ts';
import type { FeedFetch } from './refresh-feed.ts';

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

/** A FeedFetch over safeFetch, and a way to close its connections. */
export interface FeedFetcher {
  fetch: FeedFetch;
  close(): Promise<void>;
}

/** Creates the polling fetch; `options.robots` defaults to true (feed polling honours robots.txt). */
export function createFeedFetch(options: FetcherOptions): FeedFetcher {
  const base = { robots: true, ...options };
  const byAgent = new Map<string, Fetcher>();
  const fetcherFor = (ua: string | null | undefined): Fetcher => {
    const agent = ua?.trim() || base.userAgent;
    let f = byAgent.get(agent);
    if (!f) {
      f = createFetcher({ ...base, userAgent: agent });
      byAgent.set(agent, f);
    }
    return f;
  };
  return {
    fetch: (url, o) => fetcherFor(o.userAgent).fetch(url, { etag: o.etag, lastModified: o.lastModified, accept: FEED_ACCEPT, signal: o.signal }),
    close: async () => {
      await Promise.all([...byAgent.values()].map((f) => f.close()));
      byAgent.clear();
    },
  };
}
