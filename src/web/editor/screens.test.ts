import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { recentAudit } from '../../store/audit.ts';
import { getCandidate, insertCandidates } from '../../store/candidates.ts';
import { insertPerson, listPeople } from '../../store/directory.ts';
import { insertFeed, pauseFeed } from '../../store/feeds.ts';
import { getSiteSettings } from '../../store/settings.ts';
import { findUserByEmail } from '../../store/users.ts';
import { useFixtureSite } from '../../testing/fixture-server.ts';
import { storeKinds } from '../../testing/test-stores.ts';
import { EditorClient, startEditorApp, TEST_USERS } from './test-client.ts';

/*
 * The other screens doing their job over HTTP: one-click capture and dismiss from the inbox; an admin adds a
 * user (password shown once, usable at once), demotes one (their sessions end), changes the settings (bad
 * values refused, naming the field), with audit entries; the interface in Ukrainian.
 */

const PAGE = fs.readFileSync(new URL('../../ingest/testdata/opinion-page.html', import.meta.url), 'utf8');
const ARTICLE = '/2022/01/18/opinions/from-the-inbox/index.html';

const site = useFixtureSite({ [ARTICLE]: { body: PAGE } });

function candidate(url: string, title: string) {
  return { url, canonicalUrl: url, guid: null, title, authors: [], publishedAt: null, summary: null, imageUrl: null, language: 'en', signature: null, bandKeys: [], watchMatches: [] };
}

for (const kind of storeKinds()) {
  describe(`editor screens on ${kind.name}`, () => {
    it('captures and dismisses candidates from the inbox', async () => {
      const t = await startEditorApp(await kind.create(), { fetchPage: site.fetchPage });
      try {
        const now = new Date().toISOString();
        const { inserted } = await insertCandidates(t.store.db, [candidate(site.origin + ARTICLE, 'Quiet winter <b>loud</b>'), candidate('https://example.org/other', 'Not for us')],
          { feedId: null, outletId: null, now, groupSince: now, similarity: () => 0, minSimilarity: 1 });
        const c = new EditorClient(t.app);
        await c.signIn(TEST_USERS.contributor);
        const shared = await c.get(`/editor/capture?title=x&text=${encodeURIComponent(`Read this: ${site.origin}${ARTICLE} via phone`)}`);
        assert.ok(shared.body.includes(`value="${site.origin}${ARTICLE}"`), 'a phone\u2019s share sheet fills the form from its text');
        const manifest = await t.app.inject({ url: '/assets/editor.webmanifest' });
        assert.equal(JSON.parse(manifest.body).share_target.action, '/editor/capture');
        const inbox = await c.get('/editor/inbox');
        assert.equal(inbox.status, 200);
        assert.ok(inbox.body.includes('Quiet winter &lt;b&gt;loud&lt;/b&gt;') && inbox.body.includes('Not for us'));
        const captured = await c.post(`/editor/inbox/${inserted[0]!.id}/capture`);
        assert.match(captured.location ?? '', /^\/editor\/pieces\/\d+$/);
        assert.equal((await getCandidate(t.store.db, inserted[0]!.id))?.state, 'captured');
        await c.get('/editor/inbox');
        assert.equal((await c.post(`/editor/inbox/${inserted[1]!.id}/dismiss`)).status, 303);
        const after = await c.get('/editor/inbox');
        assert.ok(!after.body.includes('Not for us') && !after.body.includes('Quiet winter'));
        // Merging people: the captured author into a second record of the same person.
        const editor = new EditorClient(t.app);
        await editor.signIn(TEST_USERS.editor);
        const twin = await insertPerson(t.store.db, { slug: 'marta-kovalenko-2', names: JSON.stringify({ en: 'Marta Kovalenko' }), spellings: '[]', bios: '{}', profiles: '[]', pronoun: 'she', staff: 0, created_at: now, updated_at: now });
        const [original] = (await listPeople(t.store.db)).filter((p) => Number(p.id) !== twin);
        await editor.get('/editor/directory');
        assert.equal((await editor.post('/editor/people/merge', { from: String(original!.id), into: String(twin) })).status, 303);
        assert.deepEqual((await listPeople(t.store.db)).map((p) => Number(p.id)), [twin]);
        const authors = await t.store.db.selectFrom('piece_authors').select('person_id').execute();
        assert.deepEqual(authors.map((a) => Number(a.person_id)), [twin]);
      } finally {
        await t.close();
      }
    });

    it('shows each feed\u2019s health: a stopped worker as overdue, a paused feed with its reason', async () => {
      const t = await startEditorApp(await kind.create());
      try {
        const stale = new Date(Date.now() - 2 * 86_400_000).toISOString();
        await insertFeed(t.store.db, { url: 'https://stopped.example/rss', now: stale });
        const { id } = await insertFeed(t.store.db, { url: 'https://paused.example/rss', now: new Date().toISOString() });
        await pauseFeed(t.store.db, id, 'outlet asked us to stop', new Date().toISOString());
        const editor = new EditorClient(t.app);
        await editor.signIn(TEST_USERS.editor);
        const page = await editor.get('/editor/feeds');
        assert.equal(page.status, 200);
        assert.match(page.body, /<strong>Overdue: the check was due [\d-]+ [\d:]+; is a worker running\?<\/strong>/);
        assert.match(page.body, /<strong>Paused<\/strong>: outlet asked us to stop/);
      } finally {
        await t.close();
      }
    });

    it('lets an admin manage users and settings, with audit entries', async () => {
      const t = await startEditorApp(await kind.create());
      try {
        const admin = new EditorClient(t.app);
        await admin.signIn(TEST_USERS.admin);
        await admin.get('/editor/users');
        const added = await admin.post('/editor/users', { email: 'new@test.example', name: 'New <i>Person</i>', role: 'editor' });
        assert.equal(added.status, 200);
        const password = /class="ed-secret">([^<]+)</.exec(added.body)![1]!;
        assert.ok(added.body.includes('New &lt;i&gt;Person&lt;/i&gt;'));
        const newcomer = new EditorClient(t.app);
        assert.equal((await newcomer.signIn('new@test.example', password)).status, 303);
        assert.equal((await newcomer.get('/editor/directory')).status, 200);
        const userId = (await findUserByEmail(t.store.db, 'new@test.example'))!.id;
        assert.equal((await admin.post(`/editor/users/${userId}`, { role: 'contributor' })).status, 303);
        assert.equal((await newcomer.get('/editor/directory')).status, 303, 'a role change ends the sessions');
        await admin.get('/editor/settings');
        const bad = await admin.post('/editor/settings', { languages: 'en', timeZone: 'Mars/Olympus', maxParagraphs: '3', maxWords: '200', maxShare: '0.3' });
        assert.equal(bad.status, 400);
        assert.match(bad.body, /IANA time zone/);
        assert.ok(bad.body.includes('Mars/Olympus'), 'the typed value is kept');
        const form = { languages: 'uk, en', timeZone: 'Europe/Kyiv', maxParagraphs: '2', maxWords: '150', maxShare: '0.25', name_en: 'The Kyiv Desk', name_uk: 'Київська редакція', support_heading_en: 'Help us', support_text_en: 'Readers keep us going.', support_label_en: 'Donate', support_url_en: 'https://example.org/donate' };
        assert.equal((await admin.post('/editor/settings', form)).status, 200);
        const settings = await getSiteSettings(t.store.db);
        assert.deepEqual([settings.languages, settings.excerptPolicy.maxWords, settings.name.en, settings.readerSupport.en.buttonUrl], [['uk', 'en'], 150, 'The Kyiv Desk', 'https://example.org/donate']);
        const actions = (await recentAudit(t.store.db)).map((a) => a.action);
        for (const a of ['user.create', 'user.role', 'settings.change']) assert.ok(actions.includes(a), a);
        await admin.post('/editor/language', { to: 'uk', back: '/editor/users' });
        const users = await admin.get('/editor/users');
        assert.doesNotMatch(users.body, /argon2|password_hash/, 'password hashes never leave the server');
        const uk = await admin.get('/editor/users');
        assert.match(uk.body, /<html lang="uk">/);
        assert.ok(uk.body.includes('Користувачі й ролі'));
      } finally {
        await t.close();
      }
    });
  });
}
