import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';
import { TransactionalSqliteDialect, type DialectName } from './dialect.ts';
import { StoreError } from './store-error.ts';

/** An open database of either kind. */
export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives, for messages (a file path, or the PostgreSQL host/database). */
  location: string;
  close(): Promise<void>;
}

/** How to reach the database: a `postgres://` URL, or else a SQLite file in the data folder. */
export interface StoreOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number;
}

/** The SQLite file used when no DATABASE_URL is given. */
export function sqlitePath(dataDir: string): string {
  return path.join(dataDir, 'newsdesk.sqlite');
}

/** Opens (and for SQLite creates) the database and checks that it answers. Throws StoreError with one clear line. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//i.test(url)) return openPostgres(url, options.poolSize ?? 10);
  if (url) throw new StoreError('bad-database-url', `DATABASE_URL must start with postgres:// or postgresql:// (got "${redact(url)}"); unset it to use SQLite`);
  return openSqlite(sqlitePath(options.dataDir));
}

function openSqlite(file: string): Store {
  const dir = path.dirname(file);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    throw new StoreError('data-dir', `the data folder ${dir} is not writable (${(err as NodeJS.ErrnoException).code ?? err}); set NEWSDESK_DATA_DIR to a folder you can write`);
  }
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
  } catch (err) {
    throw new StoreError('sqlite-open', `cannot open the SQLite database ${file}: ${(err as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new TransactionalSqliteDialect({ database: raw }) });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

// BIGINT ids and counts come back as strings by default; ours stay far below 2^53, and both dialects must agree.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));

async function openPostgres(url: string, max: number): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000 });
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw new StoreError('postgres-unreachable', `cannot reach PostgreSQL at ${redact(url)}: ${describePgError(err)}; is the server running and DATABASE_URL right?`);
  }
  return { db, dialect: 'postgres', location: redact(url), close: () => db.destroy() };
}

function describePgError(err: unknown): string {
  const e = err as { code?: string; message?: string; errors?: { message: string }[] };
  if (e.errors?.length) return e.errors.map((x) => x.message).join('; ');
  return [e.code, e.message].filter(Boolean).join(' ') || String(err);
}

/** Removes the password from a database URL so it can be printed. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
}
