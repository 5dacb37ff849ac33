import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { startFixtureServer, type FixtureServer } from '../testing/fixture-server.ts';
import { cleanEnv, runCli } from '../testing/run-cli.ts';
import { storeKinds, type TestStore } from '../testing/test-stores.ts';

const PAGE = fs.readFileSync(new URL('../ingest/testdata/opinion-page.html', import.meta.url), 'utf8');
const ARTICLE = '/2022/01/18/opinions/steppe-quiet-winter-warning/index.html';

let server: FixtureServer;
before(async () => { server = await startFixtureServer({ [ARTICLE]: { body: PAGE } }); });
after(() => server.close());

for (const kind of storeKinds()) {
  describe(`newsroom CLI on ${kind.name}`, () => {
    let store: TestStore;
    let env: NodeJS.ProcessEnv;
    before(async () => {
      store = await kind.create();
      env = cleanEnv({ NEWSDESK_DATA_DIR: store.reopen.dataDir, DATABASE_URL: store.reopen.databaseUrl, NEWSDESK_FETCH_ALLOW: server.allow, LOG_LEVEL: 'warn' });
    });
    after(() => store.close());

    it('capture, then recommend --publish --json prints id, state and path', async () => {
      const cap = await runCli(['capture', `${server.origin}${ARTICLE}`, '--json'], { env });
      assert.equal(cap.code, 0, cap.stderr);
      const { id } = JSON.parse(cap.stdout) as { id: number };
      const rec = await runCli(['recommend', String(id), '--tags', 'Kazakhstan', '--publish', '--json'], { env });
      assert.equal(rec.code, 0, rec.stderr);
      const out = JSON.parse(rec.stdout) as { id: number; state: string; path: string };
      assert.equal(out.state, 'published');
      assert.equal(out.path, '/2022/01/18/marta-kovalenko-for-the-steppe-a-quiet-winter-is-a-loud-warning');
      const list = await runCli(['piece', 'list', '--json'], { env });
      assert.equal((JSON.parse(list.stdout) as unknown[]).length, 1);
      const people = await runCli(['person', 'list', '--json'], { env });
      assert.deepEqual((JSON.parse(people.stdout) as { slug: string }[]).map((p) => p.slug), ['marta-kovalenko']);
    });

    it('enforces the role of --as and reports refusals in one line', async () => {
      const add = await runCli(['user', 'add', '--email', 'contrib@example.org', '--role', 'contributor'], { env });
      assert.equal(add.code, 0, add.stderr);
      const list = JSON.parse((await runCli(['piece', 'list', '--json'], { env })).stdout) as { id: number }[];
      const r = await runCli(['--as', 'contrib@example.org', 'piece', 'retract', String(list[0]!.id), 'because'], { env });
      assert.equal(r.code, 3);
      assert.equal(r.stderr, "newsdesk: contributors may not retract others' pieces\n");
      const bad = await runCli(['piece', 'publish', '999'], { env });
      assert.equal(bad.code, 2);
      assert.equal(bad.stderr, 'newsdesk: no piece with id 999\n');
      const refused = await runCli(['recommend', 'http://192.168.1.1/article'], { env });
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /^newsdesk: cannot capture http:\/\/192\.168\.1\.1\/article: refused: 192\.168\.1\.1 is a private/);
      const site = await runCli(['person', 'update', 'marta-kovalenko', '--website', 'javascript:alert(1)'], { env });
      assert.equal(site.code, 2);
      assert.match(site.stderr, /--website must be an absolute http\(s\) URL/);
    });
  });
}
