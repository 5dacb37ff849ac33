import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { storeKinds } from '../testing/test-stores.ts';
import { migrateToLatest, pendingMigrations } from './migrate.ts';
import { migrationNames, migrationsFor } from './migrations/index.ts';

for (const kind of storeKinds()) {
  describe(`migrations on ${kind.name}`, () => {
    it('create every core table and are idempotent', async () => {
      const store = await kind.create({ migrate: false });
      try {
        assert.deepEqual(await pendingMigrations(store), [...migrationNames]);
        const first = await migrateToLatest(store);
        assert.deepEqual(first.applied, [...migrationNames]);
        const second = await migrateToLatest(store);
        assert.equal(second.alreadyCurrent, true);
        const tables = ['outlets', 'feeds', 'candidates', 'captures', 'people', 'pieces', 'tags', 'users', 'sessions', 'jobs', 'link_checks', 'settings', 'audit_log'];
        for (const t of tables) {
          const rows = await sql`select count(*) as n from ${sql.table(t)}`.execute(store.db);
          assert.equal(Number((rows.rows[0] as { n: unknown }).n), 0, t);
        }
      } finally {
        await store.close();
      }
    });

    it('leave nothing behind when a migration fails half-way', async () => {
      const store = await kind.create({ migrate: false });
      try {
        const broken = {
          ...migrationsFor(store.dialect),
          '999-broken': {
            up: async (db: Kysely<unknown>) => {
              await db.schema.createTable('half_done').addColumn('x', 'integer').execute();
              await sql`insert into no_such_table values (1)`.execute(db);
            },
          },
        };
        await assert.rejects(migrateToLatest(store, broken), (e: Error) => /^migration 999-broken failed: .*; nothing was changed/.test(e.message));
        const tables = await store.db.introspection.getTables();
        assert.deepEqual(tables.map((t) => t.name).filter((n) => !n.startsWith('kysely_')), [], 'no table of any migration survived');
        assert.deepEqual(await pendingMigrations(store), [...migrationNames]);
      } finally {
        await store.close();
      }
    });

    it('round-trips a row with the same types on both dialects', async () => {
      const store = await kind.create();
      try {
        const now = '2022-01-18T15:54:00.000Z';
        const { id } = await store.db.insertInto('outlets')
          .values({ name: 'Example Gazette', slug: 'example-gazette', created_at: now, updated_at: now })
          .returning('id').executeTakeFirstOrThrow();
        const row = await store.db.selectFrom('outlets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        assert.equal(row.name, 'Example Gazette');
        assert.equal(Number(row.demo), 0);
        assert.equal(row.created_at, now);
      } finally {
        await store.close();
      }
    });
  });
}
