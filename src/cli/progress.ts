/** Progress for long commands: a live line on a terminal, nothing in a pipe or a log. */
export interface Progress {
  update(done: number, total: number, note?: string): void;
  done(summary?: string): void;
}

/** A progress reporter on standard error, silent unless standard error is a terminal. */
export function progress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const live = Boolean(stream.isTTY) && !process.env.CI;
  let last = 0;
  return {
    update(done, total, note) {
      if (!live) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const pct = total ? Math.floor((done / total) * 100) : 0;
      stream.write(`\r${label}: ${done}/${total} (${pct}%)${note ? ` ${note}` : ''}\x1b[K`);
    },
    done(summary) {
      if (live) stream.write(`\r\x1b[K${summary ? `${label}: ${summary}\n` : ''}`);
    },
  };
}
