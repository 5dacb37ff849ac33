/**
 * Runs extraction in a worker thread. Extraction is synchronous CPU work (a 10 MB page takes seconds), and a
 * capture made by an editor runs in the web process: in-process, it would stop every reader's request for that
 * long. The thread also bounds what a hostile page can cost: a page that takes longer than the time limit, or
 * needs more heap than the thread has, ends that page's extraction with a clear message, and the next page gets
 * a fresh thread. One thread, one page at a time: captures are an editor's action, not a stream.
 */
import { Worker } from 'node:worker_threads';
import type { ExtractOptions } from '../extract/extract.ts';
import type { ExtractResult } from '../model/capture.ts';

/** Longest an extraction may take (ms); the slowest of the 964 benchmark pages takes under 1 s. */
let timeLimitMs = 30_000;

/** Changes the time limit (tests use a short one). */
export function setExtractTimeLimit(ms: number): void {
  timeLimitMs = ms;
}
/** Heap of the extraction thread (MB): a 10 MB page peaks near 100 MB. */
const HEAP_MB = 256;
const ENTRY = new URL('./extract-thread-entry.mjs', import.meta.url);

interface Job {
  html: string;
  url: string;
  options: ExtractOptions;
  done: (result: ExtractResult) => void;
}

let worker: Worker | null = null;
let current: Job | null = null;
let timer: NodeJS.Timeout | null = null;
const queue: Job[] = [];

/** Extracts `html` in the extraction thread; never rejects (failures are typed results). */
export function extractInThread(html: string, url: string, options: ExtractOptions = {}): Promise<ExtractResult> {
  return new Promise((done) => {
    queue.push({ html, url, options, done });
    next();
  });
}

/** Sends the next queued page to the thread, starting one when there is none. */
function next(): void {
  if (current || queue.length === 0) return;
  const job = queue.shift()!;
  current = job;
  const thread = worker ?? start();
  thread.ref();
  timer = setTimeout(() => fail(`extraction stopped after ${timeLimitMs / 1000} s: the page is too large or too complex`), timeLimitMs);
  thread.postMessage({ html: job.html, url: job.url, options: job.options });
}

function start(): Worker {
  const thread = new Worker(ENTRY, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
  // A thread that was replaced (timed out, failed) may still speak or end: only the current one counts.
  thread.on('message', (m: { result: ExtractResult }) => {
    if (worker === thread) finish(m.result);
  });
  thread.on('error', (err: Error & { code?: string }) => {
    if (worker === thread) fail(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `extraction stopped: the page needed more than ${HEAP_MB} MB` : `extraction failed: ${err.message}`);
  });
  thread.on('exit', () => {
    if (worker === thread) fail('extraction stopped: the extraction thread ended');
  });
  worker = thread;
  return thread;
}

/** Ends the current page with `result` and moves on; an idle thread does not keep the process alive. */
function finish(result: ExtractResult): void {
  if (timer) clearTimeout(timer);
  timer = null;
  const job = current;
  current = null;
  job?.done(result);
  if (queue.length === 0) worker?.unref();
  next();
}

/** Ends the current page as a failure and replaces the thread, which may still be busy with it. */
function fail(message: string): void {
  const thread = worker;
  worker = null;
  void thread?.terminate();
  finish({ ok: false, reason: 'not-an-article', message });
}
