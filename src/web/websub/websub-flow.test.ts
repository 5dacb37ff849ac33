/*
 * WebSub end to end over loopback: the worker's renewal job POSTs the subscription through safeFetch to a
 * hub server, the hub verifies intent on the app's /websub callback, then delivers signed updates.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { hubPostVia } from '../../ingest/websub.ts';
import { declareFeedSchedules, feedJobHandlers } from '../../jobs/feed-jobs.ts';
import { createWorker } from '../../jobs/worker.ts';
import { createFetcher, type Fetcher } from '../../net/safe-fetch.ts';
import { listInbox } from '../../store/candidates.ts';
import { getFeed, insertFeed } from '../../store/feeds.ts';
import { rss, startFeedServer, type FeedServer } from '../../testing/feed-server.ts';
import { storeKinds, type TestStore } from '../../testing/test-stores.ts';
import { buildApp } from '../app.ts';

/** What the hub saw and got back while playing the protocol. */
interface HubLog { form: Record<string, string>; verifyStatus: number; verifyBody: string; forged: number; signed: number }

const sign = (body: string, secret: string) => `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;

// The hub's side (WebSub §5–§7): accept with 202, verify intent on the callback, then push a forged and a signed update.
async function playHub(form: Record<string, string>, topic: string): Promise<HubLog> {
  const callback = form['hub.callback']!;
  const q = new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.topic': topic, 'hub.challenge': 'ch-42', 'hub.lease_seconds': '864000' });
  const verify = await fetch(`${callback}?${q}`);
  const body = rss([{ title: 'Pushed by the hub', link: 'https://pub.test/pushed' }]);
  const post = (signature: string) => fetch(callback, { method: 'POST', headers: { 'content-type': 'application/rss+xml', 'x-hub-signature': signature }, body });
  const forged = await post(sign(body, 'not-the-secret'));
  const signed = await post(sign(body, form['hub.secret']!));
  return { form, verifyStatus: verify.status, verifyBody: await verify.text(), forged: forged.status, signed: signed.status };
}

for (const kind of storeKinds()) {
  describe(`WebSub end to end (${kind.name})`, () => {
    let store: TestStore;
    let app: FastifyInstance;
    let hub: FeedServer;
    let fetcher: Fetcher;
    let appOrigin: string;
    before(async () => {
      store = await kind.create();
      app = await buildApp({ store, logger: pino({ level: 'silent' }), siteUrl: 'http://127.0.0.1' });
      await app.listen({ port: 0, host: '127.0.0.1' });
      appOrigin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      hub = await startFeedServer();
      fetcher = createFetcher({ allow: hub.allow, userAgent: 'newsdesk-test' });
    });
    after(async () => {
      await fetcher.close();
      await hub.close();
      await app.close();
      await store.close();
    });

    it('subscribes from the renewal job, is verified by the hub, and ingests only the signed delivery', async () => {
      const topic = `${hub.origin}/feed.xml`;
      let played: Promise<HubLog> | undefined;
      hub.route('/hub', (req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
          res.writeHead(202).end();
          // Verification happens after the 202, as a real hub does it (§5.3).
          played = new Promise((r) => setTimeout(r, 10)).then(() => playHub(form, topic));
        });
      });
      const { id } = await insertFeed(store.db, { url: topic, now: new Date().toISOString() });
      await store.db.updateTable('feeds').set({ websub_hub: `${hub.origin}/hub`, websub_topic: topic }).where('id', '=', id).execute();
      const logger = pino({ level: 'silent' });
      const all = feedJobHandlers({ store, logger, now: () => new Date(), feeds: { allow: hub.allow, userAgent: 'x', websub: { callbackBase: `${appOrigin}/websub`, hubPost: hubPostVia(fetcher) } } });
      await declareFeedSchedules(store, new Date(Date.now() - 1000), { websub: true });
      const worker = createWorker({ store, logger, handlers: { 'websub.renew': all['websub.renew']! }, workerId: 'websub-e2e' });
      for (let round = 0; round < 3 && !played; round++) await worker.tick();
      assert.ok(played, 'the hub received a subscription request');
      const log = await played;
      assert.equal(log.form['hub.mode'], 'subscribe');
      assert.equal(log.form['hub.topic'], topic);
      assert.equal(log.form['hub.callback'], `${appOrigin}/websub/${id}`);
      assert.equal(log.verifyStatus, 200);
      assert.equal(log.verifyBody, 'ch-42');
      assert.equal((await getFeed(store.db, id))?.websub_state, 'active');
      assert.equal(log.forged, 202, 'a bad signature is acknowledged (WebSub §8) but not taken');
      assert.equal(log.signed, 202);
      assert.deepEqual((await listInbox(store.db, { feedId: id })).map((c) => c.title), ['Pushed by the hub']);
    });

    it('leaves the feed failed when the hub refuses, and never follows a hub redirect', async () => {
      let redirected = 0;
      hub.route('/moved-hub', (_req, res) => res.writeHead(307, { location: `${hub.origin}/elsewhere` }).end());
      hub.route('/elsewhere', (_req, res) => { redirected++; res.writeHead(202).end(); });
      const topic = `${hub.origin}/other.xml`;
      const { id } = await insertFeed(store.db, { url: topic, now: new Date().toISOString() });
      await store.db.updateTable('feeds').set({ websub_hub: `${hub.origin}/moved-hub`, websub_topic: topic }).where('id', '=', id).execute();
      const all = feedJobHandlers({ store, logger: pino({ level: 'silent' }), now: () => new Date(), feeds: { allow: hub.allow, userAgent: 'x', websub: { callbackBase: `${appOrigin}/websub`, hubPost: hubPostVia(fetcher) } } });
      await all['websub.renew']!({}, { jobId: 0, attempt: 1, signal: new AbortController().signal });
      assert.equal((await getFeed(store.db, id))?.websub_state, 'failed');
      assert.equal(redirected, 0, 'the form (with its secret) was not re-sent to the redirect target');
    });
  });
}
