import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findOutlet, findPerson, insertOutlet, insertPerson } from '../../store/directory.ts';
import { storeKinds } from '../../testing/test-stores.ts';
import { EditorClient, startEditorApp, TEST_USERS, type EditorTestApp } from './test-client.ts';

/*
 * Editing outlets and people on the directory screens: saved by editors, refused to contributors; an invalid
 * website or home page is refused with a message naming the field and never stored; script typed into a name
 * comes back as text on every screen that shows it.
 */

const SCRIPT = '<script>alert(1)</script>';

async function records(t: EditorTestApp): Promise<{ personId: number; outletId: number }> {
  const now = new Date().toISOString();
  const personId = await insertPerson(t.store.db, { slug: 'ada', names: JSON.stringify({ en: 'Ada' }), spellings: '[]', bios: '{}', photo_url: null, website_url: 'https://ada.example.org/', profiles: '[]', pronoun: 'she', staff: 0, created_at: now, updated_at: now });
  const outletId = await insertOutlet(t.store.db, { name: 'Daily Example', slug: 'daily-example', home_url: 'https://daily.example.com/', created_at: now, updated_at: now });
  return { personId, outletId };
}

const PERSON = { name_en: 'Ada Lovelace', name_uk: 'Ада Лавлейс', bio_en: 'Writes about engines.', bio_uk: 'Пише про машини.', website: 'https://ada.example.org/about', pronoun: 'she', staff: 'on' };

for (const kind of storeKinds()) {
  describe(`directory editing on ${kind.name}`, () => {
    it('saves a person and an outlet for an editor', async () => {
      const t = await startEditorApp(await kind.create());
      try {
        const { personId, outletId } = await records(t);
        const c = new EditorClient(t.app);
        await c.signIn(TEST_USERS.editor);
        assert.match((await c.get('/editor/directory')).body, new RegExp(`href="/editor/people/${personId}"`));
        await c.get(`/editor/people/${personId}`);
        assert.equal((await c.post(`/editor/people/${personId}`, PERSON)).status, 303);
        const p = (await findPerson(t.store.db, String(personId)))!;
        assert.deepEqual([JSON.parse(p.names), JSON.parse(p.bios), p.website_url, p.pronoun, Number(p.staff)], [{ en: 'Ada Lovelace', uk: 'Ада Лавлейс' }, { en: 'Writes about engines.', uk: 'Пише про машини.' }, 'https://ada.example.org/about', 'she', 1]);
        await c.get(`/editor/outlets/${outletId}`);
        const res = await c.post(`/editor/outlets/${outletId}`, { name: 'The Daily Example', home_url: 'https://daily.example.com/', max_paragraphs: '2', max_words: '', max_share: '0.2', permissions_note: 'Emailed permission, 2026' });
        assert.equal(res.status, 303);
        const o = (await findOutlet(t.store.db, String(outletId)))!;
        assert.deepEqual([o.name, JSON.parse(o.excerpt_policy!), o.permissions_note], ['The Daily Example', { maxParagraphs: 2, maxShare: 0.2 }, 'Emailed permission, 2026']);
      } finally {
        await t.close();
      }
    });

    it('refuses an invalid website or home page, naming the field, storing nothing', async () => {
      const t = await startEditorApp(await kind.create());
      try {
        const { personId, outletId } = await records(t);
        const c = new EditorClient(t.app);
        await c.signIn(TEST_USERS.admin);
        for (const bad of ['javascript:alert(1)', 'ada.example.org', 'ftp://ada.example.org/']) {
          await c.get(`/editor/people/${personId}`);
          const res = await c.post(`/editor/people/${personId}`, { ...PERSON, website: bad });
          assert.equal(res.status, 400, bad);
          assert.match(res.body, /website: .*is not a valid web address/);
          assert.match(res.body, /Writes about engines\./, 'what was typed stays in the form');
        }
        assert.equal((await findPerson(t.store.db, String(personId)))!.website_url, 'https://ada.example.org/');
        await c.get(`/editor/outlets/${outletId}`);
        const res = await c.post(`/editor/outlets/${outletId}`, { name: 'X', home_url: 'javascript:alert(1)' });
        assert.equal(res.status, 400);
        assert.match(res.body, /home page address: /);
        assert.equal((await findOutlet(t.store.db, String(outletId)))!.home_url, 'https://daily.example.com/');
        const policy = await c.post(`/editor/outlets/${outletId}`, { name: 'X', home_url: '', max_words: '-5' });
        assert.equal(policy.status, 400);
        assert.match(policy.body, /maxWords/);
      } finally {
        await t.close();
      }
    });

    it('shows script typed into names as text, and refuses contributors', async () => {
      const t = await startEditorApp(await kind.create());
      try {
        const { personId, outletId } = await records(t);
        const c = new EditorClient(t.app);
        await c.signIn(TEST_USERS.editor);
        await c.get(`/editor/people/${personId}`);
        assert.equal((await c.post(`/editor/people/${personId}`, { ...PERSON, name_en: SCRIPT, name_uk: SCRIPT })).status, 303);
        await c.get(`/editor/outlets/${outletId}`);
        assert.equal((await c.post(`/editor/outlets/${outletId}`, { name: SCRIPT, home_url: '' })).status, 303);
        for (const url of ['/editor/directory', `/editor/people/${personId}`, `/editor/outlets/${outletId}`]) {
          const body = (await c.get(url)).body;
          assert.ok(!body.includes(SCRIPT), `${url} has the raw script`);
          assert.ok(body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), `${url} shows the name as text`);
        }
        const contributor = new EditorClient(t.app);
        await contributor.signIn(TEST_USERS.contributor);
        assert.equal((await contributor.get(`/editor/people/${personId}`)).status, 403);
        assert.equal((await contributor.post(`/editor/people/${personId}`, PERSON)).status, 403);
      } finally {
        await t.close();
      }
    });
  });
}
