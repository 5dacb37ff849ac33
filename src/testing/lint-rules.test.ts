import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const eslint = new ESLint({ cwd: root });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint rules keep the rooms apart', () => {
  it('refuse imports that point up or sideways', async () => {
    assert.match((await problems('src/extract/x.ts', "import { openStore } from '../store/open.ts';\nvoid openStore;\n")).join(), /src\/extract may not import src\/store/);
    assert.match((await problems('src/store/x.ts', "import { buildApp } from '../web/app.ts';\nvoid buildApp;\n")).join(), /src\/store may not import src\/web/);
    assert.match((await problems('src/web/x.ts', "import { loadConfig } from '../config/config.ts';\nvoid loadConfig;\n")).join(), /src\/web may not import src\/config/);
    assert.match((await problems('src/model/x.ts', "import { html } from '../web/html.ts';\nvoid html;\n")).join(), /src\/model may not import src\/web/);
  });
  it('allow imports that point down', async () => {
    assert.deepEqual(await problems('src/newsroom/x.ts', "import { enqueue } from '../store/jobs.ts';\nvoid enqueue;\n"), []);
    assert.deepEqual(await problems('src/web/x.ts', "import type { Config } from '../config/config.ts';\nexport type C = Config;\n"), []);
  });
  it('ban bare fetch and HTTP clients outside src/net', async () => {
    assert.match((await problems('src/ingest/x.ts', "export const r = fetch('https://example.com');\n")).join(), /safe-fetch/);
    assert.match((await problems('src/ingest/x.ts', "export const r = globalThis.fetch('https://example.com');\n")).join(), /safe-fetch/);
    assert.match((await problems('src/feeds/x.ts', "import { request } from 'undici';\nvoid request;\n")).join(), /safe-fetch/);
    assert.deepEqual(await problems('src/net/x.ts', "import { request } from 'undici';\nvoid request;\n"), []);
  });
});
