import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { Store } from '../../store/open.ts';
import { sqlitePath } from '../../store/open.ts';
import type { Operation } from './crash-client.ts';
import { clientArticle, WATCH_WORD } from './crash-fixtures.ts';

/*
 * What must hold after the crash run, read straight from the database (both kinds, one set of queries).
 * Each check returns the problems it found as lines, so one failed run shows every broken invariant at once.
 */

type Row = Record<string, unknown>;

async function rows(store: Store, q: ReturnType<typeof sql>): Promise<Row[]> {
  return (await q.execute(store.db)).rows as Row[];
}

/** Every acknowledged publish is there, published, and as sent: headline, note, tags, byline, excerpt, original. */
export async function checkAcknowledged(store: Store, ops: readonly Operation[]): Promise<string[]> {
  const out: string[] = [];
  for (const op of ops.filter((o) => o.acked)) {
    const id = op.acked!.pieceId;
    const [p] = await rows(store, sql`select * from pieces where id = ${id}`);
    if (!p) { out.push(`op ${op.n}: acknowledged piece ${id} is missing`); continue; }
    op.acked!.path = p.path as string | null;
    const fixture = clientArticle(op.n);
    if (p.state !== 'published') out.push(`op ${op.n}: piece ${id} is ${String(p.state)}, not published (${op.acked!.action} was acknowledged)`);
    if (p.headline !== op.headline) out.push(`op ${op.n}: headline ${JSON.stringify(p.headline)} ≠ sent ${JSON.stringify(op.headline)}`);
    if (p.editor_note !== op.note) out.push(`op ${op.n}: editor's note ${JSON.stringify(p.editor_note)} ≠ sent`);
    if (p.original_url !== op.url) out.push(`op ${op.n}: original URL ${String(p.original_url)} ≠ ${op.url}`);
    if (!p.published_at || !p.path) out.push(`op ${op.n}: published piece ${id} without published_at or path`);
    const excerpt = String(p.excerpt ?? '');
    if (!excerpt.includes(fixture.paragraphs[0]!.slice(0, 40))) out.push(`op ${op.n}: excerpt does not quote the first paragraph`);
    const tags = (await rows(store, sql`select t.names from piece_tags pt join tags t on t.id = pt.tag_id where pt.piece_id = ${id}`))
      .map((t) => (JSON.parse(String(t.names)) as { en: string }).en).sort();
    if (tags.join('|') !== [...op.tags].sort().join('|')) out.push(`op ${op.n}: tags [${tags.join(', ')}] ≠ sent [${op.tags.join(', ')}]`);
    const authors = (await rows(store, sql`select pe.names from piece_authors pa join people pe on pe.id = pa.person_id where pa.piece_id = ${id} order by pa.position`))
      .map((a) => (JSON.parse(String(a.names)) as { en: string }).en);
    if (authors.join('|') !== fixture.authors.join('|')) out.push(`op ${op.n}: byline [${authors.join(', ')}] ≠ page's [${fixture.authors.join(', ')}]`);
  }
  return out;
}

/** No piece is half-written: capture, byline, one revision per version, audit entries, search row by state. */
export async function checkPiecesWhole(store: Store): Promise<string[]> {
  const out: string[] = [];
  const fts = store.dialect === 'sqlite' ? sql`select rowid as id from pieces_fts` : sql`select piece_id as id from piece_search`;
  const indexed = new Set((await rows(store, fts)).map((r) => Number(r.id)));
  const pieces = await rows(store, sql`select id, state, version, capture_id, original_url, published_at from pieces where demo = 0`);
  const revs = groupBy(await rows(store, sql`select piece_id, version, changes from revisions`), 'piece_id');
  const audits = groupBy(await rows(store, sql`select subject_id, action from audit_log where subject_type = 'piece'`), 'subject_id');
  const byline = groupBy(await rows(store, sql`select piece_id, position from piece_authors`), 'piece_id');
  const captures = new Set((await rows(store, sql`select id from captures`)).map((r) => Number(r.id)));
  for (const p of pieces) {
    const id = Number(p.id);
    const at = `piece ${id} (${String(p.state)}, v${String(p.version)})`;
    if (!p.capture_id || !captures.has(Number(p.capture_id)) || !p.original_url) out.push(`${at}: no capture or original URL`);
    const positions = (byline.get(id) ?? []).map((b) => Number(b.position)).sort((a, b) => a - b);
    if (positions.length === 0 || positions.some((x, i) => x !== i)) out.push(`${at}: byline positions [${positions.join(',')}]`);
    const versions = (revs.get(id) ?? []).map((r) => Number(r.version)).sort((a, b) => a - b);
    const expected = Array.from({ length: Number(p.version) }, (_, i) => i + 1);
    if (versions.join(',') !== expected.join(',')) out.push(`${at}: revisions for versions [${versions.join(',')}], expected [${expected.join(',')}]`);
    const actions = (audits.get(id) ?? []).map((a) => String(a.action));
    if (actions.filter((a) => a === 'piece.create').length !== 1) out.push(`${at}: ${actions.filter((a) => a === 'piece.create').length} piece.create audit entries`);
    const publishes = (revs.get(id) ?? []).filter((r) => (JSON.parse(String(r.changes)) as { state?: unknown[] }).state?.[1] === 'published').length;
    if (p.state === 'published') {
      if (publishes !== 1) out.push(`${at}: published by ${publishes} revisions (expected exactly 1)`);
      if (actions.filter((a) => a === 'piece.publish').length !== 1) out.push(`${at}: ${actions.filter((a) => a === 'piece.publish').length} piece.publish audit entries`);
      if (!p.published_at) out.push(`${at}: published without published_at`);
    }
    if ((p.state === 'published') !== indexed.has(id)) out.push(`${at}: search index row ${indexed.has(id) ? 'present' : 'missing'}`);
  }
  return out;
}

function groupBy(list: Row[], key: string): Map<number, Row[]> {
  const m = new Map<number, Row[]>();
  for (const r of list) m.set(Number(r[key]), [...(m.get(Number(r[key])) ?? []), r]);
  return m;
}

/** Side effects that must not double: pieces per capture and per original, captures per URL, candidates per item, capture jobs per candidate. */
export async function checkNoDoubles(store: Store): Promise<string[]> {
  const dup = async (label: string, q: ReturnType<typeof sql>) => (await rows(store, q)).map((r) => `${label} ${String(r.k)} appears ${String(r.n)} times`);
  return [
    ...(await dup('pieces of capture', sql`select capture_id as k, count(*) as n from pieces where demo = 0 group by capture_id having count(*) > 1`)),
    ...(await dup('pieces of original', sql`select original_url as k, count(*) as n from pieces where demo = 0 group by original_url having count(*) > 1`)),
    ...(await dup('captures of URL', sql`select url as k, count(*) as n from captures group by url having count(*) > 1`)),
    ...(await dup('captures of canonical URL', sql`select canonical_url as k, count(*) as n from captures group by canonical_url having count(*) > 1`)),
    ...(await dup('candidates of item', sql`select url as k, count(*) as n from candidates group by url having count(*) > 1`)),
    ...(await dup('capture jobs of candidate', sql`select payload as k, count(*) as n from jobs where name = 'candidates.capture' group by payload having count(*) > 1`)),
  ];
}

/** Every job finished or waits for a retry; every auto-capture the watch rule asked for happened. */
export async function checkJobs(store: Store, now: string): Promise<string[]> {
  const out: string[] = [];
  for (const j of await rows(store, sql`select id, name, state, run_at, attempts, last_error from jobs where state <> 'done'`)) {
    const pendingRetry = j.state === 'queued' && String(j.run_at) > now;
    if (!pendingRetry) out.push(`job ${String(j.id)} ${String(j.name)} is ${String(j.state)} after ${String(j.attempts)} attempts: ${String(j.last_error ?? '')}`);
  }
  const uncaptured = await rows(store, sql`select id, url from candidates where watch_matches like ${`%${WATCH_WORD}%`} and capture_id is null`);
  for (const c of uncaptured) out.push(`candidate ${String(c.id)} (${String(c.url)}) matched the capture rule but was never captured`);
  return out;
}

/** SQLite's own verdict on the file, and its foreign keys. */
export function sqliteIntegrity(dataDir: string): string[] {
  const db = new BetterSqlite3(sqlitePath(dataDir), { readonly: true });
  try {
    const verdict = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const fk = db.pragma('foreign_key_check') as unknown[];
    return [...(verdict.join(',') === 'ok' ? [] : [`integrity_check: ${verdict.join('; ')}`]), ...(fk.length ? [`foreign_key_check: ${fk.length} rows`] : [])];
  } finally {
    db.close();
  }
}

/** Counts for the report: pieces by state, captures, candidates, jobs by name and state. */
export async function tally(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const r of await rows(store, sql`select state as k, count(*) as n from pieces where demo = 0 group by state`)) out[`pieces.${String(r.k)}`] = Number(r.n);
  for (const r of await rows(store, sql`select name || '.' || state as k, count(*) as n from jobs group by name, state`)) out[`jobs.${String(r.k)}`] = Number(r.n);
  out.captures = Number((await rows(store, sql`select count(*) as n from captures`))[0]!.n);
  out.candidates = Number((await rows(store, sql`select count(*) as n from candidates`))[0]!.n);
  return out;
}
