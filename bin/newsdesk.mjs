#!/usr/bin/env node
// Runs the TypeScript entry through tsx so that `npm start` and `npx newsdesk` need no build step.
//
// `newsdesk worker` runs in a worker thread with a capped V8 heap (NEWSDESK_WORKER_HEAP_MB). Node's default heap
// grows to several times a feed worker's live data (BENCHMARKS.md, Feeds), and V8 takes a heap limit only when an
// isolate starts, so the cap must be chosen here, before any TypeScript loads. A thread costs one small isolate; a
// re-executed `node --max-old-space-size` child would cost a second Node process (~40 MB of RSS more, measured).
import fs from 'node:fs';
import { isMainThread, Worker } from 'node:worker_threads';

/** Default heap cap of `newsdesk worker` in MB; keep in step with NEWSDESK_WORKER_HEAP_MB in src/config/config.ts. */
const DEFAULT_WORKER_HEAP_MB = 128;

/** The command name: the first argument that is neither an option nor the value of `--as`. */
function commandName(args) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--as') i++;
    else if (!args[i].startsWith('-')) return args[i];
  }
  return undefined;
}

/**
 * NEWSDESK_WORKER_HEAP_MB from the environment or the NEWSDESK_CONFIG file (the environment wins), as config.ts
 * reads it. A value that is not a whole number in range is left to config.ts, which reports it by name and exits.
 */
function workerHeapMb(env) {
  let value = env.NEWSDESK_WORKER_HEAP_MB;
  if ((value === undefined || value === '') && env.NEWSDESK_CONFIG) {
    try { value = JSON.parse(fs.readFileSync(env.NEWSDESK_CONFIG, 'utf8')).NEWSDESK_WORKER_HEAP_MB; } catch { value = undefined; }
  }
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) && n >= 32 && n <= 16_384 ? n : DEFAULT_WORKER_HEAP_MB;
}

/** Runs this file again in a worker thread with the heap cap; signals are forwarded and its exit code is ours. */
function runInThread(heapMb) {
  const thread = new Worker(new URL(import.meta.url), { argv: process.argv.slice(2), resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  // Threads receive no OS signals; the thread's own handlers (cli/serve.ts onShutdown) get them re-emitted.
  for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => thread.postMessage({ signal }));
  thread.on('error', (err) => {
    const why = err?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `the worker ran out of its ${heapMb} MB heap (NEWSDESK_WORKER_HEAP_MB)` : `unexpected error: ${err?.stack ?? err}`;
    process.stderr.write(`newsdesk: ${why}\n`);
    process.exitCode = 1;
  });
  thread.on('exit', (code) => process.exit(process.exitCode || code));
}

if (isMainThread && commandName(process.argv.slice(2)) === 'worker') {
  runInThread(workerHeapMb(process.env));
} else {
  if (!isMainThread) {
    const { parentPort } = await import('node:worker_threads');
    parentPort.on('message', (m) => { if (m?.signal) process.emit(m.signal, m.signal); });
    parentPort.unref();
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
