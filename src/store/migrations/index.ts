import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../dialect.ts';
import * as core from './001-core.ts';
import * as search from './002-search.ts';
import * as feeds from './003-feeds.ts';
import * as resets from './004-password-resets.ts';
import * as sitemapValidators from './005-sitemap-validators.ts';
import * as linkChecks from './006-link-checks.ts';
import * as feedHealth from './007-feed-health.ts';

/** A migration that may branch on the dialect; every migration must run on both. */
interface DialectMigration {
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}

/** All migrations in order. Names sort; never rename or edit one that has shipped: add a new one. */
const ALL: Record<string, DialectMigration> = {
  '001-core': core,
  '002-search': search,
  '003-feeds': feeds,
  '004-password-resets': resets,
  '005-sitemap-validators': sitemapValidators,
  '006-link-checks': linkChecks,
  '007-feed-health': feedHealth,
};

/** The migrations bound to one dialect, in the shape Kysely's Migrator wants. */
export function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(ALL).map(([name, m]) => [name, { up: (db: Kysely<unknown>) => m.up(db, dialect) }]),
  );
}

/** Names of all migrations, oldest first. */
export const migrationNames: readonly string[] = Object.keys(ALL).sort();
