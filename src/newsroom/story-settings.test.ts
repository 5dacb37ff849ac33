import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recentAudit } from '../store/audit.ts';
import { getPieceView } from '../store/pieces.ts';
import { getSiteSettings } from '../store/settings.ts';
import { findUserByEmail } from '../store/users.ts';
import { storeKinds } from '../testing/test-stores.ts';
import { addUser } from './accounts.ts';
import { SYSTEM, type Actor } from './actor.ts';
import { changeRole } from './roles.ts';
import { updateSiteSettings } from './site-settings.ts';
import { createStory } from './story.ts';

const now = new Date('2026-11-25T10:00:00Z');

for (const kind of storeKinds()) {
  describe(`stories, roles and settings on ${kind.name}`, () => {
    it('a story is written, published with a path in the site time zone, and refuses bad links', async () => {
      const store = await kind.create();
      try {
        const r = await createStory(store, SYSTEM, { headline: 'Кияни готуються до зими', body: 'Перший абзац.\n\nДругий абзац з [посиланням](https://example.org/a).', tags: ['Київ'], language: 'uk', publish: true }, new Date('2026-11-25T23:30:00Z'));
        assert.equal(r.state, 'published');
        assert.equal(r.path, '/2026/11/26/kyiany-hotuiutsia-do-zymy', 'the date is the Kyiv date, the slug KMU 2010');
        const v = (await getPieceView(store.db, r.id))!;
        assert.equal(v.piece.language, 'uk');
        assert.deepEqual(v.tags.map((t) => [t.slug, t.names.uk]), [['kyiv', 'Київ']]);
        const bad = await createStory(store, SYSTEM, { headline: 'Links', body: 'A [link](javascript:alert(1)) and [another]().' }, now);
        await assert.rejects(createStory(store, SYSTEM, { headline: ' ', body: 'x' }, now), /headline: a story needs a headline/);
        const { publishPiece } = await import('./piece-commands.ts');
        await assert.rejects(publishPiece(store, SYSTEM, bad.id, now), /cannot publish: body/);
      } finally { await store.close(); }
    });

    it('only admins change roles and settings; both are audited; the last admin stays', async () => {
      const store = await kind.create();
      try {
        const admin = await addUser(store, { email: 'a@example.org', role: 'admin', password: 'long enough password', now });
        await addUser(store, { email: 'e@example.org', role: 'editor', password: 'long enough password', now });
        const adminActor: Actor = { userId: admin.id, role: 'admin', label: 'a@example.org' };
        const editor: Actor = { userId: 2, role: 'editor', label: 'e@example.org' };
        await assert.rejects(changeRole(store, editor, 'e@example.org', 'admin', now), /editors may not manage-users/);
        await assert.rejects(changeRole(store, adminActor, 'a@example.org', 'editor', now), /last admin/);
        await changeRole(store, adminActor, 'e@example.org', 'contributor', now);
        assert.equal((await findUserByEmail(store.db, 'e@example.org'))?.role, 'contributor');
        await assert.rejects(updateSiteSettings(store, editor, { timeZone: 'UTC' }, now), /may not manage-settings/);
        await assert.rejects(updateSiteSettings(store, adminActor, { timeZone: 'Mars/Olympus' }, now), /settings timeZone: must be an IANA time zone/);
        await assert.rejects(updateSiteSettings(store, adminActor, { readerSupport: { en: { heading: 'h', text: 't', buttonLabel: 'b', buttonUrl: '' } } }, now), /buttonUrl/);
        await assert.rejects(updateSiteSettings(store, adminActor, { noteTemplates: { opinion: { en: 'By {author} at {outlet}' } } }, now), /author/);
        await assert.rejects(updateSiteSettings(store, adminActor, { colour: 'red' }, now), /colour|unrecognized/i);
        await updateSiteSettings(store, adminActor, { name: { en: 'The Kyiv Desk' }, excerptPolicy: { maxParagraphs: 2, maxWords: 150, maxShare: 0.25 } }, now);
        const s = await getSiteSettings(store.db);
        assert.equal(s.name.en, 'The Kyiv Desk');
        assert.equal(s.excerptPolicy.maxWords, 150);
        assert.equal(s.timeZone, 'Europe/Kyiv', 'untouched settings keep their values');
        const actions = (await recentAudit(store.db)).map((a) => a.action);
        assert.ok(actions.includes('user.role') && actions.includes('settings.change'));
      } finally { await store.close(); }
    });
  });
}
