import { sql, type Kysely } from 'kysely';
import type { Language } from '../model/site.ts';
import type { Database } from './database.ts';
import type { DialectName } from './dialect.ts';

/*
 * Full-text search over published pieces, one interface for both databases: SQLite FTS5 (`pieces_fts`) and
 * PostgreSQL tsvector (`piece_search`), both kept current by the triggers of migration 002.
 * A reader's text never reaches the query language as syntax: it is cut into words (letters and digits only),
 * so FTS operators, quotes and 10 KB of text are just words, and the database never sees a syntax error.
 */

/** Most words of a query that are searched for; the rest are ignored. */
export const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 40;
/** Deepest result a reader can page to (keeps OFFSET cheap). */
export const MAX_SEARCH_OFFSET = 10_000;

/** The words of a reader's query, lower-cased, de-duplicated, at most MAX_TERMS. */
export function searchTerms(query: string): string[] {
  const words = query.slice(0, 2000).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  return [...new Set(words.map((w) => w.slice(0, MAX_TERM_LENGTH)))].slice(0, MAX_TERMS);
}

// Every word is quoted (FTS5) or is letters and digits only (tsquery), so nothing in it is an operator. Words of
// two letters or more match as prefixes; a single letter only as itself (a one-letter prefix matches nearly everything).
function ftsQuery(terms: readonly string[]): string {
  return terms.map((t) => (t.length > 1 ? `"${t}"*` : `"${t}"`)).join(' ');
}

function tsQuery(terms: readonly string[]): string {
  return terms.map((t) => (t.length > 1 ? `${t}:*` : t)).join(' & ');
}

/** One search hit: the piece id, ranked best first. */
export interface SearchResult {
  ids: number[];
  total: number;
  terms: string[];
}

/** Options of a search: only pieces in `lang` when given; a page of `limit` from `offset`. */
export interface SearchOptions {
  lang?: Language | undefined;
  limit: number;
  offset: number;
}

/** Published pieces matching every word of `query` (each as a prefix, which stands in for stemming), best first. */
export async function searchPieces(db: Kysely<Database>, dialect: DialectName, query: string, opts: SearchOptions): Promise<SearchResult> {
  const terms = searchTerms(query);
  if (terms.length === 0) return { ids: [], total: 0, terms };
  const limit = Math.max(1, Math.min(100, Math.floor(opts.limit)));
  const offset = Math.max(0, Math.min(MAX_SEARCH_OFFSET, Math.floor(opts.offset)));
  // The index holds published pieces only, so without a language filter the index alone answers.
  const [rows, total] = await Promise.all([
    dialect === 'sqlite' ? sqliteIds(db, terms, opts.lang, limit, offset) : postgresIds(db, terms, opts.lang, limit, offset),
    countMatches(db, dialect, terms, opts.lang),
  ]);
  return { ids: rows, total, terms };
}

async function sqliteIds(db: Kysely<Database>, terms: string[], lang: Language | undefined, limit: number, offset: number): Promise<number[]> {
  const match = ftsQuery(terms);
  // bm25() is only allowed in a query on the FTS table itself, so with a join it is ranked in a materialized CTE.
  const r = lang
    ? await sql<{ id: number }>`WITH m AS MATERIALIZED (SELECT rowid AS rid, bm25(pieces_fts, 10.0, 4.0, 1.0, 3.0) AS score FROM pieces_fts WHERE pieces_fts MATCH ${match})
        SELECT p.id AS id FROM m JOIN pieces p ON p.id = m.rid WHERE p.language = ${lang} ORDER BY m.score, p.published_at DESC LIMIT ${limit} OFFSET ${offset}`.execute(db)
    : await sql<{ id: number }>`SELECT rowid AS id FROM pieces_fts WHERE pieces_fts MATCH ${match}
        ORDER BY bm25(pieces_fts, 10.0, 4.0, 1.0, 3.0), rowid DESC LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return r.rows.map((x) => Number(x.id));
}

async function postgresIds(db: Kysely<Database>, terms: string[], lang: Language | undefined, limit: number, offset: number): Promise<number[]> {
  const q = tsQuery(terms);
  const byLang = lang ? sql`AND p.language = ${lang}` : sql``;
  const r = await sql<{ id: number }>`SELECT p.id AS id FROM piece_search s JOIN pieces p ON p.id = s.piece_id
      WHERE s.doc @@ to_tsquery('simple', ${q}) ${byLang}
      ORDER BY ts_rank_cd(s.doc, to_tsquery('simple', ${q})) DESC, p.published_at DESC LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return r.rows.map((x) => Number(x.id));
}

/** The number of matches. */
async function countMatches(db: Kysely<Database>, dialect: DialectName, terms: string[], lang: Language | undefined): Promise<number> {
  let r;
  if (dialect === 'sqlite') {
    r = lang
      ? await sql<{ n: number }>`SELECT count(*) AS n FROM pieces_fts f JOIN pieces p ON p.id = f.rowid WHERE pieces_fts MATCH ${ftsQuery(terms)} AND p.language = ${lang}`.execute(db)
      : await sql<{ n: number }>`SELECT count(*) AS n FROM pieces_fts WHERE pieces_fts MATCH ${ftsQuery(terms)}`.execute(db);
  } else {
    const byLang = lang ? sql`AND p.language = ${lang}` : sql``;
    r = await sql<{ n: number }>`SELECT count(*) AS n FROM piece_search s JOIN pieces p ON p.id = s.piece_id
        WHERE s.doc @@ to_tsquery('simple', ${tsQuery(terms)}) ${byLang}`.execute(db);
  }
  return Number(r.rows[0]?.n ?? 0);
}
