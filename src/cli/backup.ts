import type { Command } from 'commander';
import { checkBackup, restoreBackup, writeBackup } from '../store/backup-file.ts';
import { CliError } from './cli-error.ts';
import { output, withStore, type CliContext } from './context.ts';

function total(rows: Record<string, number>): number {
  return Object.values(rows).reduce((a, b) => a + b, 0);
}

/** `newsdesk backup <file>` and `newsdesk restore <file> [--force]`: a portable copy of every record, either database kind. */
export function registerBackup(program: Command, ctx: CliContext): void {
  program.command('backup').argument('<file>', 'where to write the backup (gzip\u2019d JSON lines)')
    .description('write a consistent backup of every record (safe while the site runs); restores into SQLite or PostgreSQL')
    .option('--json', 'print the result as JSON')
    .action((file: string, opts: { json?: boolean }) => withStore(ctx, async (store) => {
      const r = await writeBackup(store, file, { now: new Date() });
      output(Boolean(opts.json), { ...r, database: store.dialect }, `backed up ${total(r.rows)} rows of ${Object.keys(r.rows).length} tables (${store.dialect}) to ${file}`);
    }));

  program.command('restore').argument('<file>', 'a file written by `newsdesk backup`')
    .description('load a backup into this database (SQLite or PostgreSQL, whichever wrote it); refuses a non-empty database unless --force')
    .option('--force', 'replace every record of a database that is not empty')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { force?: boolean; json?: boolean }) => {
      // 1. Check the whole file before opening the database, so a bad file changes nothing at all.
      const { header } = await checkBackup(file);
      // 2. Load it in one transaction.
      await withStore(ctx, async (store) => {
        const r = await restoreBackup(store, file, { force: Boolean(opts.force), checked: true });
        if (!r.ok && r.reason === 'not-empty') throw new CliError(`the database (${store.location}) is not empty (table ${r.table} has rows); restore into an empty one, or pass --force to replace everything in it`, 2);
        if (!r.ok) throw new CliError(`cannot restore from ${file}: ${r.reason === 'unknown-table' ? `table ${r.table}` : `column ${r.table}.${'column' in r ? r.column : ''}`} is unknown to this newsdesk (is it older than the backup?); nothing was changed`, 2);
        output(Boolean(opts.json), { file, rows: r.rows, from: header.dialect, into: store.dialect, createdAt: header.createdAt },
          `restored ${total(r.rows)} rows of ${Object.keys(r.rows).length} tables from ${file} (${header.dialect} backup of ${header.createdAt}) into ${store.dialect}`);
      });
    });
}
