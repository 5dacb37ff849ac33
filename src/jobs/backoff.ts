/** Exponential backoff with full jitter: attempt 1 waits about `baseMs`, doubling up to `capMs`. */
export function backoffMs(attempt: number, opts: { baseMs?: number; capMs?: number; random?: () => number } = {}): number {
  const base = opts.baseMs ?? 10_000;
  const cap = opts.capMs ?? 3_600_000;
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  // Half fixed, half random: retries of many failed jobs spread out instead of stampeding together.
  const random = opts.random ?? Math.random;
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
