/*
 * When to poll a feed next: pure arithmetic over what the last poll learned. Publishers' hints
 * (Cache-Control max-age, <ttl>, Retry-After) can only make us poll *less* often than the feed's
 * interval, never more; errors back off exponentially with jitter so a failing outlet is not hammered
 * and a thousand feeds that failed together do not retry together.
 */

/** Limits of the polling schedule. */
export interface PollLimits {
  /** Never poll more often than this (the minimum interval: 2 min). */
  minIntervalSeconds: number;
  /** Never wait longer than this after a success, whatever the hints say. */
  maxIntervalSeconds: number;
  /** Longest wait between retries of a failing feed. */
  backoffCapSeconds: number;
  /** Consecutive failures after which the feed is paused until an editor resumes it. */
  pauseAfter: number;
}

/** Defaults: 2 min floor, 24 h ceiling, 6 h backoff cap, pause after 10 failures. */
export const DEFAULT_LIMITS: PollLimits = { minIntervalSeconds: 120, maxIntervalSeconds: 86_400, backoffCapSeconds: 6 * 3600, pauseAfter: 10 };

/** The default polling interval (15 min). */
export const DEFAULT_INTERVAL_SECONDS = 900;

/** `max-age` of a Cache-Control header in seconds, or null (absent, no-cache, malformed). */
export function cacheMaxAge(header: string | undefined): number | null {
  if (!header) return null;
  const m = /(?:^|,)\s*(?:s-)?max-age\s*=\s*"?(\d{1,10})"?/i.exec(header);
  return m ? Number(m[1]) : null;
}

/** Retry-After as seconds from `now`: delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or bad. */
export function retryAfterSeconds(header: string | undefined, now: Date): number | null {
  if (!header) return null;
  const h = header.trim();
  if (/^\d{1,10}$/.test(h)) return Number(h);
  const t = Date.parse(h);
  return Number.isFinite(t) ? Math.max(0, Math.round((t - now.getTime()) / 1000)) : null;
}

/** The interval an editor may set: at least the floor, at most a day. */
export function clampInterval(seconds: number, limits: PollLimits = DEFAULT_LIMITS): number {
  if (!Number.isFinite(seconds)) return DEFAULT_INTERVAL_SECONDS;
  return Math.min(limits.maxIntervalSeconds, Math.max(limits.minIntervalSeconds, Math.round(seconds)));
}

/** Seconds to wait after a successful poll (200 or 304), hints honoured, ±10% jitter to spread load. */
export function delayAfterSuccess(p: { intervalSeconds: number; maxAgeSeconds?: number | null; ttlSeconds?: number | null; random: () => number }, limits: PollLimits = DEFAULT_LIMITS): number {
  const base = Math.max(clampInterval(p.intervalSeconds, limits), p.maxAgeSeconds ?? 0, p.ttlSeconds ?? 0);
  const capped = Math.min(base, limits.maxIntervalSeconds);
  return Math.max(limits.minIntervalSeconds, Math.round(capped * (0.9 + 0.2 * p.random())));
}

/**
 * Seconds to wait after the n-th consecutive failure: interval × 2^(n-1) capped, half of it random
 * (jitter), and never sooner than the server's Retry-After.
 */
export function delayAfterFailure(p: { intervalSeconds: number; consecutiveErrors: number; retryAfterSeconds?: number | null; random: () => number }, limits: PollLimits = DEFAULT_LIMITS): number {
  const base = clampInterval(p.intervalSeconds, limits);
  const ceiling = Math.min(limits.backoffCapSeconds, base * 2 ** Math.max(0, Math.min(30, p.consecutiveErrors - 1)));
  const jittered = ceiling / 2 + (ceiling / 2) * p.random();
  const retry = Math.min(p.retryAfterSeconds ?? 0, limits.maxIntervalSeconds);
  return Math.round(Math.max(jittered, retry, limits.minIntervalSeconds));
}

/** True when a feed with this many consecutive failures should be paused. */
export function shouldPause(consecutiveErrors: number, limits: PollLimits = DEFAULT_LIMITS): boolean {
  return consecutiveErrors >= limits.pauseAfter;
}
