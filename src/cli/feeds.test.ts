import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { etagRoute, rss, startFeedServer, type FeedServer } from '../testing/feed-server.ts';
import { cleanEnv, runCli } from '../testing/run-cli.ts';

describe('newsdesk feeds / opml / inbox (SQLite)', () => {
  let server: FeedServer;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    server = await startFeedServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-feeds-cli-'));
    env = cleanEnv({ NEWSDESK_DATA_DIR: dir, NEWSDESK_FETCH_ALLOW: server.allow, NEWSDESK_LOG_LEVEL: 'silent' });
    server.route('/', (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><head><link rel="alternate" type="application/rss+xml" title="Main" href="/rss.xml"></head><body>Home</body></html>'));
    server.route('/rss.xml', etagRoute(() => rss([{ title: 'Вибори в Казахстані', link: 'https://outlet.test/a' }, { title: 'Other news', link: 'https://outlet.test/b' }])));
    server.route('/broken.xml', (_q, res) => res.writeHead(500).end());
  });
  after(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('adds by home page, refreshes all, lists the inbox and the status as JSON, round-trips OPML', { timeout: 240_000 }, async () => {
    const added = await runCli(['feeds', 'add', `${server.origin}/`, '--outlet', 'Test Outlet', '--json'], { env });
    assert.equal(added.code, 0, added.stderr);
    assert.equal(JSON.parse(added.stdout).feeds[0].url, `${server.origin}/rss.xml`);
    const watch = await runCli(['inbox', 'watch', 'add', 'Kazakhstan|Казахстан'], { env });
    assert.equal(watch.code, 0, watch.stderr);
    const opmlFile = path.join(dir, 'in.opml');
    fs.writeFileSync(opmlFile, `<opml version="2.0"><body><outline text="Broken Outlet"><outline type="rss" text="B" xmlUrl="${server.origin}/broken.xml"/></outline></body></opml>`);
    const imported = await runCli(['opml', 'import', opmlFile, '--json'], { env });
    assert.deepEqual(JSON.parse(imported.stdout), { feeds: 1, created: 1 });
    const refresh = await runCli(['feeds', 'refresh', '--all', '--json'], { env });
    assert.equal(refresh.code, 0, refresh.stderr);
    const summary = JSON.parse(refresh.stdout);
    assert.equal(summary.feeds, 2);
    assert.equal(summary.newItems, 2);
    assert.equal(summary.failed, 1);
    const inbox = JSON.parse((await runCli(['inbox', 'list', '--json'], { env })).stdout);
    assert.deepEqual(inbox.map((c: { title: string }) => c.title).sort(), ['Other news', 'Вибори в Казахстані']);
    assert.deepEqual(inbox.find((c: { title: string }) => c.title.startsWith('Вибори')).watchMatches, ['Kazakhstan|Казахстан']);
    assert.equal(inbox[0].outlet, 'Test Outlet');
    const status = JSON.parse((await runCli(['feeds', 'status', '--json'], { env })).stdout);
    const broken = status.feeds.find((f: { url: string }) => f.url.endsWith('/broken.xml'));
    assert.equal(broken.health, 'failing');
    assert.match(broken.lastError, /500/);
    assert.equal(broken.outlet, 'Broken Outlet');
    const paused = await runCli(['feeds', 'pause', String(broken.id), '--reason', 'outlet asked us to stop'], { env });
    assert.equal(paused.code, 0, paused.stderr);
    const text = (await runCli(['feeds', 'status'], { env })).stdout;
    assert.match(text, /paused: outlet asked us to stop/);
    const exported = await runCli(['opml', 'export'], { env });
    assert.match(exported.stdout, /xmlUrl="http:\/\/127\.0\.0\.1:\d+\/rss\.xml"/);
    const missing = await runCli(['feeds', 'resume', '999'], { env });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no feed 999/);
  });

  it('feeds set changes one feed\u2019s settings and refuses a bad one in one line', { timeout: 240_000 }, async () => {
    const added = await runCli(['feeds', 'add', '--force', `${server.origin}/set.xml`, '--json'], { env });
    assert.equal(added.code, 0, added.stderr);
    const id = String(JSON.parse(added.stdout).feeds[0].id);
    const set = await runCli(['feeds', 'set', id, '--interval', '5', '--rules', 'Kazakhstan|Казахстан, "ЄС"', '--language', 'uk', '--user-agent', 'Mozilla/5.0 (newsdesk)', '--disable', '--json'], { env });
    assert.equal(set.code, 0, set.stderr);
    assert.deepEqual({ ...JSON.parse(set.stdout), nextCheckAt: undefined }, {
      id: Number(id), url: `${server.origin}/set.xml`, enabled: false, intervalMinutes: 5, rules: ['Kazakhstan|Казахстан', '"ЄС"'],
      language: 'uk', userAgent: 'Mozilla/5.0 (newsdesk)', nextCheckAt: undefined,
    });
    const status = JSON.parse((await runCli(['feeds', 'status', '--json'], { env })).stdout);
    assert.equal(status.feeds.find((f: { id: number }) => f.id === Number(id)).health, 'disabled');
    const tooOften = await runCli(['feeds', 'set', `${server.origin}/set.xml`, '--interval', '1'], { env });
    assert.equal(tooOften.code, 2);
    assert.match(tooOften.stderr.trim(), /^[^\n]*--interval must be between 2 and 1440 minutes \(got 1\)$/);
  });
});
