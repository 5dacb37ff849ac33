import { SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely';
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
