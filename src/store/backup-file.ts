import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { migrationNames } from './migrations/index.ts';
import { appliedMigrations, dumpTables, loadTables, type DumpRecord, type RestoreResult } from './backup.ts';
import type { Store } from './open.ts';
import { StoreError } from './store-error.ts';

/*
 * The backup file: gzip'd JSON lines, portable between SQLite and PostgreSQL.
 *   line 1      {"format":"newsdesk-backup","version":1,"createdAt":…,"dialect":…,"migrations":[…]}
 *   per table   {"table":"users","columns":["id",…]} then one JSON array per row
 *   last line   {"end":true,"rows":{"users":3,…}}  (its absence means the file was cut short)
 * A restore reads the whole file once to check it before it touches the database.
 */

/** The format version this code writes and the newest it reads. */
export const BACKUP_FORMAT_VERSION = 1;
const FORMAT = 'newsdesk-backup';

/** The first line of a backup. */
export interface BackupHeader { format: typeof FORMAT; version: number; createdAt: string; dialect: string; migrations: string[] }

/** What a finished backup holds. */
export interface BackupSummary { file: string; rows: Record<string, number> }

/**
 * Writes a consistent backup of the store to `file`. It is written beside the target under a temporary
 * name and renamed at the end, so a failed backup never leaves a file that looks complete.
 */
export async function writeBackup(store: Store, file: string, opts: { now: Date; pageSize?: number }): Promise<BackupSummary> {
  const dir = path.dirname(path.resolve(file));
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    throw new StoreError('backup-unwritable', `cannot write the backup to ${file}: the folder ${dir} is missing or not writable (${(err as NodeJS.ErrnoException).code ?? err})`);
  }
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.partial`);
  // Owner-only: a backup holds password hashes, session ids and reset tokens.
  const out = fs.createWriteStream(tmp, { mode: 0o600 });
  const gz = zlib.createGzip();
  let failed: Error | undefined;
  // An unhandled stream 'error' would end the process; it is kept and reported as the backup's failure instead.
  for (const s of [out, gz]) s.on('error', (err: Error) => { failed ??= err; });
  gz.pipe(out);
  const write = async (value: unknown) => {
    if (failed) throw failed;
    if (!gz.write(`${JSON.stringify(value)}\n`)) await once(gz, 'drain');
  };
  try {
    const header: BackupHeader = { format: FORMAT, version: BACKUP_FORMAT_VERSION, createdAt: opts.now.toISOString(), dialect: store.dialect, migrations: await appliedMigrations(store.db) };
    await write(header);
    const rows = await dumpTables(store, (r) => write('row' in r ? r.row : r), opts.pageSize ? { pageSize: opts.pageSize } : {});
    await write({ end: true, rows });
    gz.end();
    if (!out.closed) await once(out, 'close');
    if (failed) throw failed;
    fs.renameSync(tmp, file);
    return { file, rows };
  } catch (err) {
    gz.destroy();
    out.destroy();
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/** Checks a backup file from end to end without touching a database; throws StoreError with one line when unusable. */
export async function checkBackup(file: string): Promise<{ header: BackupHeader; rows: Record<string, number> }> {
  let header: BackupHeader | undefined;
  const rows: Record<string, number> = {};
  let table = '';
  for await (const item of readLines(file)) {
    if (item.kind === 'header') header = item.header;
    else if (item.kind === 'record' && 'table' in item.record) rows[(table = item.record.table)] = 0;
    else if (item.kind === 'record') rows[table] = (rows[table] ?? 0) + 1;
    else if (!sameCounts(rows, item.rows)) throw bad(file, 'its row counts do not match its contents (damaged)');
  }
  if (!header) throw bad(file, 'it is empty');
  return { header, rows };
}

/**
 * Loads a backup into the store (see loadTables): one transaction, nothing changed on any failure.
 * The file is checked first unless the caller already did (`checked`).
 */
export async function restoreBackup(store: Store, file: string, opts: { force: boolean; checked?: boolean }): Promise<RestoreResult> {
  if (!opts.checked) await checkBackup(file);
  return loadTables(store, records(file), { force: opts.force });
}

async function* records(file: string): AsyncGenerator<DumpRecord> {
  for await (const item of readLines(file)) if (item.kind === 'record') yield item.record;
}

type Line = { kind: 'header'; header: BackupHeader } | { kind: 'record'; record: DumpRecord } | { kind: 'end'; rows: Record<string, number> };

/** The lines of a backup file, validated one by one; every problem becomes one StoreError line. */
async function* readLines(file: string): AsyncGenerator<Line> {
  if (!fs.existsSync(file)) throw bad(file, 'it does not exist');
  const gunzip = fs.createReadStream(file).pipe(zlib.createGunzip());
  const lines = readline.createInterface({ input: gunzip, crlfDelay: Infinity });
  // readline does not forward stream errors, so a corrupt or cut gzip stream is caught here and rethrown below.
  let streamError: Error | undefined;
  gunzip.on('error', (err) => { streamError = err; lines.close(); });
  let n = 0;
  let ended = false;
  let columns = -1;
  try {
    for await (const text of lines) {
      n += 1;
      if (ended) throw bad(file, `it has data after its end marker (line ${n})`);
      const value = parseLine(file, text, n);
      if (n === 1) {
        yield { kind: 'header', header: checkHeader(file, value) };
      } else if (Array.isArray(value)) {
        if (value.length !== columns) throw bad(file, `line ${n} has ${value.length} values where its table has ${columns} columns`);
        yield { kind: 'record', record: { row: value } };
      } else if (isTableLine(value)) {
        columns = value.columns.length;
        yield { kind: 'record', record: { table: value.table, columns: value.columns } };
      } else if (isEndLine(value)) {
        ended = true;
        yield { kind: 'end', rows: value.rows };
      } else throw bad(file, `line ${n} is not a table, row or end record`);
    }
  } catch (err) {
    if (err instanceof StoreError) throw err;
    streamError = err as Error;
  }
  if (streamError) throw bad(file, /unexpected end/i.test(streamError.message) ? 'it is truncated' : `it is not a gzip'd newsdesk backup (${streamError.message})`);
  if (!ended) throw bad(file, n === 0 ? 'it is empty' : 'it is truncated (no end marker)');
}

function parseLine(file: string, text: string, n: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw bad(file, `line ${n} is not valid JSON (damaged)`);
  }
}

function checkHeader(file: string, v: unknown): BackupHeader {
  const h = v as Partial<BackupHeader> | null;
  if (!h || typeof h !== 'object' || h.format !== FORMAT || typeof h.version !== 'number' || !Array.isArray(h.migrations)) throw bad(file, 'it is not a newsdesk backup');
  if (h.version > BACKUP_FORMAT_VERSION) throw bad(file, `it was written by a newer newsdesk (format ${h.version}; this version reads up to ${BACKUP_FORMAT_VERSION})`);
  const unknown = h.migrations.find((m) => !migrationNames.includes(m));
  if (unknown) throw bad(file, `it was written by a newer newsdesk (schema migration ${unknown} is unknown here); upgrade newsdesk first`);
  return h as BackupHeader;
}

function isTableLine(v: unknown): v is { table: string; columns: string[] } {
  const t = v as { table?: unknown; columns?: unknown } | null;
  return !!t && typeof t.table === 'string' && Array.isArray(t.columns) && t.columns.every((c) => typeof c === 'string');
}

function isEndLine(v: unknown): v is { end: true; rows: Record<string, number> } {
  const e = v as { end?: unknown; rows?: unknown } | null;
  return !!e && e.end === true && typeof e.rows === 'object' && e.rows !== null;
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

function bad(file: string, why: string): StoreError {
  return new StoreError('backup-unusable', `cannot restore from ${file}: ${why}; nothing was changed`);
}
