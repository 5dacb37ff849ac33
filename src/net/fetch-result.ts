/**
 * What a fetch can end with. Expected outcomes (refused, timeout, 404, a PDF …) are values, never
 * throws, so callers can store and show them; `message` is one line an editor can read.
 */
import type { Refusal, RefusalRule } from './address-policy.ts';

/** What sort of document answered, from Content-Type and a sniff of the first bytes. */
export type ContentKind = 'html' | 'xml' | 'feed' | 'json' | 'pdf' | 'image' | 'text' | 'other';

/** Why a fetch failed. */
export type FailureReason =
  | 'refused'
  | 'bad-url'
  | 'dns'
  | 'unreachable'
  | 'timeout'
  | 'http-status'
  | 'too-large'
  | 'decompression-bomb'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'robots'
  | 'tls'
  | 'bad-response';

/** A document was received (2xx). */
export interface FetchOk {
  ok: true;
  notModified: false;
  status: number;
  /** The final URL after redirects. */
  url: string;
  /** Every URL that answered with a redirect, in order (the requested URL first). */
  redirects: string[];
  /** The status of each of those redirects (301, 302, 303, 307, 308), in the same order. */
  redirectStatuses?: number[];
  contentType: string;
  kind: ContentKind;
  /** The charset the text was decoded with (text kinds), else ''. */
  charset: string;
  /** Decoded text for html, xml, feed, json and text kinds. */
  text?: string;
  /** The body after content decoding (gzip/br/deflate undone). */
  bytes: Buffer;
  etag?: string;
  lastModified?: string;
  /** Response headers, names lower-cased, repeated headers joined with ', '. */
  headers: Record<string, string>;
}

/** The server said 304 Not Modified to the validators the caller gave. */
export interface FetchNotModified {
  ok: true;
  notModified: true;
  status: 304;
  url: string;
  redirects: string[];
  /** The status of each redirect, in the same order as `redirects`. */
  redirectStatuses?: number[];
  etag?: string;
  lastModified?: string;
  headers: Record<string, string>;
}

/** The fetch did not produce a document. */
export interface FetchFailure {
  ok: false;
  reason: FailureReason;
  /** For reason 'refused': which SSRF rule. */
  rule?: RefusalRule;
  /** For reason 'http-status': the status received. */
  status?: number;
  message: string;
  /** The URL that failed (the hop that failed, after redirects). */
  url: string;
  redirects?: string[];
  /** For 'http-status': the response headers (Retry-After matters to pollers). */
  headers?: Record<string, string>;
}

/** Every outcome of Fetcher.fetch. */
export type FetchResult = FetchOk | FetchNotModified | FetchFailure;

/** Thrown inside the connection layer when a destination is refused; turned into a FetchFailure. */
export class RefusedError extends Error {
  /** Stable code so the error can be recognised after undici passes it along. */
  readonly code = 'NEWSDESK_REFUSED';
  /** The rule and message. */
  readonly refusal: Refusal;
  constructor(refusal: Refusal) {
    super(refusal.message);
    this.refusal = refusal;
  }
}

/** Thrown by the body reader when a cap is hit; turned into a FetchFailure. */
export class CapError extends Error {
  /** Which cap. */
  readonly reason: 'too-large' | 'decompression-bomb' | 'bad-response';
  constructor(reason: CapError['reason'], message: string) {
    super(message);
    this.reason = reason;
  }
}

/** Builds a failure value. */
export function failure(reason: FailureReason, url: string, message: string, extra: Partial<FetchFailure> = {}): FetchFailure {
  return { ok: false, reason, message, url, ...extra };
}

const KIND_WORDS: Record<ContentKind, string> = {
  html: 'an HTML page',
  xml: 'an XML document',
  feed: 'a news feed',
  json: 'JSON data',
  pdf: 'a PDF',
  image: 'an image',
  text: 'plain text',
  other: 'a file that is not a web page',
};

function size(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** One line for an editor: why it failed, or what came back ("this URL is a PDF (1.2 MB)"). */
export function describeResult(r: FetchResult): string {
  if (!r.ok) return r.message;
  if (r.notModified) return `not modified since the last fetch: ${r.url}`;
  const type = r.contentType ? `${r.contentType}, ` : '';
  return `this URL is ${KIND_WORDS[r.kind]} (${type}${size(r.bytes.length)})`;
}

interface ErrorLike {
  code?: string;
  name?: string;
  message?: string;
  cause?: unknown;
}

// undici sometimes wraps the socket's error; look through `cause` for the first one we know.
function findCode(err: unknown): ErrorLike {
  let e = err as ErrorLike | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (e.code || e.name === 'AbortError' || e.name === 'TimeoutError') return e;
    e = e.cause as ErrorLike | undefined;
  }
  return (err as ErrorLike) ?? {};
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'EADDRNOTAVAIL']);
const TIMEOUTS = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT', 'ABORT_ERR', 'UND_ERR_ABORTED']);

/** Maps an error thrown while fetching `url` to a typed failure with a readable message. */
export function errorToFailure(err: unknown, url: string, host: string): FetchFailure {
  if (err instanceof RefusedError) return failure('refused', url, err.message, { rule: err.refusal.rule });
  if (err instanceof CapError) return failure(err.reason, url, err.message);
  const e = findCode(err);
  const code = e.code ?? '';
  if (code === 'NEWSDESK_REFUSED') {
    const ref = (e as unknown as RefusedError).refusal;
    return failure('refused', url, ref.message, { rule: ref.rule });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL' || code === 'ENODATA') {
    return failure('dns', url, `${host}: no such host (DNS lookup failed)`);
  }
  if (TIMEOUTS.has(code) || e.name === 'TimeoutError' || e.name === 'AbortError') {
    return failure('timeout', url, `${host} took too long to answer`);
  }
  if (code === 'UND_ERR_HEADERS_OVERFLOW') return failure('bad-response', url, `${host} sent response headers that are too large`);
  if (/^(ERR_SSL|ERR_TLS|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|EPROTO)/.test(code)) {
    return failure('tls', url, `${host}: secure connection failed (${code})`);
  }
  if (UNREACHABLE.has(code)) return failure('unreachable', url, `${host} could not be reached (${code})`);
  if (code.startsWith('HPE_') || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' || code === 'Z_DATA_ERROR' || code.startsWith('ERR_ZLIB') || code === 'Z_BUF_ERROR') {
    return failure('bad-response', url, `${host} sent a malformed response (${code})`);
  }
  return failure('unreachable', url, `${host} could not be fetched: ${e.message ?? String(err)}`);
}
