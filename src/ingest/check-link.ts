/*
 * checkLink: one outbound link checked through safeFetch (HEAD, then a GET that reads no body when HEAD answers an
 * HTTP error), classified, folded into the link's history by the model's policy and saved. checkDueLinks is the sweep.
 */
import { judgeLink, type LinkOutcome, type LinkState } from '../model/link-check.ts';
import { createFetcher, type FetcherOptions } from '../net/safe-fetch.ts';
import type { FetchResult } from '../net/fetch-result.ts';
import { claimDueLinks, getLinkCheck, notePiecesUsing, saveLinkCheck } from '../store/link-checks.ts';
import type { Store } from '../store/open.ts';

/** Fetches a link's status and headers; production passes createLinkFetch's, a safeFetch fetcher. */
export type LinkFetch = (url: string, opts: { method: 'HEAD' | 'GET' }) => Promise<FetchResult>;

/** What a check needs from the process. */
export interface CheckLinkDeps {
  store: Store;
  fetch: LinkFetch;
  now: () => Date;
  /** Tries per check for answers that may pass (5xx, timeouts, resets); default 2. */
  attempts?: number;
  /** Pause between those tries; default 2 s. */
  retryDelayMs?: number;
}

/** One check's result, for the CLI, logs and tests. */
export interface LinkCheckResult {
  url: string;
  outcome: LinkOutcome;
  state: LinkState;
  httpStatus: number | null;
  finalUrl: string | null;
  /** The SSRF rule for `refused`, else the fetch's failure reason; null when the link answered 2xx. */
  reason: string | null;
  message: string;
  consecutiveFailures: number;
}

/** A LinkFetch over safeFetch: one request per host at a time, no robots.txt (one HEAD a week to a link a person placed). */
export function createLinkFetch(options: FetcherOptions): { fetch: LinkFetch; close(): Promise<void> } {
  const fetcher = createFetcher({ totalTimeoutMs: 15_000, perHostConcurrency: 1, ...options, robots: false });
  return {
    fetch: (url, o) => fetcher.fetch(url, o.method === 'HEAD' ? { method: 'HEAD', accept: '*/*' } : { headersOnly: true }),
    close: () => fetcher.close(),
  };
}

// 5xx and network trouble may pass within seconds; a 4xx or a refusal will not.
function transient(r: FetchResult): boolean {
  if (r.ok) return false;
  if (r.reason === 'http-status') return (r.status ?? 0) >= 500 || r.status === 429;
  return r.reason === 'timeout' || r.reason === 'unreachable';
}

async function probe(deps: CheckLinkDeps, url: string): Promise<FetchResult> {
  const attempts = Math.max(1, deps.attempts ?? 2);
  let r: FetchResult | undefined;
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await new Promise((done) => setTimeout(done, deps.retryDelayMs ?? 2000));
    r = await deps.fetch(url, { method: 'HEAD' });
    // 405 Method Not Allowed and 501 Not Implemented mean "ask with GET"; and since some servers route HEAD apart
    // from GET (a 404 or 403 to HEAD for a page that exists), every HTTP error is confirmed by a GET before it counts.
    if (!r.ok && r.reason === 'http-status') r = await deps.fetch(url, { method: 'GET' });
    if (!transient(r)) break;
  }
  return r!;
}

/** Names what a fetch result means for a link. */
export function classify(r: FetchResult): { outcome: LinkOutcome; httpStatus: number | null; finalUrl: string | null; reason: string | null; message: string } {
  const finalUrl = r.redirects && r.redirects.length > 0 ? r.url : null;
  if (r.ok) return { outcome: finalUrl ? 'redirected' : 'ok', httpStatus: r.status, finalUrl, reason: null, message: finalUrl ? `moved to ${r.url}` : `answered ${r.status}` };
  const base = { httpStatus: r.status ?? null, finalUrl, message: r.message };
  if (r.reason === 'refused') return { ...base, outcome: 'refused', reason: r.rule ?? 'refused' };
  if (r.reason === 'http-status') return { ...base, outcome: r.status === 404 || r.status === 410 ? 'gone' : 'broken', reason: 'http-status' };
  if (['dns', 'unreachable', 'timeout', 'tls'].includes(r.reason)) return { ...base, outcome: 'unreachable', reason: r.reason };
  return { ...base, outcome: 'broken', reason: r.reason };
}

/** Checks one URL now and saves the verdict on its row (created if the URL was never registered). */
export async function checkLink(deps: CheckLinkDeps, url: string): Promise<LinkCheckResult> {
  // 1. The history so far decides whether a failure is still a blip.
  const row = await getLinkCheck(deps.store.db, url);
  // 2. Ask the server (HEAD, GET without body on 405/501), retrying what may pass.
  const c = classify(await probe(deps, url));
  // 3. Fold the outcome into the history: confirmation and the next check.
  const now = deps.now();
  const v = judgeLink({ consecutiveFailures: Number(row?.consecutive_failures ?? 0), firstFailedAt: row?.first_failed_at ?? null }, c.outcome, now);
  // 4. Save it where editors and the reader pages look.
  await saveLinkCheck(deps.store.db, {
    url, state: v.state, outcome: c.outcome, httpStatus: c.httpStatus, finalUrl: c.finalUrl, reason: c.reason, error: c.outcome === 'ok' ? null : c.message,
    consecutiveFailures: v.consecutiveFailures, firstFailedAt: v.firstFailedAt, checkedAt: now.toISOString(), nextCheckAt: v.nextCheckAt,
  });
  // 5. A new state may change what readers see (a gone image is hidden): the pages using the link are rebuilt.
  if ((row?.state ?? 'unchecked') !== v.state) await notePiecesUsing(deps.store.db, url);
  return { url, ...c, state: v.state, consecutiveFailures: v.consecutiveFailures };
}

/**
 * Claims up to `limit` due links and checks them, `concurrency` at a time (safeFetch keeps one request per host).
 * No new check starts once `signal` aborts (shutdown) or after `budgetMs` (default 4 min, within the job lease);
 * links claimed but left unchecked are due again when their claim ends.
 */
export async function checkDueLinks(deps: CheckLinkDeps, opts: { limit?: number; concurrency?: number; signal?: AbortSignal; budgetMs?: number } = {}): Promise<LinkCheckResult[]> {
  const now = deps.now();
  // A claim outlives the slowest batch; a worker that dies leaves its links due again after it.
  const urls = await claimDueLinks(deps.store.db, { now: now.toISOString(), until: new Date(now.getTime() + 30 * 60_000).toISOString(), limit: opts.limit ?? 50 });
  const results: LinkCheckResult[] = [];
  const queue = [...urls];
  const stopAt = Date.now() + (opts.budgetMs ?? 4 * 60_000);
  const next = () => (opts.signal?.aborted || Date.now() > stopAt ? undefined : queue.shift());
  const lane = async () => {
    for (let url = next(); url !== undefined; url = next()) results.push(await checkLink(deps, url));
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 4) }, lane));
  return results;
}
