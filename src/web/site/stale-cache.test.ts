import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { after, before, describe, it } from 'node:test';
import { updateOutlet } from '../../store/directory.ts';
import { getPieceRow, updatePieceIf } from '../../store/pieces.ts';
import { storeKinds } from '../../testing/test-stores.ts';
import { PageCache, toCachedPage, type RenderedPage } from './page-cache.ts';
import { serveCached } from './respond.ts';
import { SiteRuntime } from './runtime.ts';
import { startSampleApp, type SampleApp } from './sample-app.ts';

/*
 * The two load fixes of issue #8 §5: after a publish, readers who arrive while a page is being rebuilt get the copy
 * the publish evicted instead of queueing behind the build (the request that started the build, and every later one,
 * gets the fresh page); the search cache is emptied at most once every `searchLagMs`, not after every change; and the
 * home page's outlet counts are reused for `outletsTtlMs` instead of being recounted at every publish.
 */

const page = (body: string): RenderedPage => ({ status: 200, body, contentType: 'text/plain', keys: ['l:test'], modified: '2022-12-10T10:00:00Z', cacheControl: 'public' });

describe('page cache: copies evicted by a change', () => {
  it('keeps an evicted page as stale until a fresh one is stored, within a quarter of the bounds', () => {
    const cache = new PageCache(8);
    cache.set('/a', toCachedPage(page('v1')));
    assert.equal(cache.stale('/a'), undefined, 'nothing is stale before a change');
    cache.invalidate(['l:test']);
    assert.equal(cache.get('/a'), undefined);
    assert.equal(cache.stale('/a')?.body.toString(), 'v1');
    cache.set('/a', toCachedPage(page('v2')));
    assert.equal(cache.stale('/a'), undefined, 'a fresh page replaces the stale copy');
    for (let i = 0; i < 6; i++) cache.set(`/p${i}`, toCachedPage(page(`p${i}`)));
    cache.clear();
    assert.deepEqual(['/p3', '/p4', '/p5'].map((u) => cache.stale(u)?.body.toString()), [undefined, 'p4', 'p5'], 'at most 8 / 4 stale copies, the newest');
  });
});

describe('serveCached during a rebuild', () => {
  const kind = storeKinds()[0]!;
  let rt: SiteRuntime;
  let close: () => Promise<void>;
  let build: () => Promise<RenderedPage>;
  const app = Fastify();
  app.get('/page', (req, reply) => serveCached(req, reply, rt, '/page', () => build()).then(() => reply));
  app.get('/background', (req, reply) => serveCached(req, reply, rt, '/background', () => build(), rt.cache, { background: true }).then(() => reply));
  app.get('/never-built', (req, reply) => serveCached(req, reply, rt, '/never-built', () => build()).then(() => reply));

  before(async () => {
    const store = await kind.create();
    rt = new SiteRuntime({ store, siteUrl: 'http://site.test', assetVersion: 'test', now: () => new Date() });
    close = () => store.close();
  });
  after(async () => { await app.close(); await close(); });

  it('answers concurrent readers with the evicted copy while the first one waits for the fresh page', async () => {
    build = async () => page('v1');
    assert.equal((await app.inject({ url: '/page' })).body, 'v1');
    rt.cache.invalidate(['l:test']);
    let started!: () => void;
    let finish!: () => void;
    const building = new Promise<void>((r) => { started = r; });
    const gate = new Promise<void>((r) => { finish = r; });
    build = async () => { started(); await gate; return page('v2'); };
    const first = app.inject({ url: '/page' });
    await building;
    const concurrent = await app.inject({ url: '/page' });
    assert.equal(concurrent.body, 'v1', 'a reader arriving during the rebuild gets the evicted copy at once');
    finish();
    assert.equal((await first).body, 'v2', 'the request that started the build waits for the fresh page');
    assert.equal((await app.inject({ url: '/page' })).body, 'v2', 'later readers get the fresh page');
  });

  it('with background revalidation, answers even the first reader after a change with the evicted copy', async () => {
    build = async () => page('b1');
    assert.equal((await app.inject({ url: '/background' })).body, 'b1');
    rt.cache.invalidate(['l:test']);
    let finish!: () => void;
    const gate = new Promise<void>((r) => { finish = r; });
    let builds = 0;
    build = async () => { builds++; await gate; return page('b2'); };
    assert.equal((await app.inject({ url: '/background' })).body, 'b1', 'the first reader is not kept waiting');
    assert.equal((await app.inject({ url: '/background' })).body, 'b1', 'nor the next ones while the rebuild is queued or running');
    for (let i = 0; i < 100 && builds === 0; i++) await new Promise((r) => setImmediate(r));
    assert.equal(builds, 1, 'one rebuild, run later');
    finish();
    let body = '';
    for (let i = 0; i < 100 && body !== 'b2'; i++) body = (await app.inject({ url: '/background' })).body;
    assert.equal(body, 'b2', 'then the fresh page');
    assert.equal(builds, 1);
  });

  it('runs background rebuilds one at a time, with the event loop turning in between, each key once', async () => {
    const order: string[] = [];
    let done!: () => void;
    const finished = new Promise<void>((r) => { done = r; });
    // The sentinel is queued by task a itself: a drain left over from the test before may still be resting, so
    // anything queued from here could run before a without saying anything about the gap between a and b.
    rt.inBackground('a', async () => { order.push('a'); setImmediate(() => order.push('other work')); });
    rt.inBackground('b', async () => { order.push('b'); done(); });
    rt.inBackground('a', async () => { order.push('a again'); });
    await finished;
    assert.deepEqual(order, ['a', 'other work', 'b']);
  });

  it('makes concurrent readers wait for the one build when there is no evicted copy', async () => {
    let builds = 0;
    build = async () => { builds++; await new Promise((r) => setTimeout(r, 20)); return page('v3'); };
    const [a, b] = await Promise.all([app.inject({ url: '/never-built' }), app.inject({ url: '/never-built' })]);
    assert.deepEqual([a.body, b.body, builds], ['v3', 'v3', 1], 'one build, and both readers get its page');
  });
});

describe('search cache lag', () => {
  const kind = storeKinds()[0]!;
  let s: SampleApp;
  before(async () => { s = await startSampleApp(kind); });
  after(async () => { await s.close(); });
  const items = async (q: string) => ((await s.app.inject({ url: `/search?q=${q}` })).body.match(/<li class="item /g) ?? []).length;

  async function rename(id: number, headline: string): Promise<void> {
    const row = (await getPieceRow(s.store.db, id))!;
    assert.ok(await updatePieceIf(s.store.db, id, { expectedVersion: Number(row.version) }, { headline_override: headline }));
    await s.rt.syncNow();
  }

  // The rebuild after a change runs behind the reader who sees the evicted copy; the next readers get its result.
  async function eventually(q: string, want: number): Promise<number> {
    let got = await items(q);
    for (let i = 0; i < 100 && got !== want; i++) {
      await new Promise((r) => setTimeout(r, 10));
      got = await items(q);
    }
    return got;
  }

  it('is emptied at once after a quiet spell, then at most once every searchLagMs', async () => {
    s.rt.searchLagMs = 60_000;
    const id = Number((await s.store.db.selectFrom('pieces').select('id').where('path', '=', s.sample.opinionPath).executeTakeFirstOrThrow()).id);
    assert.equal(await items('quokka'), 0);
    await rename(id, 'A quokka crossed the steppe');
    assert.equal(await eventually('quokka', 1), 1, 'the first change after a quiet spell is searchable after one rebuild');
    const cached = s.rt.searchCache.size;
    await rename(id, 'A wombat crossed the steppe');
    assert.equal(await items('wombat'), 1, 'a query not cached yet is answered fresh');
    assert.equal(s.rt.searchCache.size, cached + 1, 'a second change within searchLagMs does not empty the search cache');
    assert.equal(await items('quokka'), 1, 'so a cached query may lag it');
    s.rt.searchLagMs = 0;
    assert.equal(await eventually('quokka', 0), 0, 'once the lag has passed, the cache is emptied and the query rebuilt');
  });
});

describe('home page outlet counts', () => {
  const kind = storeKinds()[0]!;
  let s: SampleApp;
  before(async () => { s = await startSampleApp(kind); });
  after(async () => { await s.close(); });

  it('are reused across publishes, and recounted at once when an outlet changes', async () => {
    s.rt.outletsTtlMs = 60_000;
    const first = s.rt.topOutlets();
    assert.ok((await first).some((o) => o.name === 'Example Daily'));
    const id = Number((await s.store.db.selectFrom('pieces').select('id').where('path', '=', s.sample.opinionPath).executeTakeFirstOrThrow()).id);
    const row = (await getPieceRow(s.store.db, id))!;
    assert.ok(await updatePieceIf(s.store.db, id, { expectedVersion: Number(row.version) }, { headline_override: 'Changed again' }));
    await s.rt.syncNow();
    assert.equal(s.rt.topOutlets(), first, 'a piece change does not recount');
    await updateOutlet(s.store.db, s.sample.outletId, { name: 'Example Daily Renamed' });
    await s.rt.syncNow();
    assert.notEqual(s.rt.topOutlets(), first, 'an outlet change does');
    assert.match((await s.app.inject({ url: '/' })).body, /Example Daily Renamed/);
    s.rt.outletsTtlMs = 0;
    const again = s.rt.topOutlets();
    assert.notEqual(s.rt.topOutlets(), again, 'past the TTL every call recounts');
  });
});
