import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import pino from 'pino';
import { jobHandlers } from '../jobs/handlers.ts';
import { createWorker } from '../jobs/worker.ts';
import { createFetcher, type Fetcher } from '../net/safe-fetch.ts';
import { countWords } from './rules/word-count.ts';
import { addUser } from './accounts.ts';
import { getPieceView, listRevisions } from '../store/pieces.ts';
import { recentAudit } from '../store/audit.ts';
import { startFixtureServer, type FixtureServer } from '../testing/fixture-server.ts';
import { storeKinds, type TestStore } from '../testing/test-stores.ts';
import { SYSTEM, type Actor } from './actor.ts';
import { correctPiece, editPiece, publishPiece, retractPiece, schedulePiece, submitPiece } from './piece-commands.ts';
import { recommend } from './recommend.ts';
import { blockText } from './rules/word-count.ts';

const PAGE = fs.readFileSync(new URL('../ingest/testdata/opinion-page.html', import.meta.url), 'utf8');
const ARTICLE = '/2022/01/18/opinions/steppe-quiet-winter-warning/index.html';
const now = () => new Date('2026-11-25T10:00:00Z');

let server: FixtureServer;
let fetcher: Fetcher;
before(async () => {
  server = await startFixtureServer({ [ARTICLE]: { body: PAGE }, '/other': { body: PAGE.replaceAll('steppe-quiet-winter-warning', 'other-piece').replace('"OpinionNewsArticle"', '"NewsArticle"') } });
  fetcher = createFetcher({ allow: server.allow, userAgent: 'newsdesk-test' });
});
after(async () => { await fetcher.close(); await server.close(); });

async function userActor(store: TestStore, role: 'editor' | 'contributor', email: string): Promise<Actor> {
  const { id } = await addUser(store, { email, role, password: 'long enough password', now: now() });
  return { userId: id, role, label: email };
}

for (const kind of storeKinds()) {
  describe(`recommendations on ${kind.name}`, () => {
    it('a captured op-ed becomes a published page with every row of the anatomy', async () => {
      const store = await kind.create();
      try {
        const { id: candidateId } = await store.db.insertInto('candidates').values({ url: `${server.origin}${ARTICLE}?utm_source=rss`, canonical_url: `${server.origin}${ARTICLE}`, title: 'From a feed', created_at: now().toISOString() }).returning('id').executeTakeFirstOrThrow();
        const r = await recommend(store, (u) => fetcher.fetch(u), SYSTEM, { source: `${server.origin}${ARTICLE}`, tags: ['Kazakhstan', 'Казахстан'], publish: true }, now);
        const candidate = await store.db.selectFrom('candidates').select('state').where('id', '=', candidateId).executeTakeFirstOrThrow();
        assert.equal(candidate.state, 'used', 'the inbox candidate is kept as used');
        assert.equal(r.state, 'published');
        assert.equal(r.path, '/2022/01/18/marta-kovalenko-for-the-steppe-a-quiet-winter-is-a-loud-warning');
        const v = (await getPieceView(store.db, r.id))!;
        const p = v.piece;
        assert.equal(r.headline, 'Marta Kovalenko: For the steppe, a quiet winter is a loud warning');
        assert.equal(p.kind, 'opinion');
        assert.deepEqual(v.authors.map((a) => a.names.en), ['Marta Kovalenko']);
        assert.equal(p.originalPublishedAt, '2022-01-18T13:54:00.000Z');
        assert.equal(p.image?.url, `${server.origin}/images/rally-aktobe.jpg`);
        assert.match(p.image?.caption ?? '', /^About two hundred residents .* on Jan\. 5\.$/);
        assert.equal(p.image?.credit, 'orda_kz');
        const words = p.excerpt.reduce((n, b) => n + countWords(blockText(b)), 0);
        assert.ok(p.excerpt.length >= 1 && p.excerpt.length <= 3 && words <= 200, `excerpt ${p.excerpt.length} paragraphs, ${words} words`);
        assert.match(blockText(p.excerpt[0]!), /^When the talks between the great powers/);
        assert.equal(p.editorsNote, 'This op-ed was published by Example World News. Newsdesk is aggregating it as a recommendation to our readers.');
        assert.equal(p.originalUrl, `${server.origin}${ARTICLE}`);
        assert.equal(v.outlet?.name, 'Example World News');
        assert.match(v.authors[0]!.bios.en ?? '', /^Marta Kovalenko is a writer and analyst/);
        assert.equal(v.authors[0]!.website, 'https://marta.example.org/');
        assert.deepEqual(v.tags.map((t) => t.slug), ['kazakhstan'], 'the Ukrainian spelling transliterates to the same tag');
        assert.equal(p.seo, 'noindex');
        const audit = (await recentAudit(store.db)).map((a) => a.action);
        assert.ok(audit.includes('piece.publish') && audit.includes('piece.create'));
        assert.equal((await listRevisions(store.db, r.id)).length, 2);

        const again = await recommend(store, (u) => fetcher.fetch(u), SYSTEM, { source: `${server.origin}${ARTICLE}?utm_source=x` }, now);
        assert.equal(again.existing, true);
        assert.equal(again.id, r.id, 'the same URL offers the existing recommendation');
      } finally { await store.close(); }
    });

    it('enforces roles on every command and refuses stale edits', async () => {
      const store = await kind.create();
      try {
        const contributor = await userActor(store, 'contributor', 'c@example.org');
        const editor = await userActor(store, 'editor', 'e@example.org');
        const r = await recommend(store, (u) => fetcher.fetch(u), contributor, { source: `${server.origin}/other` }, now);
        assert.equal(r.state, 'draft');
        assert.equal(r.headline, 'For the steppe, a quiet winter is a loud warning', 'news keeps the original headline');
        await assert.rejects(publishPiece(store, contributor, r.id, now()), /contributors may not publish/);
        await assert.rejects(recommend(store, (u) => fetcher.fetch(u), contributor, { source: `${server.origin}${ARTICLE}`, publish: true }, now), /contributors may not publish/);
        await submitPiece(store, contributor, r.id, now());
        await assert.rejects(editPiece(store, contributor, r.id, 2, { headline: 'Mine' }, now()), /may not edit/);
        const first = await editPiece(store, editor, r.id, 2, { headline: 'Edited once' }, now());
        assert.equal(first.version, 3);
        await assert.rejects(editPiece(store, editor, r.id, 2, { headline: 'Edited on a stale copy' }, now()), /changed since you opened it/);
        assert.equal((await getPieceView(store.db, r.id))?.piece.headline, 'Edited once', 'nothing lost');
        const pub = await publishPiece(store, editor, r.id, now());
        const twice = await publishPiece(store, editor, r.id, now());
        assert.equal(twice.version, pub.version, 'a double publish changes nothing');
        await correctPiece(store, editor, r.id, 'An earlier version misspelled a name.', now());
        await assert.rejects(retractPiece(store, contributor, r.id, 'no', now()), /contributors may not retract/);
        const gone = await retractPiece(store, editor, r.id, 'The original was withdrawn by its publisher.', now());
        assert.equal(gone.state, 'retracted');
        const v = (await getPieceView(store.db, r.id))!;
        assert.equal(v.piece.corrections.length, 1);
        assert.equal(v.piece.retractionNote, 'The original was withdrawn by its publisher.');
      } finally { await store.close(); }
    });

    it('schedules through the job queue and refuses a time in the past', async () => {
      const store = await kind.create();
      try {
        const r = await recommend(store, (u) => fetcher.fetch(u), SYSTEM, { source: `${server.origin}${ARTICLE}` }, now);
        await assert.rejects(schedulePiece(store, SYSTEM, r.id, '2026-11-25T09:00:00Z', now()), /is not in the future/);
        await assert.rejects(schedulePiece(store, SYSTEM, r.id, '2026-11-26 09:00', now()), /not a time with a zone/);
        const s = await schedulePiece(store, SYSTEM, r.id, '2026-11-25T13:00:00+02:00', now());
        assert.equal(s.state, 'scheduled');
        let t = now();
        const logger = pino({ level: 'silent' });
        const worker = createWorker({ store, logger, handlers: jobHandlers({ store, logger, now: () => t }), now: () => t });
        await worker.tick();
        assert.equal((await getPieceView(store.db, r.id))?.piece.state, 'scheduled', 'not before its time');
        t = new Date('2026-11-25T11:00:01Z');
        await worker.tick();
        assert.equal((await getPieceView(store.db, r.id))?.piece.state, 'published');
      } finally { await store.close(); }
    });

    it('two captures of one new outlet and author at once make one outlet and one person, not an error', async () => {
      const store = await kind.create();
      try {
        const [a, b] = await Promise.all([`${server.origin}${ARTICLE}`, `${server.origin}/other`].map((source) => recommend(store, (u) => fetcher.fetch(u), SYSTEM, { source }, now)));
        assert.notEqual(a!.id, b!.id);
        const outlets = await store.db.selectFrom('outlets').select('id').execute();
        assert.equal(outlets.length, 1, 'one outlet');
        const people = await store.db.selectFrom('people').select('slug').execute();
        const byline = await store.db.selectFrom('piece_authors').select('person_id').where('piece_id', '=', a!.id).execute();
        assert.equal(people.length, byline.length, `one record per author: ${people.map((p) => p.slug).join(', ')}`);
      } finally { await store.close(); }
    });

    it('a schedule whose publish job cannot be saved changes nothing (state and job commit together)', async () => {
      const store = await kind.create();
      try {
        const r = await recommend(store, (u) => fetcher.fetch(u), SYSTEM, { source: `${server.origin}${ARTICLE}` }, now);
        await sql`ALTER TABLE jobs RENAME TO jobs_away`.execute(store.db);
        await assert.rejects(schedulePiece(store, SYSTEM, r.id, '2026-11-25T13:00:00+02:00', now()));
        await sql`ALTER TABLE jobs_away RENAME TO jobs`.execute(store.db);
        assert.equal((await getPieceView(store.db, r.id))?.piece.state, 'draft');
        assert.equal((await listRevisions(store.db, r.id)).length, 1, 'no revision for the schedule that failed');
      } finally { await store.close(); }
    });
  });
}
