import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFixtureServer, type FixtureServer } from '../testing/fixture-server.ts';
import { cleanEnv, runCli } from '../testing/run-cli.ts';

describe('newsdesk links (SQLite)', () => {
  let server: FixtureServer;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    server = await startFixtureServer({ '/ok': { body: '<p>ok</p>' }, '/gone': { status: 410 }, '/moved': { status: 301, headers: { location: '/ok' } } });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-links-cli-'));
    env = cleanEnv({ NEWSDESK_DATA_DIR: dir, NEWSDESK_FETCH_ALLOW: server.allow, NEWSDESK_LOG_LEVEL: 'silent' });
  });
  after(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('checks one URL, records it and shows the status; bad flags get one line', { timeout: 60_000 }, async () => {
    const ok = await runCli(['links', 'check', '--url', `${server.origin}/moved`, '--json'], { env });
    assert.equal(ok.code, 0, ok.stderr);
    const r = JSON.parse(ok.stdout);
    assert.equal(r.outcome, 'redirected');
    assert.equal(r.finalUrl, `${server.origin}/ok`);
    const refused = JSON.parse((await runCli(['links', 'check', '--url', 'http://10.0.0.1/admin', '--json'], { env })).stdout);
    assert.equal(refused.outcome, 'refused');
    assert.equal(refused.reason, 'private');
    const gone = await runCli(['links', 'check', '--url', `${server.origin}/gone`], { env });
    assert.match(gone.stdout, /^suspect +http:\/\/127\.0\.0\.1:\d+\/gone: .*410/);
    const status = JSON.parse((await runCli(['links', 'status', '--json'], { env })).stdout);
    assert.deepEqual(status.links.map((l: { url: string; state: string }) => `${l.url.replace(server.origin, '')} ${l.state}`).sort(),
      ['/gone suspect', '/moved redirected', 'http://10.0.0.1/admin refused']);
    const broken = JSON.parse((await runCli(['links', 'status', '--broken', '--json'], { env })).stdout);
    assert.deepEqual(broken.links.map((l: { url: string }) => l.url), ['http://10.0.0.1/admin']);
    for (const args of [['links', 'check', '--url', 'ftp://x'], ['links', 'check', '--all', '--url', `${server.origin}/ok`], ['links', 'check', '--limit', 'lots']]) {
      const bad = await runCli(args, { env });
      assert.equal(bad.code, 2, args.join(' '));
      assert.equal(bad.stderr.trim().split('\n').length, 1, bad.stderr);
    }
  });

  it('--all with no public pieces checks nothing and says so', { timeout: 60_000 }, async () => {
    const all = await runCli(['links', 'check', '--all'], { env });
    assert.equal(all.code, 0, all.stderr);
    assert.match(all.stdout, /^0 links of 0 public pieces registered; 0 checked/);
  });
});
