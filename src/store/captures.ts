import type { Kysely, Selectable } from 'kysely';
import type { Extraction } from '../model/capture.ts';
import type { CapturesTable, Database } from './database.ts';
import { parseJson } from './json.ts';

/** A stored capture with its extraction parsed (the raw HTML stays in the row, not here). */
export interface CaptureRecord {
  id: number;
  url: string;
  canonicalUrl: string;
  finalUrl: string;
  htmlSha256: string;
  httpStatus: number;
  contentType: string | null;
  fetchedAt: string;
  extraction: Extraction;
}

function toRecord(r: Omit<Selectable<CapturesTable>, 'html'>): CaptureRecord {
  return {
    id: Number(r.id), url: r.url, canonicalUrl: r.canonical_url, finalUrl: r.final_url, htmlSha256: r.html_sha256,
    httpStatus: r.http_status, contentType: r.content_type, fetchedAt: r.fetched_at, extraction: parseJson(r.extraction, {} as Extraction),
  };
}

const COLUMNS = ['id', 'url', 'canonical_url', 'final_url', 'html_sha256', 'http_status', 'content_type', 'fetched_at', 'extraction', 'created_by', 'created_at'] as const;

/** Stores a capture (the raw HTML is kept as evidence); returns its id. */
export async function insertCapture(db: Kysely<Database>, c: Omit<CaptureRecord, 'id'> & { html: string; createdBy: number | null; now: string }): Promise<number> {
  const row = await db.insertInto('captures').values({
    url: c.url, canonical_url: c.canonicalUrl, final_url: c.finalUrl, html_sha256: c.htmlSha256, html: c.html, http_status: c.httpStatus,
    content_type: c.contentType, fetched_at: c.fetchedAt, extraction: JSON.stringify(c.extraction), created_by: c.createdBy, created_at: c.now,
  }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The newest capture whose requested or canonical URL is one of `urls`. */
export async function findCaptureByUrl(db: Kysely<Database>, urls: readonly string[]): Promise<CaptureRecord | undefined> {
  if (urls.length === 0) return undefined;
  const row = await db.selectFrom('captures').select(COLUMNS)
    .where((eb) => eb.or([eb('canonical_url', 'in', [...urls]), eb('url', 'in', [...urls])]))
    .orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** One capture by id. */
export async function getCapture(db: Kysely<Database>, id: number): Promise<CaptureRecord | undefined> {
  const row = await db.selectFrom('captures').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}
