import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { BACKUP_TABLES, dumpTables, isDerivedTable, type DumpRecord } from '../store/backup.ts';
import { checkBackup, restoreBackup, writeBackup } from '../store/backup-file.ts';
import { insertPerson } from '../store/directory.ts';
import { openStore, type Store } from '../store/open.ts';
import { insertPiece } from '../store/pieces.ts';
import { searchPieces } from '../store/search.ts';
import { StoreError } from '../store/store-error.ts';
import { allRows, FIXTURE_NOW, seedEverything } from '../testing/backup-fixtures.ts';
import { storeKinds, type TestStore } from '../testing/test-stores.ts';
import { buildApp } from '../web/app.ts';
import type { SampleSite } from '../web/site/sample-site.ts';

const SITE = 'http://site.test';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-backup-test-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The HTML of the pages a reader sees, rendered by the real app over `store`. */
async function pages(store: Store, urls: string[]): Promise<string[]> {
  const app = await buildApp({ store, logger: pino({ level: 'silent' }), siteUrl: SITE, now: () => FIXTURE_NOW });
  try {
    const out = [];
    for (const url of urls) {
      const r = await app.inject({ method: 'GET', url });
      assert.equal(r.statusCode, 200, url);
      out.push(r.body);
    }
    return out;
  } finally {
    await app.close();
  }
}

const kinds = storeKinds();

for (const from of kinds) {
  describe(`backup of ${from.name}`, () => {
    let source: TestStore;
    let sample: SampleSite;
    let file: string;
    let sourceRows: Record<string, unknown[]>;
    before(async () => {
      source = await from.create();
      sample = await seedEverything(source, SITE);
      file = path.join(tmp, `${from.name}.ndbackup.gz`);
      await writeBackup(source, file, { now: FIXTURE_NOW });
      // Taken now: building an app over the source later adds a row (the editor's CSRF key) the backup cannot hold.
      sourceRows = await allRows(source.db);
    });
    after(async () => { await source.close(); });

    it('holds every table of the schema but the derived ones, each with rows', async () => {
      const tables = (await source.db.introspection.getTables()).map((t) => t.name).filter((n) => !isDerivedTable(n));
      assert.deepEqual([...tables].sort(), [...BACKUP_TABLES].sort(), 'a new table must be added to BACKUP_TABLES (parents first)');
      const { header, rows } = await checkBackup(file);
      assert.equal(header.dialect, from.name);
      assert.ok(header.migrations.length >= 4);
      for (const t of BACKUP_TABLES) assert.ok((rows[t] ?? 0) > 0, `fixture rows in ${t}`);
      assert.equal(fs.statSync(file).mode & 0o777, 0o600, 'only the owner may read a file of password hashes');
      assert.deepEqual(fs.readdirSync(tmp).filter((f) => f.endsWith('.partial')), [], 'no temporary file is left behind');
      await assert.rejects(writeBackup(source, path.join(tmp, 'no-such-folder', 'x.gz'), { now: FIXTURE_NOW }), /missing or not writable/);
    });

    for (const into of kinds) {
      it(`restores into a fresh ${into.name} database: same rows, same pages, same search, new ids do not collide`, async () => {
        const target = await into.create();
        try {
          const r = await restoreBackup(target, file, { force: false });
          assert.ok(r.ok);
          assert.deepEqual(await allRows(target.db), sourceRows);
          const urls = ['/', sample.opinionPath, sample.storyPath, sample.ukPath, '/uk/', '/tag/kazakhstan', '/feed.xml'];
          const [want, got] = [await pages(source, urls), await pages(target, urls)];
          for (const [i, url] of urls.entries()) assert.equal(got[i], want[i], url);
          for (const q of ['steppe', 'Ann Writer', 'Україна', 'demo']) {
            const ids = async (s: Store) => (await searchPieces(s.db, s.dialect, q, { limit: 100, offset: 0 })).ids.sort();
            assert.deepEqual(await ids(target), await ids(source), q);
          }
          const maxPerson = Number((await target.db.selectFrom('people').select((e) => e.fn.max('id').as('m')).executeTakeFirstOrThrow()).m);
          const id = await insertPerson(target.db, { slug: 'new-person', names: '{"en":"New"}', spellings: '[]', bios: '{}', profiles: '[]', pronoun: 'they', created_at: 'x', updated_at: 'x' });
          assert.ok(id > maxPerson);
        } finally {
          await target.close();
        }
      });
    }

    it('refuses a non-empty database unless forced, and then replaces everything', async () => {
      const target = await from.create();
      try {
        await insertPerson(target.db, { slug: 'in-the-way', names: '{}', spellings: '[]', bios: '{}', profiles: '[]', pronoun: 'they', created_at: 'x', updated_at: 'x' });
        const r = await restoreBackup(target, file, { force: false });
        assert.deepEqual(r, { ok: false, reason: 'not-empty', table: 'people' });
        assert.ok((await restoreBackup(target, file, { force: true })).ok);
        assert.deepEqual(await allRows(target.db), sourceRows);
      } finally {
        await target.close();
      }
    });

    it('a missing, corrupt, truncated or newer file gives one clear line and changes nothing', async () => {
      const gz = fs.readFileSync(file);
      const lines = zlib.gunzipSync(gz).toString('utf8').split('\n');
      const header = JSON.parse(lines[0]!) as Record<string, unknown>;
      const variants: [string, Buffer | null, RegExp][] = [
        ['missing', null, /does not exist/],
        ['garbage', Buffer.from('not a backup at all'), /not a gzip'd newsdesk backup/],
        ['cut', gz.subarray(0, Math.floor(gz.length / 2)), /truncated/],
        ['no-end', zlib.gzipSync(lines.slice(0, -3).join('\n')), /truncated/],
        ['bad-json', zlib.gzipSync([lines[0], '{"table":', ...lines.slice(1)].join('\n')), /not valid JSON/],
        ['newer', zlib.gzipSync([JSON.stringify({ ...header, version: 99 }), ...lines.slice(1)].join('\n')), /newer newsdesk \(format 99/],
        ['newer-schema', zlib.gzipSync([JSON.stringify({ ...header, migrations: ['999-future'] }), ...lines.slice(1)].join('\n')), /migration 999-future/],
        ['miscounted', zlib.gzipSync([...lines.slice(0, 3), ...lines.slice(4)].join('\n')), /row counts|values where/],
      ];
      const target = await from.create();
      try {
        for (const [name, bytes, message] of variants) {
          const f = path.join(tmp, `${from.name}-${name}.gz`);
          if (bytes) fs.writeFileSync(f, bytes);
          await assert.rejects(restoreBackup(target, f, { force: true }), (err: Error) => {
            assert.ok(err instanceof StoreError, name);
            assert.match(err.message, message, name);
            assert.doesNotMatch(err.message, /\n/);
            return true;
          });
          for (const rows of Object.values(await allRows(target.db))) assert.equal(rows.length, 0, name);
        }
      } finally {
        await target.close();
      }
    });

    it('a backup taken while another connection writes is consistent', async () => {
      // The writer adds a person, a piece by them and its authorship just after the dump has read `people`:
      // without one snapshot, the dump would hold an authorship whose person it lacks.
      const writer = await openStore({ ...source.reopen, poolSize: 2 });
      const records: DumpRecord[] = [];
      let wrote = 0;
      try {
        await dumpTables(source, async (r) => {
          records.push(r);
          if ('table' in r && (r.table === 'pieces' || r.table === 'piece_authors')) await writeOne(writer, `w-${wrote++}`, sample.tagIds.media);
        }, { pageSize: 2 });
      } finally {
        await writer.close();
      }
      assert.equal(wrote, 2);
      assert.ok(await source.db.selectFrom('people').select('id').where('slug', '=', 'w-1').executeTakeFirst(), 'the writes committed');
      const byTable = new Map<string, { columns: string[]; rows: unknown[][] }>();
      let current: { columns: string[]; rows: unknown[][] } | undefined;
      for (const r of records) {
        if ('row' in r) current!.rows.push(r.row);
        else byTable.set(r.table, (current = { columns: r.columns, rows: [] }));
      }
      const ids = (t: string, c = 'id') => new Set(byTable.get(t)!.rows.map((r) => r[byTable.get(t)!.columns.indexOf(c)]));
      const [people, pieces] = [ids('people'), ids('pieces')];
      for (const pid of ids('piece_authors', 'person_id')) assert.ok(people.has(pid), `person ${String(pid)} present`);
      for (const pid of ids('piece_authors', 'piece_id')) assert.ok(pieces.has(pid), `piece ${String(pid)} present`);
      for (const pid of ids('piece_tags', 'piece_id')) assert.ok(pieces.has(pid), `piece ${String(pid)} present`);
      assert.equal(byTable.get('people')!.rows.length, sourceRows.people!.length, 'none of the later writes is in the backup');
    });
  });
}

/** One writer transaction: a person, a published piece by them, its authorship and tag. */
async function writeOne(writer: Store, slug: string, tagId: number): Promise<void> {
  const at = FIXTURE_NOW.toISOString();
  const person = await insertPerson(writer.db, { slug, names: `{"en":"${slug}"}`, spellings: '[]', bios: '{}', profiles: '[]', pronoun: 'they', created_at: at, updated_at: at });
  await insertPiece(writer.db, { row: { type: 'story', kind: 'news', state: 'published', language: 'en', slug, path: `/w/${slug}`, headline: slug, seo: 'index', published_at: at, created_at: at, updated_at: at }, authorIds: [person], tagIds: [tagId] });
}
