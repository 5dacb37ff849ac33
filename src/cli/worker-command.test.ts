import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { BIN, cleanEnv, runCli } from '../testing/run-cli.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nd-worker-cmd-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Starts `newsdesk worker`, waits for its start line, stops it with SIGTERM; returns the line, the exit code and the output. */
function startAndStop(env: NodeJS.ProcessEnv): Promise<{ started: Record<string, unknown>; code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'worker'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let started: Record<string, unknown> | undefined;
    const onData = (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.includes('"msg":"worker started"'));
      if (line && !started) {
        started = JSON.parse(line) as Record<string, unknown>;
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => (started ? resolve({ started, code, out }) : reject(new Error(`worker exited with ${code} before starting: ${out}`))));
  });
}

describe('newsdesk worker', () => {
  let n = 0;
  const env = (extra: Record<string, string>) => cleanEnv({ NEWSDESK_DATA_DIR: path.join(tmp, String(n++)), LOG_LEVEL: 'info', ...extra });

  it('runs with the V8 heap capped at NEWSDESK_WORKER_HEAP_MB by default, and stops cleanly on SIGTERM', { timeout: 60_000 }, async () => {
    const r = await startAndStop(env({}));
    // The limit V8 reports is the old generation cap plus the young generation; Node's own default is gigabytes.
    const limit = Number(r.started.heapLimitMb);
    assert.ok(limit >= 128 && limit < 256, `heap limit ${limit} MB for the 128 MB default`);
    assert.equal(r.code, 0);
    assert.match(r.out, /"msg":"shutting down"/);
  });

  it('takes the cap from the config file, and the environment over the file', { timeout: 60_000 }, async () => {
    const file = path.join(tmp, 'config.json');
    fs.writeFileSync(file, JSON.stringify({ NEWSDESK_WORKER_HEAP_MB: 64 }));
    const fromFile = Number((await startAndStop(env({ NEWSDESK_CONFIG: file }))).started.heapLimitMb);
    assert.ok(fromFile >= 64 && fromFile < 128, `heap limit ${fromFile} MB for 64 MB from the file`);
    const fromEnv = Number((await startAndStop(env({ NEWSDESK_CONFIG: file, NEWSDESK_WORKER_HEAP_MB: '300' }))).started.heapLimitMb);
    assert.ok(fromEnv >= 300 && fromEnv < 400, `heap limit ${fromEnv} MB for 300 MB from the environment`);
  });

  it('names a bad NEWSDESK_WORKER_HEAP_MB in one line and exits 2', { timeout: 60_000 }, async () => {
    const r = await runCli(['worker'], { env: env({ NEWSDESK_WORKER_HEAP_MB: '8' }) });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^newsdesk: config: NEWSDESK_WORKER_HEAP_MB must be at least 32 \(got "8"\)$/m);
  });
});
