/**
 * Politeness: at most N requests in flight to one host at a time, whoever asks (feed poller,
 * link checker, an editor's paste). A small counting semaphore per host, FIFO.
 */

interface Slot {
  active: number;
  waiting: Array<{ grant: () => void; reject: (err: unknown) => void }>;
}

/** A per-host counting semaphore. */
export class HostLimiter {
  private readonly slots = new Map<string, Slot>();
  private readonly perHost: number;

  /** `perHost` is the most requests allowed in flight to one host. */
  constructor(perHost: number) {
    this.perHost = Math.max(1, Math.floor(perHost));
  }

  /** Waits for a permit for `host`; resolves to the release function. Rejects if `signal` aborts first. */
  acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    const key = host.toLowerCase();
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { active: 0, waiting: [] };
      this.slots.set(key, slot);
    }
    const s = slot;
    const release = this.releaser(key, s);
    if (s.active < this.perHost) {
      s.active++;
      return Promise.resolve(release);
    }
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
        reject,
      };
      const onAbort = () => {
        const i = s.waiting.indexOf(waiter);
        if (i >= 0) s.waiting.splice(i, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      s.waiting.push(waiter);
    });
  }

  /** Requests in flight to `host` now (for tests and metrics). */
  active(host: string): number {
    return this.slots.get(host.toLowerCase())?.active ?? 0;
  }

  private releaser(key: string, slot: Slot): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      // Hand the permit straight to the next waiter so `active` never overshoots.
      const next = slot.waiting.shift();
      if (next) return next.grant();
      slot.active--;
      if (slot.active === 0 && slot.waiting.length === 0) this.slots.delete(key);
    };
  }
}
