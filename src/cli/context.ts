import { isMainThread } from 'node:worker_threads';
import pino, { type Logger } from 'pino';
import type { Config } from '../config/config.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { openStore, type Store } from '../store/open.ts';

/** What every command receives: the validated config and a logger. */
export interface CliContext {
  config: Config;
  /** Name, default and meaning of every setting, for `--help`. */
  settingsDoc: readonly (readonly [string, string, string])[];
  /** Logs to standard error for commands (stdout is for their output), to stdout for servers. */
  logger(stream: 'stdout' | 'stderr'): Logger;
}

/** Builds the context main.ts hands to commands. */
export function cliContext(config: Config, settingsDoc: CliContext['settingsDoc']): CliContext {
  return {
    config,
    settingsDoc,
    // Servers log to stdout asynchronously, except in a worker thread (`newsdesk worker`): a thread's process.exit
    // ends it before a queued write has run, and its last lines ("shutting down") were lost about one stop in three.
    logger: (stream) => pino({ level: config.logLevel, base: { pid: process.pid } }, pino.destination({ fd: stream === 'stdout' ? 1 : 2, sync: stream === 'stderr' || !isMainThread })),
  };
}

/** Opens the configured database with its schema brought up to date, runs `fn`, and always closes it. */
export async function withStore<T>(ctx: CliContext, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openMigrated(ctx);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Opens the configured database and applies pending migrations. */
export async function openMigrated(ctx: CliContext): Promise<Store> {
  const store = await openStore({ databaseUrl: ctx.config.databaseUrl, dataDir: ctx.config.dataDir });
  try {
    await migrateToLatest(store);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

/** Writes a result: JSON when asked, else the human line. */
export function output(json: boolean, data: unknown, human: string): void {
  process.stdout.write(json ? `${JSON.stringify(data)}\n` : `${human}\n`);
}
