import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { storeKinds, type TestStore } from '../testing/test-stores.ts';
import { recordLinkCheck } from './link-checks.ts';
import { goneUrls } from './site-queries.ts';

const AT = '2026-12-06T10:00:00.000Z';

for (const kind of storeKinds()) {
  describe(`goneUrls (${kind.name})`, () => {
    let store: TestStore;
    before(async () => {
      store = await kind.create();
      const check = (url: string, state: string, httpStatus: number | null) => recordLinkCheck(store.db, { url, state, httpStatus, at: AT });
      await check('https://img.test/gone.jpg', 'gone', 404);
      await check('https://img.test/broken.jpg', 'broken', 500);
      await check('https://img.test/refused.jpg', 'refused', null);
      await check('https://img.test/blip.jpg', 'suspect', 404);
      await check('https://img.test/fine.jpg', 'ok', 200);
    });
    after(async () => { await store.close(); });

    it('hides only images whose failure the checker confirmed, never one 404 still under suspicion', async () => {
      const urls = ['gone', 'broken', 'refused', 'blip', 'fine', 'never-checked'].map((n) => `https://img.test/${n}.jpg`);
      assert.deepEqual([...await goneUrls(store.db, urls)].sort(), ['https://img.test/broken.jpg', 'https://img.test/gone.jpg', 'https://img.test/refused.jpg']);
      assert.equal((await goneUrls(store.db, [])).size, 0);
    });
  });
}
