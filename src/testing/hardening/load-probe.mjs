// Test support only: loaded into the server under test with NODE_OPTIONS=--import by load-scenario.ts. Appends the
// server's own event-loop delay, second by second, to LOAD_PROBE_FILE, so the load report can tell stalls of the
// server from waiting in the load generator (which runs on the same, possibly shared, machine).
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.LOAD_PROBE_FILE;
if (file && process.argv.includes('serve')) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  setInterval(() => {
    fs.appendFileSync(file, `${JSON.stringify({ at: Date.now(), p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 })}\n`);
    delay.reset();
  }, 1000).unref();
}
