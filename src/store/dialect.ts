import { sql, SqliteAdapter, SqliteDialect, type DialectAdapter, type Kysely } from 'kysely';
import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely';

/*
 * Every difference between SQLite and PostgreSQL that the store knows about lives in this file.
 */

/** The two database kinds newsdesk runs on. */
export type DialectName = 'sqlite' | 'postgres';

/** SQLite can run DDL inside a transaction; Kysely's adapter says it cannot, so migrations would not be atomic. */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** SqliteDialect whose migrations run in one transaction, so a failed migration leaves nothing half-done. */
export class TransactionalSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
}

/** Adds an auto-incrementing integer primary key named `id`. */
export function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: DialectName): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'bigserial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Column type for ids that reference `withId` keys. */
export function refType(dialect: DialectName): 'bigint' | 'integer' {
  return dialect === 'postgres' ? 'bigint' : 'integer';
}

/** A NOT NULL integer column with a default, used for flags and counters. */
export function intDefault(value: number): (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return (c) => c.notNull().defaultTo(value);
}

/**
 * Runs `fn` as one transaction that will write. SQLite: BEGIN IMMEDIATE takes the write lock first, because a
 * deferred transaction that reads and then writes fails at once (SQLITE_BUSY_SNAPSHOT, no busy wait) when
 * another process wrote in between. PostgreSQL: an ordinary transaction.
 */
export async function writeTransaction<DB, T>(db: Kysely<DB>, dialect: DialectName, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (dialect === 'postgres') return db.transaction().execute(fn);
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const out = await fn(conn);
      await sql`commit`.execute(conn);
      return out;
    } catch (err) {
      // SQLite may have rolled back already (some errors end the transaction); the original error is the one to report.
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw err;
    }
  });
}
