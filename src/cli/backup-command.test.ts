import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { allRows, seedEverything } from '../testing/backup-fixtures.ts';
import { cleanEnv, runCli } from '../testing/run-cli.ts';
import { storeKinds, type TestStore } from '../testing/test-stores.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-backup-cli-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const envOf = (s: TestStore) => cleanEnv({ NEWSDESK_DATA_DIR: s.reopen.dataDir, DATABASE_URL: s.reopen.databaseUrl, LOG_LEVEL: 'warn' });

const kinds = storeKinds();
const sqlite = kinds[0]!;

for (const into of kinds) {
  describe(`newsdesk backup | restore, sqlite → ${into.name}`, () => {
    it('backs up, restores into an empty database, refuses a full one without --force, explains a bad file', async () => {
      const [source, target] = [await sqlite.create(), await into.create()];
      try {
        await seedEverything(source, 'http://site.test');
        const file = path.join(tmp, `to-${into.name}.gz`);
        const b = await runCli(['backup', file, '--json'], { env: envOf(source) });
        assert.equal(b.code, 0, b.stderr);
        assert.ok((JSON.parse(b.stdout) as { rows: Record<string, number> }).rows.pieces! > 0);

        const r = await runCli(['restore', file], { env: envOf(target) });
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, new RegExp(`^restored \\d+ rows of \\d+ tables from .* \\(sqlite backup of .*\\) into ${into.name}\\n$`));
        assert.deepEqual(await allRows(target.db), await allRows(source.db));

        const again = await runCli(['restore', file], { env: envOf(target) });
        assert.equal(again.code, 2);
        assert.match(again.stderr, /is not empty .*--force/);
        assert.equal(again.stderr.trim().split('\n').length, 1);
        const forced = await runCli(['restore', file, '--force'], { env: envOf(target) });
        assert.equal(forced.code, 0, forced.stderr);

        const missing = await runCli(['restore', path.join(tmp, 'nope.gz')], { env: envOf(target) });
        assert.equal(missing.code, 2);
        assert.match(missing.stderr, /does not exist; nothing was changed/);
        assert.equal(missing.stderr.trim().split('\n').length, 1);
      } finally {
        await source.close();
        await target.close();
      }
    });
  });
}
