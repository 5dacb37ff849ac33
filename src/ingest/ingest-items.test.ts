import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FeedItem } from '../model/feed.ts';
import { storeKinds, type TestStore } from '../testing/test-stores.ts';
import { listInbox } from '../store/candidates.ts';
import { getFeed, insertFeed } from '../store/feeds.ts';
import { ingestItems } from './ingest-items.ts';

const T0 = new Date('2024-05-15T00:00:00Z');
const item = (url: string, title: string, summary: string): FeedItem =>
  ({ url, guid: null, title, authors: [], publishedAt: null, summary, imageUrl: null, language: 'en' });

// Constructed pairs: the same title and first paragraph with the small edits a partner makes to wire copy.
const kzLead = 'ASTANA — Kazakhstan\u2019s parliament on Tuesday approved a package of constitutional amendments that reduce presidential powers and strengthen the role of lawmakers.';
const floodLead = 'PRAGUE — Heavy rain swelled rivers across central Europe on Sunday, forcing thousands of people from their homes as officials warned the worst was still to come.';
const wire = [
  item('https://wire.test/kz-reform', 'Kazakhstan parliament approves constitutional reform', kzLead),
  item('https://wire.test/floods', 'Floods force thousands from homes in central Europe', floodLead),
];
const partner = [
  item('https://partner.test/world/kz-reform-123', 'Kazakhstan parliament approves constitutional reform - Partner', `ASTANA (AP) ${kzLead} Partner footer`),
  item('https://partner.test/world/floods-456', 'Floods force thousands from homes in central Europe | Partner', `(AP) ${floodLead}`),
  item('https://partner.test/culture/opera', 'A new opera opens in Lviv', 'LVIV — The city\u2019s opera house staged its first premiere since the war began, to a sold-out hall and a long ovation.'),
];

for (const kind of storeKinds()) {
  describe(`ingestItems (${kind.name})`, () => {
    let store: TestStore;
    before(async () => { store = await kind.create(); });
    after(async () => { await store.close(); });

    it('groups syndicated copies that arrive in one batch, and keeps different stories apart', async () => {
      const { id } = await insertFeed(store.db, { url: 'https://feeds.test/mixed.xml', now: T0.toISOString() });
      const feed = (await getFeed(store.db, id))!;
      // Wire and partner copies interleaved in one poll, as one ingest call for two feeds would see them.
      const r = await ingestItems({ store }, feed, [wire[0]!, partner[0]!, wire[1]!, partner[1]!, partner[2]!], T0);
      assert.equal(r.newItems, 5);
      const inbox = await listInbox(store.db);
      assert.deepEqual(inbox.map((c) => c.url).sort(), ['https://partner.test/culture/opera', 'https://wire.test/floods', 'https://wire.test/kz-reform']);
      const sources = Object.fromEntries(inbox.map((c) => [c.url, c.sources.map((s) => s.url)]));
      assert.deepEqual(sources['https://wire.test/kz-reform'], ['https://partner.test/world/kz-reform-123']);
      assert.deepEqual(sources['https://wire.test/floods'], ['https://partner.test/world/floods-456']);
      assert.deepEqual(sources['https://partner.test/culture/opera'], []);
    });

    it('joins a later in-batch copy to the group of an already stored piece', async () => {
      const { id } = await insertFeed(store.db, { url: 'https://feeds.test/late.xml', now: T0.toISOString() });
      const feed = (await getFeed(store.db, id))!;
      await ingestItems({ store }, feed, [item('https://third.test/kz', 'Kazakhstan parliament approves constitutional reform', `${kzLead} More soon.`)], T0);
      const kz = (await listInbox(store.db)).find((c) => c.url === 'https://wire.test/kz-reform')!;
      assert.deepEqual(kz.sources.map((s) => s.url), ['https://partner.test/world/kz-reform-123', 'https://third.test/kz']);
    });
  });
}
