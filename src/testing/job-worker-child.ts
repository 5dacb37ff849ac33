// A worker process for the multi-process queue test: drains the `record` jobs of the database named by
// NEWSDESK_CHILD_STORE and prints one line per job it ran, so the parent can check nobody ran a job twice.
import pino from 'pino';
import { createWorker } from '../jobs/worker.ts';
import { countsByState } from '../store/jobs.ts';
import { openStore } from '../store/open.ts';

const store = await openStore(JSON.parse(process.env.NEWSDESK_CHILD_STORE ?? '{}'));
const worker = createWorker({
  store,
  logger: pino({ level: 'silent' }),
  concurrency: 4,
  handlers: {
    record: async (payload) => {
      await new Promise((r) => setTimeout(r, 5));
      process.stdout.write(`ran ${String(payload.n)}\n`);
    },
  },
});
// Start together: the parent says "go" once every child has opened the store, so no child can drain
// the queue before the others are up (which would prove nothing about concurrent leasing).
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => { process.stdin.destroy(); resolve(); }));
for (;;) {
  await worker.tick();
  const c = await countsByState(store.db);
  if (!c.queued && !c.running) break;
}
await worker.stop();
await store.close();
