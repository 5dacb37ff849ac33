import { sql, type Kysely } from 'kysely';
import { refType, withId, type DialectName } from '../dialect.ts';

/*
 * The reader site's read-side support, kept current by triggers so that every write path (CLI, editor UI,
 * jobs, another process) updates it without having to remember to:
 * - a full-text index of published pieces (SQLite FTS5 table `pieces_fts`; PostgreSQL `piece_search` with a GIN tsvector);
 * - `site_changes`, an append-only log of what changed (piece, person, outlet, tag, settings), which web
 *   processes read to invalidate exactly the cached pages that show the changed record.
 */

/** Tables whose rows belong to a piece: a change there is a change of that piece. */
const PIECE_CHILDREN = ['piece_authors', 'piece_tags', 'corrections'] as const;

/** Creates the search index, the change log and the triggers that keep both current. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await withId(db.schema.createTable('site_changes'), dialect)
    .addColumn('subject', 'text', (c) => c.notNull()).addColumn('ref', refType(dialect), (c) => c.notNull()).execute();
  if (dialect === 'sqlite') await sqliteUp(db);
  else await postgresUp(db);
}

// The text a piece is found by: headline (override too), standfirst, body or excerpt text, author names, outlet.
// JSON cells are read defensively: a corrupt cell must not make a write fail.
const SQLITE_DOC = `SELECT p.id, trim(coalesce(p.headline_override, '') || ' ' || p.headline), coalesce(p.standfirst, ''),
  coalesce(p.body_md, '') || ' ' || coalesce((SELECT group_concat(coalesce(json_extract(j.value, '$.html'), json_extract(j.value, '$.text'), ''), ' ')
    FROM json_each(CASE WHEN json_valid(p.excerpt) AND json_type(p.excerpt) = 'array' THEN p.excerpt ELSE '[]' END) j WHERE j.type = 'object'), ''),
  coalesce((SELECT group_concat(n.value, ' ') FROM piece_authors pa JOIN people pe ON pe.id = pa.person_id,
    json_each(CASE WHEN json_valid(pe.names) AND json_type(pe.names) = 'object' THEN pe.names ELSE '{}' END) n WHERE pa.piece_id = p.id), '')
  || ' ' || coalesce((SELECT o.name FROM outlets o WHERE o.id = p.outlet_id), '')
  FROM pieces p`;

// Only published pieces are indexed: searches then need no join to filter, and drafts never leak into results.
function sqliteReindex(idsSql: string): string {
  return `DELETE FROM pieces_fts WHERE rowid IN (${idsSql});
  INSERT INTO pieces_fts(rowid, headline, standfirst, body, names) ${SQLITE_DOC} WHERE p.id IN (${idsSql}) AND p.state = 'published';`;
}

function sqliteLog(subject: string, ref: string): string {
  return `INSERT INTO site_changes(subject, ref) VALUES ('${subject}', ${ref});`;
}

async function sqliteTrigger(db: Kysely<unknown>, name: string, on: string, table: string, body: string, when = ''): Promise<void> {
  await sql.raw(`CREATE TRIGGER ${name} AFTER ${on} ON ${table} ${when ? `WHEN ${when}` : ''} BEGIN ${body} END`).execute(db);
}

async function sqliteUp(db: Kysely<unknown>): Promise<void> {
  // unicode61 folds case for Cyrillic as well as Latin; prefix queries stand in for stemming in both languages.
  await sql.raw(`CREATE VIRTUAL TABLE pieces_fts USING fts5(headline, standfirst, body, names, tokenize = 'unicode61 remove_diacritics 2')`).execute(db);
  await sqliteTrigger(db, 'pieces_site_ai', 'INSERT', 'pieces', sqliteReindex('new.id') + sqliteLog('piece', 'new.id'));
  await sqliteTrigger(db, 'pieces_site_au', 'UPDATE', 'pieces', sqliteReindex('new.id') + sqliteLog('piece', 'new.id'));
  await sqliteTrigger(db, 'pieces_site_ad', 'DELETE', 'pieces', `DELETE FROM pieces_fts WHERE rowid = old.id; ${sqliteLog('piece', 'old.id')}`);
  for (const table of PIECE_CHILDREN) {
    const reindex = table === 'piece_authors';
    for (const [op, row] of [['INSERT', 'new'], ['UPDATE', 'new'], ['DELETE', 'old']] as const) {
      const body = (reindex ? sqliteReindex(`${row}.piece_id`) : '') + sqliteLog('piece', `${row}.piece_id`);
      await sqliteTrigger(db, `${table}_site_${op.toLowerCase()}`, op, table, body);
    }
  }
  const pieceIdsOf = { people: 'SELECT piece_id FROM piece_authors WHERE person_id = new.id', outlets: 'SELECT id FROM pieces WHERE outlet_id = new.id' };
  for (const [table, subject] of [['people', 'person'], ['outlets', 'outlet'], ['tags', 'tag']] as const) {
    const reindex = table === 'tags' ? '' : sqliteReindex(pieceIdsOf[table]);
    await sqliteTrigger(db, `${table}_site_au`, 'UPDATE', table, reindex + sqliteLog(subject, 'new.id'));
    await sqliteTrigger(db, `${table}_site_ad`, 'DELETE', table, sqliteLog(subject, 'old.id'));
  }
  for (const [op, row] of [['INSERT', 'new'], ['UPDATE', 'new'], ['DELETE', 'old']] as const) {
    await sqliteTrigger(db, `settings_site_${op.toLowerCase()}`, op, 'settings', sqliteLog('settings', '0'), `${row}.key IN ('site', 'demo')`);
  }
  await sql.raw(`INSERT INTO pieces_fts(rowid, headline, standfirst, body, names) ${SQLITE_DOC} WHERE p.state = 'published'`).execute(db);
}

const PG_FUNCTIONS = `
CREATE FUNCTION newsdesk_json_text(t text, field text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE j jsonb; out text := '';
BEGIN
  IF t IS NULL THEN RETURN ''; END IF;
  BEGIN j := t::jsonb; EXCEPTION WHEN others THEN RETURN ''; END;
  IF jsonb_typeof(j) = 'array' THEN
    SELECT coalesce(string_agg(coalesce(e->>field, e->>'text', ''), ' '), '') INTO out FROM jsonb_array_elements(j) e WHERE jsonb_typeof(e) = 'object';
  ELSIF jsonb_typeof(j) = 'object' THEN
    SELECT coalesce(string_agg(v, ' '), '') INTO out FROM jsonb_each_text(j) AS x(k, v);
  END IF;
  RETURN out;
END $$;

CREATE FUNCTION newsdesk_reindex_pieces(ids bigint[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM piece_search WHERE piece_id = ANY(ids);
  INSERT INTO piece_search(piece_id, doc)
  SELECT p.id,
    setweight(to_tsvector('simple', coalesce(p.headline_override, '') || ' ' || p.headline), 'A')
    || setweight(to_tsvector('simple', coalesce(p.standfirst, '')), 'B')
    || setweight(to_tsvector('simple', coalesce(p.body_md, '') || ' ' || newsdesk_json_text(p.excerpt, 'html')), 'C')
    || setweight(to_tsvector('simple', coalesce((SELECT string_agg(newsdesk_json_text(pe.names, ''), ' ') FROM piece_authors pa
         JOIN people pe ON pe.id = pa.person_id WHERE pa.piece_id = p.id), '') || ' ' || coalesce((SELECT o.name FROM outlets o WHERE o.id = p.outlet_id), '')), 'B')
  FROM pieces p WHERE p.id = ANY(ids) AND p.state = 'published';
$$;

CREATE FUNCTION newsdesk_site_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF TG_TABLE_NAME = 'pieces' THEN
    INSERT INTO site_changes(subject, ref) VALUES ('piece', r.id);
    IF TG_OP <> 'DELETE' THEN PERFORM newsdesk_reindex_pieces(ARRAY[r.id]); END IF;
  ELSIF TG_TABLE_NAME IN ('piece_authors', 'piece_tags', 'corrections') THEN
    INSERT INTO site_changes(subject, ref) VALUES ('piece', r.piece_id);
    IF TG_TABLE_NAME = 'piece_authors' THEN PERFORM newsdesk_reindex_pieces(ARRAY[r.piece_id]); END IF;
  ELSIF TG_TABLE_NAME = 'people' THEN
    INSERT INTO site_changes(subject, ref) VALUES ('person', r.id);
    IF TG_OP = 'UPDATE' THEN PERFORM newsdesk_reindex_pieces(ARRAY(SELECT piece_id FROM piece_authors WHERE person_id = r.id)); END IF;
  ELSIF TG_TABLE_NAME = 'outlets' THEN
    INSERT INTO site_changes(subject, ref) VALUES ('outlet', r.id);
    IF TG_OP = 'UPDATE' THEN PERFORM newsdesk_reindex_pieces(ARRAY(SELECT id FROM pieces WHERE outlet_id = r.id)); END IF;
  ELSIF TG_TABLE_NAME = 'tags' THEN
    INSERT INTO site_changes(subject, ref) VALUES ('tag', r.id);
  ELSIF TG_TABLE_NAME = 'settings' AND r.key IN ('site', 'demo') THEN
    INSERT INTO site_changes(subject, ref) VALUES ('settings', 0);
  END IF;
  RETURN NULL;
END $$;`;

async function postgresUp(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`CREATE TABLE piece_search (piece_id bigint PRIMARY KEY REFERENCES pieces(id) ON DELETE CASCADE, doc tsvector NOT NULL)`).execute(db);
  await sql.raw(`CREATE INDEX piece_search_doc ON piece_search USING gin (doc)`).execute(db);
  await sql.raw(PG_FUNCTIONS).execute(db);
  const events: Record<string, string> = {
    pieces: 'INSERT OR UPDATE OR DELETE', piece_authors: 'INSERT OR UPDATE OR DELETE', piece_tags: 'INSERT OR UPDATE OR DELETE',
    corrections: 'INSERT OR UPDATE OR DELETE', people: 'UPDATE OR DELETE', outlets: 'UPDATE OR DELETE', tags: 'UPDATE OR DELETE', settings: 'INSERT OR UPDATE OR DELETE',
  };
  for (const [table, on] of Object.entries(events)) {
    await sql.raw(`CREATE TRIGGER ${table}_site_change AFTER ${on} ON ${table} FOR EACH ROW EXECUTE FUNCTION newsdesk_site_change()`).execute(db);
  }
  await sql.raw(`SELECT newsdesk_reindex_pieces(ARRAY(SELECT id FROM pieces))`).execute(db);
}
