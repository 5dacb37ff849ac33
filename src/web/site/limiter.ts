/**
 * At most `max` tasks at once; the rest wait in order. Searches use it: a SQLite query blocks the event loop while it
 * runs, so a flood of expensive searches must queue (without blocking) instead of starving every other page.
 */
export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly max: number, private readonly maxWaiting: number) {}

  /** Runs `task` when a slot is free; resolves to null at once when too many are already waiting (the caller sheds load). */
  async run<T>(task: () => Promise<T>): Promise<T | null> {
    if (this.running >= this.max) {
      if (this.waiting.length >= this.maxWaiting) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
