/*
 * Issue #8 §3 end to end: every hostile source captured through a real `newsdesk serve` (the editor's capture form,
 * all at once, while another client keeps reading the site) and through `newsdesk capture <url>`. Each capture must
 * end with its own clear reason (or, for pages that are ugly but valid, a draft with the right text); every other
 * request meanwhile must succeed; the server's peak RSS, sampled every 100 ms, must stay under 400 MB.
 * Timings are printed, never asserted: the only time bound is a generous one derived from the fetch deadline, so
 * that a capture which never answers fails the suite instead of hanging it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addUser } from '../../newsroom/accounts.ts';
import { migrateToLatest } from '../../store/migrate.ts';
import { openStore } from '../../store/open.ts';
import { cleanEnv, freePort, runCli, startServer, type Server } from '../run-cli.ts';
import { errorLine, HttpEditor, type HttpAnswer } from './editor-http.ts';
import { CHARSET_TEXT, startHostileSources, type HostileSources } from './hostile-sources.ts';

// The paste fetcher's deadline (safeFetch's default, which `serve` and `capture` use): a fetch ends within it.
const FETCH_TIMEOUT_S = 20;
// Generous: the deadline, plus extraction of a 10 MB page and a busy shared machine; only a hang exceeds it.
const ANSWER_BOUND_MS = FETCH_TIMEOUT_S * 1000 * 4;
const RSS_LIMIT_MB = 400;
const EDITOR = { email: 'hostile-editor@test.example', password: 'correct horse battery staple' };

/** What each hostile URL must come to: a refusal naming its reason, or a draft showing `text`. */
const EXPECTED: Record<string, { reason: RegExp } | { draft: string }> = {
  'gzip bomb': { reason: /expands more than 100× \(decompression bomb\)/ },
  '2 GB body (declared)': { reason: /the body is larger than 10\.0 MB \(Content-Length 2147483648\)/ },
  '2 GB body (chunked, undeclared)': { reason: /the body is larger than 10\.0 MB$/ },
  'one byte per second': { reason: new RegExp(`took too long to answer \\(limit ${FETCH_TIMEOUT_S} s\\)`) },
  '50 redirects': { reason: /more than 5 redirects starting at http:\/\/127\.0\.0\.1:\d+\/chain\/50/ },
  'redirect loop': { reason: /redirect loop: http:\/\/127\.0\.0\.1:\d+\/loop\/a was already visited/ },
  '10 MB single-line page': { draft: 'A very long single line' },
  'HTML nested 100,000 levels deep': { draft: 'Deeply nested' },
  'invalid UTF-8': { draft: 'Invalid bytes inside' },
  'charset that lies (UTF-8 declared, windows-1251 sent)': { draft: CHARSET_TEXT.headline },
  'charset that lies (windows-1251 declared, UTF-8 sent)': { draft: CHARSET_TEXT.headline },
  'never-ending chunked response': { reason: new RegExp(`took too long to answer \\(limit ${FETCH_TIMEOUT_S} s\\)`) },
  'TLS-less HTTPS port': { reason: /secure connection failed \(ERR_SSL_WRONG_VERSION_NUMBER\)/ },
};

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

/** Reads the home page and /healthz in a loop until stopped; counts answers and anything that was not a 200. */
function reader(base: string): { stop: () => Promise<{ ok: number; failures: string[]; slowestMs: number }> } {
  let running = true;
  const failures: string[] = [];
  let ok = 0;
  let slowestMs = 0;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const url = `${base}${i % 2 ? '/healthz' : '/'}`;
      const t0 = Date.now();
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(ANSWER_BOUND_MS) });
        await res.arrayBuffer();
        if (res.status === 200) ok++;
        else failures.push(`${url}: ${res.status}`);
      } catch (err) {
        failures.push(`${url}: ${(err as Error).message}`);
      }
      slowestMs = Math.max(slowestMs, Date.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return { stop: async () => { running = false; await loop; return { ok, failures, slowestMs }; } };
}

let sources: HostileSources;
let server: Server;
let dataDir: string;

before(async () => {
  sources = await startHostileSources();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-hostile-'));
  const store = await openStore({ dataDir });
  await migrateToLatest(store);
  await addUser(store, { email: EDITOR.email, role: 'editor', password: EDITOR.password, now: new Date() });
  await store.close();
  const port = await freePort();
  server = await startServer(cleanEnv({
    NEWSDESK_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', NEWSDESK_SITE_URL: `http://127.0.0.1:${port}`,
    NEWSDESK_DEMO: 'true', NEWSDESK_FETCH_ALLOW: sources.allow, LOG_LEVEL: 'warn',
  }));
});

after(async () => {
  await server?.stop();
  await sources?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function checkWebOutcome(editor: HttpEditor, name: string, answer: HttpAnswer): Promise<void> {
  const want = EXPECTED[name]!;
  if ('reason' in want) {
    assert.equal(answer.status, 422, `${name}: expected a refusal, got ${answer.status} ${answer.location ?? ''}`);
    const line = errorLine(answer.body);
    assert.match(line, /This link could not be captured/, `${name}: ${line}`);
    assert.match(line, want.reason, `${name}: ${line}`);
    return;
  }
  const id = /^\/editor\/pieces\/(\d+)$/.exec(answer.location ?? '')?.[1];
  assert.equal(answer.status, 303, `${name}: expected a draft, got ${answer.status}: ${errorLine(answer.body)}`);
  assert.ok(id, `${name}: redirected to ${answer.location}`);
  const draft = await editor.get(`/editor/pieces/${id}`);
  assert.equal(draft.status, 200, `${name}: draft screen`);
  assert.ok(draft.body.includes(want.draft), `${name}: the draft shows "${want.draft}"`);
  assert.ok(!draft.body.includes('\uFFFD'.repeat(3)) || name === 'invalid UTF-8', `${name}: no run of replacement characters (mojibake)`);
}

describe('hostile sources captured end to end', () => {
  it('every capture through the editor form ends with its reason or a correct draft, while the site keeps answering', async () => {
    const pid = server.child.pid!;
    let peak = rssMb(pid);
    const sampler = setInterval(() => { peak = Math.max(peak, rssMb(pid)); }, 100);
    const editor = new HttpEditor(server.url, ANSWER_BOUND_MS);
    await editor.signIn(EDITOR.email, EDITOR.password);
    const site = reader(server.url);
    const started = Date.now();
    try {
      // All at once, as editors pasting links in several tabs would.
      const answers = await Promise.all(Object.entries(sources.urls).map(async ([name, url]) => {
        const t0 = Date.now();
        const answer = await editor.capture(url);
        return { name, answer, ms: Date.now() - t0 };
      }));
      for (const { name, answer, ms } of answers) {
        console.log(`  ${name}: ${answer.status} after ${(ms / 1000).toFixed(1)} s — ${answer.status === 303 ? answer.location : errorLine(answer.body)}`);
      }
      for (const { name, answer } of answers) await checkWebOutcome(editor, name, answer);
    } finally {
      clearInterval(sampler);
      const other = await site.stop();
      console.log(`  site meanwhile: ${other.ok} answers, ${other.failures.length} failures, slowest ${other.slowestMs} ms; all captures in ${((Date.now() - started) / 1000).toFixed(1)} s; server peak RSS ${peak.toFixed(0)} MB`);
      assert.deepEqual(other.failures, [], 'every other request while capturing succeeded');
      assert.ok(other.ok > 0, 'the site was read while capturing');
      assert.ok(peak < RSS_LIMIT_MB, `server peak RSS ${peak.toFixed(0)} MB < ${RSS_LIMIT_MB} MB`);
    }
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200, 'the server is still healthy');
  });

  it('`newsdesk capture <url>` exits non-zero with one line naming the reason (or captures the ugly-but-valid pages)', async () => {
    const cliDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-hostile-cli-'));
    const env = cleanEnv({ NEWSDESK_DATA_DIR: cliDir, NEWSDESK_FETCH_ALLOW: sources.allow, NEWSDESK_DEMO: 'false', LOG_LEVEL: 'warn' });
    try {
      assert.equal((await runCli(['migrate'], { env })).code, 0);
      const queue = Object.entries(sources.urls);
      // Four processes at a time: each is a whole newsdesk (about 150 MB) on a shared 2-CPU machine.
      await Promise.all(Array.from({ length: 4 }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const [name, url] = next;
          const r = await runCli(['capture', url], { env });
          const want = EXPECTED[name]!;
          console.log(`  ${name}: exit ${r.code} — ${(r.stderr || r.stdout).trim().split('\n')[0]}`);
          if ('reason' in want) {
            assert.equal(r.code, 1, `${name}: exit code (stderr: ${r.stderr})`);
            assert.equal(r.stderr.trim().split('\n').length, 1, `${name}: one line on stderr: ${r.stderr}`);
            assert.ok(r.stderr.startsWith(`newsdesk: cannot capture ${url}: `), `${name}: ${r.stderr}`);
            assert.match(r.stderr.trim(), want.reason, name);
          } else {
            assert.equal(r.code, 0, `${name}: exit code (stderr: ${r.stderr})`);
            assert.match(r.stdout, /^captured #\d+ /, name);
            assert.ok(r.stdout.includes(want.draft), `${name}: ${r.stdout}`);
          }
        }
      }));
    } finally {
      fs.rmSync(cliDir, { recursive: true, force: true });
    }
  });
});
