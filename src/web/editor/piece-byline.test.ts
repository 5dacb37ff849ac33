import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { countBlockWords } from '../../newsroom/rules/word-count.ts';
import { insertPerson, listPeople } from '../../store/directory.ts';
import { getPieceAuthorIds, getPieceView } from '../../store/pieces.ts';
import { getSiteSettings } from '../../store/settings.ts';
import { useFixtureSite } from '../../testing/fixture-server.ts';
import { storeKinds } from '../../testing/test-stores.ts';
import { EditorClient, startEditorApp, TEST_USERS, type EditorTestApp } from './test-client.ts';

/*
 * The byline and the excerpt on the edit screen, over HTTP: authors reordered, removed and added (an existing
 * person or a new name); the excerpt chosen among lengths within the policy only (a hand-made larger choice is
 * refused and nothing is stored); a save made on an older version is refused with a diff and stores nothing.
 */

const PAGE = fs.readFileSync(new URL('../../ingest/testdata/opinion-page.html', import.meta.url), 'utf8');
const ARTICLE = '/2022/01/18/opinions/byline/index.html';

const site = useFixtureSite({ [ARTICLE]: { body: PAGE } });

async function captured(t: EditorTestApp): Promise<{ c: EditorClient; id: number; version: () => Promise<string> }> {
  const c = new EditorClient(t.app);
  await c.signIn(TEST_USERS.editor);
  const id = Number(/\/editor\/pieces\/(\d+)/.exec((await c.post('/editor/capture', { url: site.origin + ARTICLE })).location ?? '')![1]);
  const version = async () => /name="version" value="(\d+)"/.exec((await c.get(`/editor/pieces/${id}`)).body)![1]!;
  return { c, id, version };
}

async function person(t: EditorTestApp, name: string): Promise<number> {
  const now = new Date().toISOString();
  return insertPerson(t.store.db, { slug: name.toLowerCase().replace(/\W+/g, '-'), names: JSON.stringify({ en: name }), spellings: '[]', bios: '{}', photo_url: null, website_url: null, profiles: '[]', pronoun: 'they', staff: 0, created_at: now, updated_at: now });
}

for (const kind of storeKinds()) {
  describe(`piece byline and excerpt on ${kind.name}`, () => {
    it('reorders, removes and adds authors, with a revision', async () => {
      const t = await startEditorApp(await kind.create(), { fetchPage: site.fetchPage });
      try {
        const { c, id, version } = await captured(t);
        const [first] = await getPieceAuthorIds(t.store.db, id);
        assert.ok(first);
        const second = await person(t, 'Olena Second');
        await person(t, '<script>alert(1)</script>');
        const edit = await c.get(`/editor/pieces/${id}`);
        assert.ok(!edit.body.includes('<script>alert(1)'), 'a name typed with script is listed as text');
        assert.match(edit.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
        assert.match(edit.body, /name="author_0"/);
        assert.match(edit.body, /name="author_1"/, 'a blank row to add an author');
        // Add the second person before the first.
        let res = await c.post(`/editor/pieces/${id}`, { version: await version(), action: 'save', author_0: String(first), author_pos_0: '2', author_1: String(second), author_pos_1: '1' });
        assert.equal(res.status, 303);
        assert.deepEqual(await getPieceAuthorIds(t.store.db, id), [second, first]);
        // Remove the first, add a new person by name.
        res = await c.post(`/editor/pieces/${id}`, { version: await version(), action: 'save', author_0: String(second), author_pos_0: '1', author_1: '', author_pos_1: '2', author_new: 'Taras New' });
        assert.equal(res.status, 303);
        const ids = await getPieceAuthorIds(t.store.db, id);
        const added = (await listPeople(t.store.db)).find((p) => p.names.includes('Taras New'));
        assert.deepEqual(ids, [second, Number(added!.id)]);
        const history = await c.get(`/editor/pieces/${id}/history`);
        assert.equal(history.status, 200);
      } finally {
        await t.close();
      }
    });

    it('offers and stores only excerpts within the policy, never the whole piece', async () => {
      const t = await startEditorApp(await kind.create(), { fetchPage: site.fetchPage });
      try {
        const { c, id, version } = await captured(t);
        const policy = (await getSiteSettings(t.store.db)).excerptPolicy;
        const edit = await c.get(`/editor/pieces/${id}`);
        const offered = [...edit.body.matchAll(/<option value="(\d+)"[^>]*>(\d+) paragraph\(s\), (\d+) words/g)].map((x) => ({ n: Number(x[1]), words: Number(x[3]) }));
        assert.ok(offered.length >= 1, 'at least one excerpt length is offered');
        for (const o of offered) assert.ok(o.words <= policy.maxWords && o.n <= policy.maxParagraphs, `offered ${o.n} paragraphs / ${o.words} words`);
        const before = (await getPieceView(t.store.db, id))!.piece.excerpt;
        const over = await c.post(`/editor/pieces/${id}`, { version: await version(), action: 'save', excerpt_paragraphs: '40', editor_note: 'kept note' });
        assert.equal(over.status, 400);
        assert.match(over.body, /excerpt: the excerpt policy allows/);
        assert.match(over.body, /kept note/, 'what was typed stays in the form');
        assert.deepEqual((await getPieceView(t.store.db, id))!.piece.excerpt, before);
        // The shortest choice is stored as chosen.
        const ok = await c.post(`/editor/pieces/${id}`, { version: await version(), action: 'save', excerpt_paragraphs: '1' });
        assert.equal(ok.status, 303);
        const stored = (await getPieceView(t.store.db, id))!.piece.excerpt;
        assert.equal(stored.length, 1);
        assert.ok(stored.reduce((n, b) => n + countBlockWords(b), 0) <= policy.maxWords);
      } finally {
        await t.close();
      }
    });

    it('refuses a save made on an older version, with a diff, storing nothing', async () => {
      const t = await startEditorApp(await kind.create(), { fetchPage: site.fetchPage });
      try {
        const { c, id, version } = await captured(t);
        const old = await version();
        const other = await person(t, 'Someone Else');
        assert.equal((await c.post(`/editor/pieces/${id}`, { version: old, action: 'save', excerpt_paragraphs: '0' })).status, 303);
        const authors = await getPieceAuthorIds(t.store.db, id);
        const stale = await c.post(`/editor/pieces/${id}`, { version: old, action: 'save', author_0: String(other), author_pos_0: '1', headline: 'My stale headline' });
        assert.equal(stale.status, 409);
        assert.match(stale.body, /class="ed-diff"/);
        const diff = /<table class="ed-diff">[\s\S]*?<\/table>/.exec(stale.body)![0];
        assert.match(diff, /<th scope="row">authors<\/th><td>[^<]*<\/td><td>Someone Else \(someone-else\)<\/td>/, 'the byline diff names people');
        assert.match(stale.body, /My stale headline/, 'the editor\u2019s text is kept');
        assert.deepEqual(await getPieceAuthorIds(t.store.db, id), authors);
        assert.notEqual((await getPieceView(t.store.db, id))!.piece.headline, 'My stale headline');
      } finally {
        await t.close();
      }
    });
  });
}
