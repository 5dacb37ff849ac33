import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig, PROJECT_ROOT } from './config.ts';

describe('config', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    assert.equal(c.port, 3000);
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.databaseUrl, undefined);
    assert.equal(c.dataDir, path.join(PROJECT_ROOT, 'data'));
    assert.equal(c.siteUrl, 'http://127.0.0.1:3000');
    assert.equal(c.workerConcurrency, 4);
    assert.equal(c.feedConcurrency, 64);
    assert.ok(Object.isFrozen(c));
  });

  it('names the bad setting in one line', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ PORT: 'abc' }, /^config: PORT must be a number \(got "abc"\)$/],
      [{ PORT: '70000' }, /PORT must be at most 65535/],
      [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres:\/\//],
      [{ NEWSDESK_SITE_URL: 'javascript:alert(1)' }, /NEWSDESK_SITE_URL must be an http\(s\) URL/],
      [{ NEWSDESK_FETCH_ALLOW: '127.0.0.1:99999' }, /NEWSDESK_FETCH_ALLOW .*port/],
      [{ NEWSDESK_DEMO: 'maybe' }, /NEWSDESK_DEMO/],
      [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
      [{ NEWSDESK_FEED_CONCURRENCY: '0' }, /^config: NEWSDESK_FEED_CONCURRENCY must be at least 1 \(got "0"\)$/],
    ];
    for (const [env, re] of cases) {
      assert.throws(() => loadConfig(env), (e: unknown) => e instanceof ConfigError && re.test(e.message) && !e.message.includes('\n'), JSON.stringify(env));
    }
  });

  it('reads a JSON file and lets the environment win', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nd-config-'));
    const file = path.join(dir, 'newsdesk.json');
    fs.writeFileSync(file, JSON.stringify({ PORT: 4000, HOST: '0.0.0.0', NEWSDESK_DATA_DIR: 'rel' }));
    const c = loadConfig({ PORT: '4001' }, file);
    assert.equal(c.port, 4001);
    assert.equal(c.host, '0.0.0.0');
    assert.equal(c.dataDir, path.resolve('rel'));
    fs.writeFileSync(file, '{ nope');
    assert.throws(() => loadConfig({}, file), /is not valid JSON/);
    fs.writeFileSync(file, JSON.stringify({ PROT: 1 }));
    assert.throws(() => loadConfig({}, file), /unknown setting PROT/);
    assert.throws(() => loadConfig({}, path.join(dir, 'missing.json')), /cannot be read \(ENOENT\)/);
    fs.rmSync(dir, { recursive: true });
  });
});
