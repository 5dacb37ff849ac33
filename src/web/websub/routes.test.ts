import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { renewWebSub, subscribeFeed, type HubPost } from '../../ingest/websub.ts';
import { listInbox } from '../../store/candidates.ts';
import { getFeed, insertFeed } from '../../store/feeds.ts';
import { rss } from '../../testing/feed-server.ts';
import { storeKinds, type TestStore } from '../../testing/test-stores.ts';
import { webSubRoutes } from './routes.ts';

const T0 = new Date('2024-05-15T00:00:00Z');

for (const kind of storeKinds()) {
  describe(`WebSub subscriber (${kind.name})`, () => {
    let store: TestStore;
    let app: FastifyInstance;
    let base: string;
    const requests: Record<string, string>[] = [];
    // A hub that accepts every request; the test plays its verification and delivery steps.
    const post: HubPost = async (_url, form) => { requests.push(form); return { ok: true, status: 202, message: 'accepted' }; };
    before(async () => {
      store = await kind.create();
      app = Fastify();
      await app.register(webSubRoutes, { prefix: '/websub', store, now: () => T0 });
      await app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/websub`;
    });
    after(async () => {
      await app.close();
      await store.close();
    });
    const hubFeed = async (url: string) => {
      const { id } = await insertFeed(store.db, { url, now: T0.toISOString() });
      await store.db.updateTable('feeds').set({ websub_hub: 'https://hub.test/', websub_topic: url }).where('id', '=', id).execute();
      return id;
    };

    it('subscribes, answers verification, and takes only correctly signed deliveries', async () => {
      const id = await hubFeed('https://pub.test/feed.xml');
      const r = await subscribeFeed(store, post, id, { callbackBase: base, now: () => T0 });
      assert.ok(r.ok);
      const form = requests.at(-1)!;
      assert.equal(form['hub.callback'], `${base}/${id}`);
      assert.equal((await getFeed(store.db, id))?.websub_state, 'pending');
      // A stranger's verification for another topic is refused; the hub's is echoed.
      const wrong = await fetch(`${base}/${id}?hub.mode=subscribe&hub.topic=https://evil.test/&hub.challenge=x`);
      assert.equal(wrong.status, 404);
      const ok = await fetch(`${base}/${id}?hub.mode=subscribe&hub.topic=${encodeURIComponent('https://pub.test/feed.xml')}&hub.challenge=c-123&hub.lease_seconds=864000`);
      assert.equal(ok.status, 200);
      assert.equal(await ok.text(), 'c-123');
      const feed = await getFeed(store.db, id);
      assert.equal(feed?.websub_state, 'active');
      assert.equal(feed?.websub_expires_at, new Date(T0.getTime() + 9 * 86_400_000).toISOString(), 'renewed a day before the lease ends');
      const body = rss([{ title: 'Pushed item', link: 'https://pub.test/pushed' }]);
      const sign = (b: string, secret: string) => `sha256=${crypto.createHmac('sha256', secret).update(b).digest('hex')}`;
      const forged = await fetch(`${base}/${id}`, { method: 'POST', headers: { 'content-type': 'application/rss+xml', 'x-hub-signature': sign(body, 'not-the-secret') }, body });
      assert.equal(forged.status, 202, 'a bad signature is acknowledged but ignored (WebSub §8)');
      assert.equal((await listInbox(store.db, { feedId: id })).length, 0);
      const signed = await fetch(`${base}/${id}`, { method: 'POST', headers: { 'content-type': 'application/rss+xml', 'x-hub-signature': sign(body, form['hub.secret']!) }, body });
      assert.equal(signed.status, 202);
      assert.deepEqual((await listInbox(store.db, { feedId: id })).map((c) => c.title), ['Pushed item']);
      const again = await fetch(`${base}/${id}`, { method: 'POST', headers: { 'content-type': 'application/rss+xml', 'x-hub-signature': sign(body, form['hub.secret']!) }, body });
      assert.equal(again.status, 202);
      assert.equal((await listInbox(store.db, { feedId: id })).length, 1, 'a repeated delivery creates no duplicate');
      const unknown = await fetch(`${base}/999999`, { method: 'POST', body: 'x' });
      assert.equal(unknown.status, 410);
    });

    it('marks a hub that never verifies as unverified and retries later', async () => {
      const id = await hubFeed('https://silent.test/feed.xml');
      let t = T0;
      const settings = { callbackBase: base, now: () => t };
      assert.equal((await renewWebSub(store, post, settings)).requested >= 1, true);
      assert.equal((await getFeed(store.db, id))?.websub_state, 'pending');
      t = new Date(T0.getTime() + 2 * 86_400_000);
      const r = await renewWebSub(store, post, settings);
      assert.ok(r.unverified >= 1);
      assert.equal((await getFeed(store.db, id))?.websub_state, 'unverified');
      t = new Date(T0.getTime() + 10 * 86_400_000);
      await renewWebSub(store, post, settings);
      assert.equal((await getFeed(store.db, id))?.websub_state, 'pending', 'tried again a week later');
    });
  });
}
