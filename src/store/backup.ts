import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.ts';
import type { Store } from './open.ts';

/*
 * The SQL side of `newsdesk backup` / `restore`: every table read inside one transaction (a consistent
 * snapshot: SQLite WAL read transaction, PostgreSQL REPEATABLE READ), and loaded back inside one transaction.
 * Rows travel as plain JSON values (text and integers only, see database.ts), so a dump of one dialect loads
 * into the other. The file format lives in backup-file.ts.
 */

/** Every table a backup holds, parents before children, so foreign keys hold at each insert. */
export const BACKUP_TABLES: readonly string[] = [
  'settings', 'users', 'sessions', 'password_resets', 'outlets', 'feeds', 'captures', 'candidates', 'candidate_bands',
  'watch_rules', 'people', 'tags', 'pieces', 'piece_authors', 'piece_tags', 'corrections', 'revisions', 'jobs',
  'job_schedules', 'link_checks', 'link_uses', 'audit_log',
];

/**
 * Tables a backup leaves out because they are derived or bookkeeping: the search index (rebuilt after a restore),
 * the site-change log (only tells running web processes what to evict; the restore's own writes log afresh) and
 * Kysely's migration records (the target runs its migrations; the backup header names the source's).
 */
export function isDerivedTable(name: string): boolean {
  return name === 'site_changes' || name === 'piece_search' || name.startsWith('pieces_fts') || name.startsWith('kysely_migration');
}

/** One record of a dump: a table's column list, then its rows as arrays in that column order. */
export type DumpRecord = { table: string; columns: string[] } | { row: unknown[] };

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;
const PAGE = 500;

/** A table's columns; `serial` when it has an auto-incrementing integer `id` (sessions' `id` is a text hash). */
interface TableInfo { columns: string[]; serial: boolean }

/** The tables to dump in order: the known ones, then any unknown non-derived table (so nothing is silently lost). */
async function tablesOf(db: Kysely<Database>): Promise<Map<string, TableInfo>> {
  const found = new Map((await db.introspection.getTables()).map((t) => [t.name, {
    columns: t.columns.map((c) => c.name), serial: t.columns.some((c) => c.name === 'id' && c.isAutoIncrementing),
  }]));
  const order = [...BACKUP_TABLES, ...[...found.keys()].filter((n) => !BACKUP_TABLES.includes(n) && !isDerivedTable(n)).sort()];
  return new Map(order.flatMap((n) => { const info = found.get(n); return info ? [[n, info] as const] : []; }));
}

/** Names of the migrations recorded as applied in the store. */
export async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const r = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return r.rows.map((x) => x.name);
}

/**
 * Reads every table inside one transaction and hands each record to `emit` (which may await, e.g. for a
 * full output stream). A writer in another connection meanwhile is not seen: the snapshot is fixed.
 */
export async function dumpTables(store: Store, emit: (r: DumpRecord) => Promise<void>, opts: { pageSize?: number } = {}): Promise<Record<string, number>> {
  const tx = store.dialect === 'postgres' ? store.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only') : store.db.transaction();
  return tx.execute(async (trx) => {
    const counts: Record<string, number> = {};
    for (const [table, { columns, serial }] of await tablesOf(trx)) {
      await emit({ table, columns });
      counts[table] = await dumpTable(trx as unknown as AnyDb, { table, columns, serial }, emit, opts.pageSize ?? PAGE);
    }
    return counts;
  });
}

async function dumpTable(db: AnyDb, t: TableInfo & { table: string }, emit: (r: DumpRecord) => Promise<void>, pageSize: number): Promise<number> {
  const { table, columns, serial: keyed } = t;
  // Keyset paging on a serial `id`; otherwise ordered OFFSET paging, which is stable inside the snapshot.
  let n = 0;
  let lastId = Number.MIN_SAFE_INTEGER;
  for (;;) {
    let q = db.selectFrom(table).select(columns).limit(pageSize);
    if (keyed) q = q.where('id', '>', lastId).orderBy('id');
    else q = columns.reduce((acc, c) => acc.orderBy(sql.ref(c)), q).offset(n);
    const rows = await q.execute();
    for (const r of rows) await emit({ row: columns.map((c) => plain(r[c])) });
    n += rows.length;
    if (keyed && rows.length) lastId = Number(rows[rows.length - 1]?.id);
    if (rows.length < pageSize) return n;
  }
}

/** Values are text, integers or null in both dialects; a bigint (PostgreSQL without our parser) becomes a number. */
function plain(v: unknown): unknown {
  return typeof v === 'bigint' ? Number(v) : v === undefined ? null : v;
}

/** Why a restore refused to start. */
export type RestoreRefusal =
  | { ok: false; reason: 'not-empty'; table: string }
  | { ok: false; reason: 'unknown-table'; table: string }
  | { ok: false; reason: 'unknown-column'; table: string; column: string };

/** The outcome of loading a dump: row counts per table, or why nothing was loaded. */
export type RestoreResult = { ok: true; rows: Record<string, number> } | RestoreRefusal;

/** The first table of the store's backup set that has a row, if any. */
async function firstNonEmpty(db: AnyDb, tables: Iterable<string>): Promise<string | undefined> {
  for (const t of tables) {
    if (await db.selectFrom(t).select(sql.lit(1).as('x')).limit(1).executeTakeFirst()) return t;
  }
  return undefined;
}

/**
 * Loads dump records into the store in one transaction: refuses a non-empty target unless `force` (which first
 * deletes every row), keeps ids as they were, then moves PostgreSQL's id sequences past them and rebuilds the
 * search index. Any error rolls everything back.
 */
export async function loadTables(store: Store, records: AsyncIterable<DumpRecord>, opts: { force: boolean }): Promise<RestoreResult> {
  return store.db.transaction().execute(async (trx) => {
    const tables = await tablesOf(trx);
    const db = trx as unknown as AnyDb;
    const busy = await firstNonEmpty(db, tables.keys());
    if (busy && !opts.force) return { ok: false, reason: 'not-empty', table: busy } as const;
    if (busy) for (const t of [...tables.keys()].reverse()) await db.deleteFrom(t).execute();
    const loaded = await insertAll(db, tables, records);
    if (!loaded.ok) throw new RefusalError(loaded);
    await afterLoad(trx, store.dialect, tables);
    return loaded;
  }).catch((err: unknown) => {
    if (err instanceof RefusalError) return err.refusal;
    throw err;
  });
}

/** Carries a refusal found mid-load out of the transaction, so it rolls back. */
class RefusalError extends Error {
  constructor(readonly refusal: RestoreRefusal) {
    super(refusal.reason);
  }
}

async function insertAll(db: AnyDb, tables: Map<string, TableInfo>, records: AsyncIterable<DumpRecord>): Promise<RestoreResult> {
  const rows: Record<string, number> = {};
  let table = '';
  let columns: string[] = [];
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (batch.length) await db.insertInto(table).values(batch).execute();
    batch = [];
  };
  for await (const r of records) {
    if ('table' in r) {
      await flush();
      const known = tables.get(r.table)?.columns;
      if (!known) return { ok: false, reason: 'unknown-table', table: r.table };
      const extra = r.columns.find((c) => !known.includes(c));
      if (extra) return { ok: false, reason: 'unknown-column', table: r.table, column: extra };
      ({ table, columns } = r);
      rows[table] = 0;
      continue;
    }
    batch.push(Object.fromEntries(columns.map((c, i) => [c, r.row[i] ?? null])));
    rows[table] = (rows[table] ?? 0) + 1;
    // Few enough bound values per statement for either database's limit (the widest table has ~30 columns).
    if (batch.length >= 100) await flush();
  }
  await flush();
  return { ok: true, rows };
}

async function afterLoad(trx: Transaction<Database>, dialect: Store['dialect'], tables: Map<string, TableInfo>): Promise<void> {
  if (dialect === 'postgres') {
    // Ids were inserted explicitly, so the sequences did not move; the next insert must not collide.
    for (const [t, { serial }] of tables) {
      if (!serial) continue;
      await sql`SELECT setval(pg_get_serial_sequence(${t}, 'id'), (SELECT coalesce(max(id), 0) + 1 FROM ${sql.table(t)}), false)`.execute(trx);
    }
    await sql`SELECT newsdesk_reindex_pieces(ARRAY(SELECT id FROM pieces))`.execute(trx);
  } else {
    // SQLite's AUTOINCREMENT follows explicit ids by itself. A no-op update runs the 002 triggers, which reindex each piece.
    await sql`UPDATE pieces SET state = state`.execute(trx);
  }
}
