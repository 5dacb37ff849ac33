import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { cleanEnv, freePort, runCli, startServer } from '../testing/run-cli.ts';
import { storeKinds, type TestStore } from '../testing/test-stores.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nd-cli-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

for (const kind of storeKinds()) {
  describe(`newsdesk binary on ${kind.name}`, () => {
    let store: TestStore;
    let env: NodeJS.ProcessEnv;

    it('first start creates the admin once, seeds the demo and serves it; SIGTERM exits cleanly', { timeout: 60_000 }, async () => {
      store = await kind.create({ migrate: false });
      env = cleanEnv({ NEWSDESK_DATA_DIR: store.reopen.dataDir, DATABASE_URL: store.reopen.databaseUrl, PORT: String(await freePort()), LOG_LEVEL: 'warn' });
      const server = await startServer(env);
      try {
        assert.match(server.output(), /created the admin account\n\s+email:\s+admin@newsdesk\.localhost\n\s+password:\s+\S{10,}/);
        const home = await fetchText(`${server.url}/`);
        assert.equal(home.status, 200);
        assert.match(home.text, /class="demo-banner"/);
        const links = [...home.text.matchAll(/href="(\/\d{4}\/\d{2}\/\d{2}\/[^"]+)"/g)].map((m) => m[1]!);
        assert.equal(links.length, 2, 'one recommendation and one story');
        const rec = await fetchText(`${server.url}${links.find((l) => l.includes('olena'))!}`);
        assert.equal(rec.status, 200);
        for (const part of ['<h1 class="headline">Olena Demchenko: ', 'class="byline-time" datetime=', '<figcaption>', 'class="credit">(', 'Continue reading on The Example Chronicle website', 'Editor’s Note:', 'See her website']) {
          assert.ok(rec.text.includes(part), `recommendation page has ${part}`);
        }
        assert.equal((await fetchText(`${server.url}/healthz`)).status, 200);
        assert.match((await fetchText(`${server.url}/readyz`)).text, /"ready"/);
        const missing = await fetchText(`${server.url}/2020/01/01/nothing-here`);
        assert.equal(missing.status, 404);
        assert.match(missing.text, /href="\/"/);
      } finally {
        assert.equal(await server.stop(), 0);
      }
      const again = await startServer(env);
      assert.doesNotMatch(again.output(), /created the admin account/);
      assert.equal(await again.stop(), 0);
    });

    it('user add reads the password from stdin, from any working directory', async () => {
      const r = await runCli(['user', 'add', '--email', 'Editor@Example.org', '--role', 'editor', '--json'], { env, input: 'correct horse battery\n', cwd: os.tmpdir() });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), { id: 2, email: 'editor@example.org', role: 'editor' });
      const dup = await runCli(['user', 'add', '--email', 'editor@example.org', '--role', 'editor'], { env, cwd: tmp });
      assert.equal(dup.code, 2);
      assert.equal(dup.stderr.trim(), 'newsdesk: a user with email editor@example.org already exists');
      const gen = await runCli(['user', 'add', '--email', 'c@example.org', '--role', 'contributor'], { env });
      assert.match(gen.stdout, /password: \S{5}-\S{5}-\S{5}-\S{5}/);
      const bad = await runCli(['user', 'add', '--email', 'c2@example.org', '--role', 'owner'], { env });
      assert.equal(bad.stderr.trim(), 'newsdesk: role must be one of admin, editor, contributor');
    });

    it('demo --clear removes the demo and it does not come back on restart', { timeout: 60_000 }, async () => {
      const r = await runCli(['demo', '--clear'], { env });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /removed the demo: 2 pieces, 2 people, 1 outlets, 2 tags/);
      const server = await startServer(env);
      try {
        const home = await fetchText(`${server.url}/`);
        assert.doesNotMatch(home.text, /demo-banner|Olena/);
      } finally {
        await server.stop();
        await store.close();
      }
    });
  });
}

describe('bad input gives one clear line and a non-zero exit', () => {
  const base = cleanEnv({ NEWSDESK_DATA_DIR: path.join(tmp, 'data'), LOG_LEVEL: 'warn' });

  it('names a bad setting', async () => {
    const r = await runCli(['migrate'], { env: { ...base, PORT: 'eighty' } });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'newsdesk: config: PORT must be a number (got "eighty")\n');
  });

  it('refuses a DATABASE_URL that is not PostgreSQL, and an unreachable server', async () => {
    const wrong = await runCli(['migrate'], { env: { ...base, DATABASE_URL: 'mysql://root@localhost/db' } });
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /^newsdesk: config: DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
    const port = await freePort();
    const down = await runCli(['migrate'], { env: { ...base, DATABASE_URL: `postgres://u:secret@127.0.0.1:${port}/x` } });
    assert.equal(down.code, 2);
    assert.match(down.stderr, /^newsdesk: cannot reach PostgreSQL at postgres:\/\/u:\*\*\*@127\.0\.0\.1:\d+\/x: .*ECONNREFUSED/);
    assert.doesNotMatch(down.stderr, /secret/);
    assert.equal(down.stderr.trim().split('\n').length, 1);
  });

  it('says when the data folder cannot be written', async () => {
    const file = path.join(tmp, 'a-file');
    fs.writeFileSync(file, '');
    const r = await runCli(['migrate'], { env: { ...base, NEWSDESK_DATA_DIR: path.join(file, 'data') } });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^newsdesk: the data folder .* is not writable \(ENOTDIR\); set NEWSDESK_DATA_DIR/);
  });

  it('says when the port is in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const { port } = blocker.address() as net.AddressInfo;
    const r = await runCli(['serve', '--no-worker'], { env: { ...base, PORT: String(port) } });
    blocker.close();
    assert.equal(r.code, 1);
    assert.match(r.stderr, new RegExp(`^newsdesk: port ${port} on 127\\.0\\.0\\.1 is already in use; stop the other program or set PORT`, 'm'));
  });

  it('answers --help for every command', async () => {
    for (const cmd of [[], ['serve'], ['worker'], ['migrate'], ['user', 'add'], ['demo']]) {
      const r = await runCli([...cmd, '--help'], { env: base });
      assert.equal(r.code, 0, cmd.join(' '));
      assert.match(r.stdout, /^Usage: newsdesk/);
    }
  });
});

async function fetchText(url: string): Promise<{ status: number; text: string }> {
  const res = await globalThis.fetch(url);
  return { status: res.status, text: await res.text() };
}
