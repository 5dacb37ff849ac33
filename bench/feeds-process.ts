/*
 * The feeds benchmark's worker processes: `newsdesk worker` started exactly as a deployment starts it
 * (`node bin/newsdesk.mjs worker`, settings in the environment, no NODE_OPTIONS), measured from outside
 * through /proc: resident memory of the whole process tree (threads and any child such as tsx's esbuild
 * service included), the kernel's peak for the worker process, and CPU time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'newsdesk.mjs');
const CLOCK_TICKS = 100; // USER_HZ on Linux (getconf CLK_TCK)
const MB = 1024; // /proc reports kB

/** A running `newsdesk worker` and its measurements so far. */
export interface WorkerProcess {
  child: ChildProcess;
  logFile: string;
  /** Largest sum of VmRSS over the process tree, sampled every 250 ms. */
  peakTreeRssMb: number;
  /** The first log line: `heapLimitMb` shows the heap cap the launcher applied. */
  started: Record<string, unknown>;
  /** Tree RSS once started, before any feed exists (the baseline). */
  rssAtStartMb: number;
}

function children(pid: number): number[] {
  try {
    return fs.readdirSync(`/proc/${pid}/task`).flatMap((t) => fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

/** Every pid of the tree rooted at `pid`. */
export function tree(pid: number): number[] {
  return [pid, ...children(pid).flatMap(tree)];
}

function statusKb(pid: number, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Sum of VmRSS over the tree, in MB. */
export function treeRssMb(pid: number): number {
  return tree(pid).reduce((n, p) => n + statusKb(p, 'VmRSS'), 0) / MB;
}

/** User + system CPU seconds of the tree (threads included; reaped children through cutime/cstime). */
export function treeCpuSeconds(pid: number): number {
  return tree(pid).reduce((n, p) => {
    try {
      const f = fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return n + (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / CLOCK_TICKS;
    } catch {
      return n;
    }
  }, 0);
}

async function firstLine(file: string, child: ChildProcess): Promise<Record<string, unknown>> {
  for (let t = 0; t < 600; t++) {
    if (child.exitCode !== null) throw new Error(`newsdesk worker exited with ${child.exitCode}: ${fs.readFileSync(file, 'utf8')}`);
    const line = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').find((l) => l.includes('"worker started"')) : undefined;
    if (line) return JSON.parse(line) as Record<string, unknown>;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('newsdesk worker did not start within 60 s');
}

/** Starts `node bin/newsdesk.mjs worker` with `env` on top of a clean environment; resolves once it logged its start. */
export async function startWorker(env: Record<string, string>, logFile: string): Promise<WorkerProcess> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_OPTIONS' && k !== 'DATABASE_URL' && !k.startsWith('NEWSDESK_'))) as Record<string, string>;
  const out = fs.openSync(logFile, 'w');
  const prof = process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/feeds-prof'] : [];
  const child = spawn(process.execPath, [...prof, BIN, 'worker'], { env: { ...base, ...env }, stdio: ['ignore', out, 'inherit'] });
  fs.closeSync(out);
  const started = await firstLine(logFile, child);
  // Settle: the first schedule poll and the lazy modules of the idle loop.
  await new Promise((r) => setTimeout(r, 2000));
  const w: WorkerProcess = { child, logFile, started, rssAtStartMb: Math.round(treeRssMb(child.pid!)), peakTreeRssMb: 0 };
  const timer = setInterval(() => { w.peakTreeRssMb = Math.max(w.peakTreeRssMb, treeRssMb(child.pid!)); }, 250);
  child.once('exit', () => clearInterval(timer));
  return w;
}

/** Stops a worker as a supervisor does (SIGTERM) and returns what it used; a non-zero exit is an error. */
export async function stopWorker(w: WorkerProcess): Promise<{ cpuSeconds: number; peakTreeRssMb: number; peakRssMb: number; rssAtStartMb: number; heapLimitMb: unknown; logLines: number }> {
  const pid = w.child.pid!;
  w.peakTreeRssMb = Math.max(w.peakTreeRssMb, treeRssMb(pid));
  const cpuSeconds = treeCpuSeconds(pid);
  const peakRssMb = statusKb(pid, 'VmHWM') / MB;
  const code = await new Promise<number | null>((resolve) => { w.child.once('exit', (c) => resolve(c)); w.child.kill('SIGTERM'); });
  if (code !== 0) throw new Error(`newsdesk worker exited with ${code} on SIGTERM`);
  const logLines = fs.readFileSync(w.logFile, 'utf8').split('\n').filter(Boolean).length;
  return { cpuSeconds: +cpuSeconds.toFixed(1), peakTreeRssMb: Math.round(w.peakTreeRssMb), peakRssMb: Math.round(peakRssMb), rssAtStartMb: w.rssAtStartMb, heapLimitMb: w.started.heapLimitMb, logLines };
}
