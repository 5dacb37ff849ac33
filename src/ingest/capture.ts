import crypto from 'node:crypto';
import type { Extraction } from '../model/capture.ts';
import { stripControls } from '../model/text.ts';
import { canonicalizeUrl } from '../model/url.ts';
import type { ExtractOptions } from '../extract/extract.ts';
import { extractInThread } from './extract-thread.ts';
import { describeResult, type FetchResult } from '../net/fetch-result.ts';
import { checkTarget } from '../net/safe-fetch.ts';
import { findCaptureByUrl, insertCapture } from '../store/captures.ts';
import type { Store } from '../store/open.ts';

/** Fetches one URL; in production a safeFetch fetcher, so every SSRF and size rule applies. */
export type FetchPage = (url: string) => Promise<FetchResult>;

/** Why a capture did not happen. */
export type CaptureFailure = 'bad-url' | 'fetch-failed' | 'not-html' | 'not-an-article' | 'empty-page';

/** The outcome of capturing a URL: a stored capture (new or existing), or a typed failure with one line to show. */
export type CaptureOutcome =
  | { ok: true; captureId: number; existing: boolean; canonicalUrl: string; extraction: Extraction; warnings: string[] }
  | { ok: false; reason: CaptureFailure; message: string; fetch?: FetchResult };

/** Options of one capture. */
export interface CaptureOptions {
  refresh?: boolean;
  userId?: number | null;
  now: () => Date;
  extract?: ExtractOptions;
}

/** Capture a URL: fetch → extract → store. A URL already captured (by its own or canonical form) returns that capture unless `refresh`. */
export async function captureUrl(store: Store, fetchPage: FetchPage, rawUrl: string, opts: CaptureOptions): Promise<CaptureOutcome> {
  // 1. Only absolute http(s) URLs.
  const url = canonicalizeUrl(rawUrl);
  if (!url) return notHttp(rawUrl);
  // 2. Reuse an earlier capture of the same page.
  if (!opts.refresh) {
    const known = await findCaptureByUrl(store.db, [url, rawUrl.trim()]);
    if (known) return existing(known.id, known.canonicalUrl, known.extraction);
  }
  // 3. Fetch through the guard; explain anything that is not an HTML page.
  const fetched = await fetchPage(url);
  if (!fetched.ok) return { ok: false, reason: 'fetch-failed', message: describeResult(fetched), fetch: fetched };
  if (fetched.notModified) return { ok: false, reason: 'fetch-failed', message: `${url} answered 304 Not Modified without validators`, fetch: fetched };
  if (fetched.kind !== 'html' || fetched.text === undefined) return { ok: false, reason: 'not-html', message: describeResult(fetched), fetch: fetched };
  // 4. Extract (in a thread: seconds of CPU on a large page); a page that is not an article is a typed refusal.
  // The page is kept without C0 controls: PostgreSQL cannot store a NUL, and the hash must match what is stored.
  const html = stripControls(fetched.text);
  const result = await extractInThread(html, fetched.url, opts.extract);
  if (!result.ok) return { ok: false, reason: result.reason === 'empty-page' ? 'empty-page' : 'not-an-article', message: result.message };
  const extraction = result.extraction;
  const canonical = canonicalizeUrl(extraction.canonicalUrl) ?? canonicalizeUrl(fetched.url) ?? url;
  // 5. The page may name a canonical URL we already captured under another address.
  if (!opts.refresh && canonical !== url) {
    const known = await findCaptureByUrl(store.db, [canonical]);
    if (known) return existing(known.id, known.canonicalUrl, known.extraction);
  }
  // 6. Keep the snapshot as evidence, with what the fetch said.
  const now = opts.now().toISOString();
  const captureId = await insertCapture(store.db, {
    url, canonicalUrl: canonical, finalUrl: fetched.url, htmlSha256: crypto.createHash('sha256').update(html).digest('hex'),
    html, httpStatus: fetched.status, contentType: fetched.contentType, fetchedAt: now, extraction, createdBy: opts.userId ?? null, now,
  });
  return { ok: true, captureId, existing: false, canonicalUrl: canonical, extraction, warnings: warningsOf(extraction) };
}

// Another scheme (file:, gopher:, javascript: …): the fetch guard's own check (no I/O) names the rule, so the
// outcome carries it exactly as a refused http(s) destination does.
function notHttp(rawUrl: string): CaptureOutcome {
  const trimmed = rawUrl.trim();
  const refusal = URL.canParse(trimmed) ? checkTarget(new URL(trimmed), []) : null;
  return { ok: false, reason: 'bad-url', message: `"${rawUrl.slice(0, 200)}" is not an http(s) URL`, ...(refusal ? { fetch: refusal } : {}) };
}

function existing(captureId: number, canonicalUrl: string, extraction: Extraction): CaptureOutcome {
  return { ok: true, captureId, existing: true, canonicalUrl, extraction, warnings: warningsOf(extraction) };
}

/** The problems an editor should see, one line each. */
export function warningsOf(e: Extraction): string[] {
  const out = (e.warnings ?? []).map((w) => `${w.field}: ${w.message}`);
  if (e.paywalled) out.unshift('body: probably paywalled (only a teaser was found)');
  return out;
}
