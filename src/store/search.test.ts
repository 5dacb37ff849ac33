import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { storeKinds, type TestStore } from '../testing/test-stores.ts';
import { insertPiece, updatePieceIf } from './pieces.ts';
import { searchPieces, searchTerms } from './search.ts';
import { changesSince, latestChangeId } from './site-changes.ts';

const AT = '2022-12-10T10:00:00.000Z';

function piece(slug: string, headline: string, body: string, o: { state?: string; language?: string } = {}) {
  return {
    row: { type: 'story', kind: 'news', state: o.state ?? 'published', language: o.language ?? 'en', slug, path: `/2022/12/10/${slug}`, headline, body_md: body, seo: 'index', published_at: AT, created_at: AT, updated_at: AT },
    authorIds: [], tagIds: [],
  };
}

describe('searchTerms', () => {
  it('keeps letters and digits only, so query syntax is never syntax', () => {
    assert.deepEqual(searchTerms('NEAR("a" b) OR c* -d ^e:f'), ['near', 'a', 'b', 'or', 'c', 'd', 'e', 'f']);
    assert.deepEqual(searchTerms('Київ, КИЇВ!'), ['київ']);
    assert.equal(searchTerms('word '.repeat(3000)).length, 1);
    assert.deepEqual(searchTerms('  \u0000 %% '), []);
  });
});

for (const kind of storeKinds()) {
  describe(`searchPieces (${kind.name})`, () => {
    let store: TestStore;
    const ids: Record<string, number> = {};
    before(async () => {
      store = await kind.create();
      ids.head = await insertPiece(store.db, piece('grain', 'Grain corridor reopens', 'Ships leave Odesa.'));
      ids.body = await insertPiece(store.db, piece('ports', 'Ports busy again', 'The grain corridor keeps the ports busy and the grain moving.'));
      ids.uk = await insertPiece(store.db, piece('zerno', 'Зерновий коридор відновлює роботу', 'Кораблі виходять з Одеси.', { language: 'uk' }));
      ids.draft = await insertPiece(store.db, piece('draft', 'Grain draft', 'Not yet.', { state: 'draft' }));
    });
    after(async () => { await store.close(); });
    const search = (q: string, o: { lang?: 'en' | 'uk'; offset?: number } = {}) => searchPieces(store.db, store.dialect, q, { limit: 10, offset: o.offset ?? 0, lang: o.lang });

    it('ranks headline matches first, skips drafts, matches prefixes', async () => {
      const r = await search('grain');
      assert.deepEqual(r.ids, [ids.head, ids.body]);
      assert.equal(r.total, 2);
      assert.deepEqual((await search('corr')).ids.sort(), [ids.head, ids.body].sort());
    });

    it('finds Ukrainian words whatever their case, and filters by language', async () => {
      assert.deepEqual((await search('ОДЕСИ')).ids, [ids.uk]);
      assert.deepEqual((await search('зерн')).ids, [ids.uk]);
      assert.deepEqual((await search('grain', { lang: 'uk' })).ids, []);
    });

    it('FTS operators, quotes, 10 KB and empty queries are plain words or nothing, never an error', async () => {
      for (const q of ['NEAR(grain corridor)', '"grain', 'grain*', 'grain OR ports', '-grain', 'col:grain', '^grain', 'grain AND NOT', '((', `${'x'.repeat(10_240)}`, '', '%_\\\'']) {
        await assert.doesNotReject(search(q), q);
      }
      assert.equal((await search(`grain ${'noise '.repeat(2000)}`)).total, 0);
      assert.deepEqual((await search('', {})).ids, []);
      const past = await search('grain', { offset: 50 });
      assert.deepEqual(past.ids, []);
      assert.equal(past.total, 2);
    });

    it('stays current on edits and logs the change for page caches', async () => {
      const before = await latestChangeId(store.db);
      assert.ok(await updatePieceIf(store.db, ids.body!, {}, { headline: 'Harbours busy again', body_md: 'Nothing about cereals.' }));
      assert.deepEqual((await search('grain')).ids, [ids.head]);
      assert.deepEqual((await search('harbours')).ids, [ids.body]);
      const changes = await changesSince(store.db, before, 10);
      assert.deepEqual(changes.map((c) => [c.subject, c.ref]), [['piece', ids.body]]);
    });
  });
}
