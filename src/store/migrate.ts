import { Migrator, sql, type Migration, type MigrationResult } from 'kysely';
import { migrationNames, migrationsFor } from './migrations/index.ts';
import type { Store } from './open.ts';
import { StoreError } from './store-error.ts';

/** Outcome of bringing the schema up to date. */
export interface MigrateOutcome {
  applied: string[];
  alreadyCurrent: boolean;
}

function migrator(store: Store, migrations: Record<string, Migration> = migrationsFor(store.dialect)): Migrator {
  return new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } });
}

/**
 * Applies pending migrations. All pending migrations run in one transaction on both dialects,
 * so a failure leaves the schema exactly as it was.
 */
export async function migrateToLatest(store: Store, migrations?: Record<string, Migration>): Promise<MigrateOutcome> {
  const { error, results } = await migrator(store, migrations).migrateToLatest();
  if (error) {
    const failed = results?.find((r: MigrationResult) => r.status === 'Error');
    const what = failed ? `migration ${failed.migrationName} failed` : 'migrations failed';
    throw new StoreError('migration-failed', `${what}: ${(error as Error).message ?? error}; nothing was changed (the migration ran in a transaction)`);
  }
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  return { applied, alreadyCurrent: applied.length === 0 };
}

/** Names of migrations not yet applied; empty when the schema is current. */
export async function pendingMigrations(store: Store): Promise<string[]> {
  const done = new Set((await migrator(store).getMigrations()).filter((m) => m.executedAt).map((m) => m.name));
  return migrationNames.filter((n) => !done.has(n));
}

/** True when the database answers a trivial query (for /readyz). */
export async function databaseAnswers(store: Store): Promise<void> {
  await sql`select 1`.execute(store.db);
}
