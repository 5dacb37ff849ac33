import { spawn, type ChildProcess } from 'node:child_process';
import { BIN } from '../run-cli.ts';

/*
 * The processes under test: `newsdesk serve --no-worker` and `newsdesk worker` as separate children on one
 * database, started, SIGKILLed and restarted by the crash suite. Output is kept only as a tail, for the
 * message of a failed start.
 */

/** Which process a kill hits. */
export type Target = 'server' | 'worker';

interface Running {
  child: ChildProcess;
  exited: Promise<void>;
  tail: () => string;
}

const READY: Record<Target, RegExp> = {
  server: /newsdesk is serving \S+ \(listening on /,
  worker: /"msg":"worker started"/,
};

function launch(target: Target, env: NodeJS.ProcessEnv, errors: string[]): Promise<Running> {
  const args = target === 'server' ? ['serve', '--no-worker'] : ['worker'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let ready = false;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const onData = (d: Buffer) => {
      // Only the last part matters (why a start failed); the rest would grow without bound over a long run.
      const text = d.toString();
      out = (out + text).slice(-20_000);
      // Errors a process logged (pino level 50+) are kept for the report: a 500 is a bug even when a retry hides it.
      for (const line of text.split('\n')) if (/"level":(50|60)/.test(line) && errors.length < 50) errors.push(`${target}: ${line.slice(0, 600)}`);
      if (!ready && READY[target].test(out)) {
        ready = true;
        resolve({ child, exited, tail: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => { if (!ready) reject(new Error(`${target} exited before it was ready (code ${child.exitCode}): ${out.slice(-4000)}`)); });
  });
}

/** A server and a worker on one database, each killable and restartable. */
export class CrashCluster {
  private readonly procs = new Map<Target, Running>();
  /** Processes started, by target (first starts included). */
  readonly starts: Record<Target, number> = { server: 0, worker: 0 };
  /** Error lines the processes logged (the first 50). */
  readonly errors: string[] = [];

  constructor(private readonly env: Record<Target, NodeJS.ProcessEnv>) {}

  /** Starts a target (it must not be running) and waits until it is ready. */
  async start(target: Target): Promise<void> {
    if (this.procs.has(target)) throw new Error(`${target} is already running`);
    this.procs.set(target, await launch(target, this.env[target], this.errors));
    this.starts[target]++;
  }

  /** SIGKILLs a target (no shutdown code runs) and waits until it is gone. */
  async kill(target: Target): Promise<void> {
    const p = this.procs.get(target);
    if (!p) return;
    this.procs.delete(target);
    p.child.kill('SIGKILL');
    await p.exited;
  }

  /** Stops a target the polite way (SIGTERM: requests and jobs in flight finish). */
  async stop(target: Target): Promise<void> {
    const p = this.procs.get(target);
    if (!p) return;
    this.procs.delete(target);
    p.child.kill('SIGTERM');
    await p.exited;
  }

  /** Stops both politely. */
  async stopAll(): Promise<void> {
    await Promise.all([this.stop('server'), this.stop('worker')]);
  }

  /** Kills whatever still runs (cleanup after a failed test). */
  async killAll(): Promise<void> {
    await Promise.all([this.kill('server'), this.kill('worker')]);
  }
}
