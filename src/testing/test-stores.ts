import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateToLatest } from '../store/migrate.ts';
import { openStore, type Store } from '../store/open.ts';

/** The PostgreSQL server tests may use: NEWSDESK_TEST_DATABASE_URL, else a postgres DATABASE_URL, else none. */
export function testPostgresUrl(): string | undefined {
  const url = process.env.NEWSDESK_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

/** A fresh, migrated store that deletes itself on close. */
export interface TestStore extends Store {
  /** Options that open the same database again (e.g. from a child process). */
  reopen: { databaseUrl?: string; dataDir: string };
}

/** One database kind tests run against; `create` makes a fresh, empty, migrated database. */
export interface StoreKind {
  name: 'sqlite' | 'postgres';
  create(opts?: { migrate?: boolean }): Promise<TestStore>;
}

/** SQLite always; PostgreSQL when a server is configured (see testPostgresUrl). */
export function storeKinds(): StoreKind[] {
  const kinds: StoreKind[] = [{ name: 'sqlite', create: createSqlite }];
  const url = testPostgresUrl();
  if (url) kinds.push({ name: 'postgres', create: (o) => createPostgres(url, o) });
  else if (!process.env.NEWSDESK_QUIET_SKIPS) console.log('# PostgreSQL store tests skipped: set NEWSDESK_TEST_DATABASE_URL=postgres://… to run them');
  return kinds;
}

async function createSqlite(opts: { migrate?: boolean } = {}): Promise<TestStore> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-test-'));
  const store = await openStore({ dataDir });
  if (opts.migrate !== false) await migrateToLatest(store);
  return {
    ...store,
    reopen: { dataDir },
    close: async () => {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function createPostgres(adminUrl: string, opts: { migrate?: boolean } = {}): Promise<TestStore> {
  const name = `newsdesk_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const databaseUrl = u.toString();
  const store = await openStore({ databaseUrl, dataDir: os.tmpdir(), poolSize: 5 });
  if (opts.migrate !== false) await migrateToLatest(store);
  return {
    ...store,
    reopen: { databaseUrl, dataDir: os.tmpdir() },
    close: async () => {
      await store.close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
