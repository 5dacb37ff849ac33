import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import * as jobs from '../store/jobs.ts';
import { storeKinds, type TestStore } from '../testing/test-stores.ts';
import { backoffMs } from './backoff.ts';
import { createWorker, type JobHandler } from './worker.ts';

const silent = pino({ level: 'silent' });

/** A clock the test moves by hand. */
function clock(start = '2026-01-01T00:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => { t += ms; }, iso: () => new Date(t).toISOString() };
}

function worker(store: TestStore, handlers: Record<string, JobHandler>, c = clock(), extra = {}) {
  return createWorker({ store, handlers, logger: silent, now: c.now, backoff: { baseMs: 1000, capMs: 60_000 }, ...extra });
}

describe('backoff', () => {
  it('doubles per attempt within jitter and stops at the cap', () => {
    assert.equal(backoffMs(1, { baseMs: 1000, random: () => 1 }), 1000);
    assert.equal(backoffMs(3, { baseMs: 1000, random: () => 1 }), 4000);
    assert.equal(backoffMs(3, { baseMs: 1000, random: () => 0 }), 2000);
    assert.equal(backoffMs(30, { baseMs: 1000, capMs: 60_000, random: () => 1 }), 60_000);
  });
});

for (const kind of storeKinds()) {
  describe(`job queue on ${kind.name}`, () => {
    it('runs a job once, with its payload, and marks it done', async () => {
      const store = await kind.create();
      const c = clock();
      try {
        const seen: unknown[] = [];
        const id = await jobs.enqueue(store.db, { name: 'capture', payload: { captureId: 7 }, runAt: c.iso() }, c.iso());
        const w = worker(store, { capture: async (p) => { seen.push(p); } }, c);
        assert.equal(await w.tick(), 1);
        assert.equal(await w.tick(), 0);
        assert.deepEqual(seen, [{ captureId: 7 }]);
        assert.equal((await jobs.getJob(store.db, id!))?.state, 'done');
      } finally { await store.close(); }
    });

    it('does not run a job before its time', async () => {
      const store = await kind.create();
      const c = clock();
      try {
        let runs = 0;
        await jobs.enqueue(store.db, { name: 'x', runAt: new Date(c.now().getTime() + 60_000).toISOString() }, c.iso());
        const w = worker(store, { x: async () => { runs++; } }, c);
        await w.tick();
        assert.equal(runs, 0);
        c.advance(60_000);
        await w.tick();
        assert.equal(runs, 1);
      } finally { await store.close(); }
    });

    it('retries with backoff and moves the job to dead letters with the last error', async () => {
      const store = await kind.create();
      const c = clock();
      try {
        const id = (await jobs.enqueue(store.db, { name: 'flaky', runAt: c.iso(), maxAttempts: 3 }, c.iso()))!;
        let runs = 0;
        const w = worker(store, { flaky: async () => { runs++; throw new Error(`boom ${runs}`); } }, c);
        await w.tick();
        let job = (await jobs.getJob(store.db, id))!;
        assert.equal(job.state, 'queued');
        assert.equal(job.last_error, 'boom 1');
        assert.ok(Date.parse(job.run_at) >= c.now().getTime() + 500, 'retry is delayed');
        await w.tick();
        assert.equal(runs, 1, 'not retried before the backoff elapsed');
        for (let i = 0; i < 2; i++) { c.advance(120_000); await w.tick(); }
        job = (await jobs.getJob(store.db, id))!;
        assert.equal(runs, 3);
        assert.equal(job.state, 'dead');
        assert.equal(job.last_error, 'boom 3');
        assert.equal((await jobs.listByState(store.db, 'dead')).length, 1);
        assert.equal(await jobs.retryDead(store.db, id, c.iso()), true);
        assert.equal((await jobs.getJob(store.db, id))?.state, 'queued');
      } finally { await store.close(); }
    });

    it('takes back a job whose lease expired (a crashed worker) and ignores the stale completion', async () => {
      const store = await kind.create();
      const c = clock();
      try {
        const id = (await jobs.enqueue(store.db, { name: 'slow', runAt: c.iso() }, c.iso()))!;
        const [taken] = await jobs.lease(store.db, store.dialect, { workerId: 'dead-worker', names: ['slow'], now: c.iso(), leaseUntil: new Date(c.now().getTime() + 1000).toISOString(), limit: 1 });
        assert.equal(taken?.id, id);
        let runs = 0;
        const w = worker(store, { slow: async () => { runs++; } }, c);
        await w.tick();
        assert.equal(runs, 0, 'lease still valid');
        c.advance(2000);
        await w.tick();
        assert.equal(runs, 1);
        assert.equal(await jobs.complete(store.db, id, 'dead-worker', c.iso()), false);
        const job = (await jobs.getJob(store.db, id))!;
        assert.equal(job.state, 'done');
        assert.equal(job.attempts, 2);
      } finally { await store.close(); }
    });

    it('stop() lets the job in flight finish before it resolves (graceful shutdown)', async () => {
      const store = await kind.create();
      const c = clock();
      try {
        const id = (await jobs.enqueue(store.db, { name: 'long', runAt: c.iso() }, c.iso()))!;
        let release!: () => void;
        let started!: () => void;
        const running = new Promise<void>((r) => { started = r; });
        const w = worker(store, { long: () => { started(); return new Promise<void>((r) => { release = r; }); } }, c, { pollMs: 10 });
        w.start();
        await running;
        let stopped = false;
        const stopping = w.stop().then(() => { stopped = true; });
        await new Promise((r) => setTimeout(r, 50));
        assert.equal(stopped, false, 'stop waits for the job');
        release();
        await stopping;
        assert.equal((await jobs.getJob(store.db, id))?.state, 'done');
      } finally { await store.close(); }
    });

    it('runs each lane up to its own limit and never beyond', async () => {
      const store = await kind.create();
      const c = clock();
      try {
        for (let n = 0; n < 12; n++) await jobs.enqueue(store.db, { name: 'feeds.refresh', runAt: c.iso() }, c.iso());
        for (let n = 0; n < 6; n++) await jobs.enqueue(store.db, { name: 'capture', runAt: c.iso() }, c.iso());
        const running = { 'feeds.refresh': 0, capture: 0 };
        const peak = { 'feeds.refresh': 0, capture: 0 };
        const counted = (name: keyof typeof running): JobHandler => async () => {
          peak[name] = Math.max(peak[name], ++running[name]);
          await new Promise((r) => setTimeout(r, 30));
          running[name]--;
        };
        const w = worker(store, { 'feeds.refresh': counted('feeds.refresh'), capture: counted('capture') }, c,
          { pollMs: 5, concurrency: 2, lanes: [{ names: ['feeds.refresh'], concurrency: 3 }] });
        w.start();
        await until(async () => (await jobs.countsByState(store.db)).done === 18);
        await w.stop();
        assert.deepEqual(peak, { 'feeds.refresh': 3, capture: 2 });
      } finally { await store.close(); }
    });

    it('runs a capture while a flood of older feed refreshes fills the feed lane', async () => {
      const store = await kind.create();
      const c = clock();
      try {
        for (let n = 0; n < 40; n++) await jobs.enqueue(store.db, { name: 'feeds.refresh', runAt: c.iso() }, c.iso());
        c.advance(1000);
        await jobs.enqueue(store.db, { name: 'capture', runAt: c.iso() }, c.iso());
        let release!: () => void;
        const hosts = new Promise<void>((r) => { release = r; });
        let captured = false;
        const w = worker(store, { 'feeds.refresh': () => hosts, capture: async () => { captured = true; } }, c,
          { pollMs: 5, concurrency: 4, lanes: [{ names: ['feeds.refresh'], concurrency: 8 }] });
        w.start();
        await until(async () => captured);
        assert.equal((await jobs.countsByState(store.db)).running, 8, 'the feed lane is full and no wider');
        release();
        await w.stop();
      } finally { await store.close(); }
    });

    it('enqueues a job with a unique key only once', async () => {
      const store = await kind.create();
      const c = clock();
      try {
        const a = await jobs.enqueue(store.db, { name: 'publish', payload: { pieceId: 1 }, runAt: c.iso(), uniqueKey: 'publish:1' }, c.iso());
        const b = await jobs.enqueue(store.db, { name: 'publish', payload: { pieceId: 1 }, runAt: c.iso(), uniqueKey: 'publish:1' }, c.iso());
        assert.ok(a);
        assert.equal(b, null);
      } finally { await store.close(); }
    });

    it('turns a recurring schedule into one job per slot, even with two workers ticking', async () => {
      const store = await kind.create();
      const c = clock();
      try {
        await jobs.upsertSchedule(store.db, { name: 'feeds', jobName: 'tick', everySeconds: 60, firstRunAt: c.iso() });
        let runs = 0;
        const handlers = { tick: async () => { runs++; } };
        const w1 = worker(store, handlers, c);
        const w2 = worker(store, handlers, c);
        await Promise.all([w1.tick(), w2.tick()]);
        await Promise.all([w1.tick(), w2.tick()]);
        assert.equal(runs, 1);
        c.advance(61_000);
        await Promise.all([w1.tick(), w2.tick()]);
        await Promise.all([w1.tick(), w2.tick()]);
        assert.equal(runs, 2);
      } finally { await store.close(); }
    });

    it('two worker processes on one database never take the same job', { timeout: 120_000 }, async () => {
      const store = await kind.create();
      try {
        const total = 300;
        const now = new Date().toISOString();
        for (let n = 0; n < total; n++) await jobs.enqueue(store.db, { name: 'record', payload: { n }, runAt: now }, now);
        let readyCount = 0;
        let go!: () => void;
        const started = new Promise<void>((r) => { go = r; });
        const ready = () => { if (++readyCount === 2) go(); };
        const outputs = await Promise.all([runChild(store, ready, started), runChild(store, ready, started)]);
        const ran = outputs.flatMap((o) => o.split('\n').filter(Boolean));
        assert.equal(ran.length, total, 'every job ran exactly once in total');
        assert.equal(new Set(ran).size, total, 'no job ran twice');
        assert.ok(outputs.every((o) => o.length > 0), 'both workers took jobs');
        assert.deepEqual(await jobs.countsByState(store.db), { done: total });
      } finally { await store.close(); }
    });
  });
}

/** Waits until `done` holds (a worker started with `start()` runs on its own timers). */
async function until(done: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

function runChild(store: TestStore, ready: () => void, go: Promise<void>): Promise<string> {
  const script = fileURLToPath(new URL('../testing/job-worker-child.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, NEWSDESK_CHILD_STORE: JSON.stringify(store.reopen) },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      const before = out;
      out += d.toString();
      if (!before.includes('ready\n') && out.includes('ready\n')) {
        ready();
        void go.then(() => child.stdin.end('go\n'));
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out.replace('ready\n', '')) : reject(new Error(`worker exited with ${code}`))));
  });
}
