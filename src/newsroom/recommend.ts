import { captureUrl, type FetchPage } from '../ingest/capture.ts';
import { AppError } from '../model/app-error.ts';
import type { ArticleKind } from '../model/capture.ts';
import { canonicalizeUrl, dedupeUrl } from '../model/url.ts';
import { recordAudit } from '../store/audit.ts';
import { markUsedFor } from '../store/candidates.ts';
import { getCapture } from '../store/captures.ts';
import type { Store } from '../store/open.ts';
import { atomically, findRecommendationOf, insertPiece, insertRevision, pathTaken } from '../store/pieces.ts';
import { getSiteSettings } from '../store/settings.ts';
import { requireAllowed, type Actor } from './actor.ts';
import { publishPiece, schedulePiece, type PieceRef } from './piece-commands.ts';
import { ensureTags, resolveAuthors, resolveOutlet } from './resolve.ts';
import { describeExcerpt } from './rules/excerpt.ts';
import { draftRecommendation, pieceLanguage } from './rules/recommendation-draft.ts';
import { piecePathFor } from './rules/slug.ts';
import { stripControlsDeep } from '../model/text.ts';

/** What to recommend and how: a capture id or a URL (captured first), plus the editor's choices. */
export interface RecommendInput {
  source: string;
  kind?: ArticleKind;
  headline?: string;
  note?: string;
  tags?: string[];
  publish?: boolean;
  scheduleAt?: string;
}

/** The new (or already existing) recommendation, with what the editor should know. */
export interface RecommendResult extends PieceRef {
  existing: boolean;
  captureId: number;
  headline: string;
  excerpt: { wordsQuoted: number; wordsTotal: number; paragraphsQuoted: number; summary: string };
  warnings: string[];
}

async function captureFor(store: Store, fetchPage: FetchPage, source: string, actor: Actor, now: () => Date): Promise<number> {
  if (/^\d+$/.test(source)) return Number(source);
  const r = await captureUrl(store, fetchPage, source, { now, userId: actor.userId });
  if (!r.ok) throw new AppError(r.reason === 'bad-url' ? 'invalid' : 'unavailable', `cannot capture ${source}: ${r.message}`);
  return r.captureId;
}

/** A path not used by another piece: `/y/m/d/slug`, else `…-2`, `…-3`. */
async function freePath(store: Store, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const path = n === 1 ? base : `${base}-${n}`;
    if (!(await pathTaken(store.db, path))) return path;
  }
}

/** Turns a capture into a draft recommendation (and publishes or schedules it when asked). A URL already recommended returns that piece. */
export async function recommend(store: Store, fetchPage: FetchPage, actor: Actor, raw: RecommendInput, now: () => Date): Promise<RecommendResult> {
  // 1. The role may create pieces at all; typed text loses its C0 controls (a NUL fails a PostgreSQL write).
  requireAllowed(actor, 'create');
  const input = stripControlsDeep(raw);
  // 2. The capture: by id, or capture the URL now.
  const captureId = await captureFor(store, fetchPage, input.source, actor, now);
  const capture = await getCapture(store.db, captureId);
  if (!capture) throw new AppError('not-found', `no capture with id ${captureId}`);
  if (!capture.extraction?.body?.length) throw new AppError('invalid', `capture ${captureId} is not an article; nothing to recommend`);
  const x = capture.extraction;
  // 3. The same original recommended before: offer that piece instead of a second one.
  const originals = [capture.canonicalUrl, canonicalizeUrl(x.canonicalUrl), capture.url].filter((u): u is string => Boolean(u));
  const already = await findRecommendationOf(store.db, originals);
  if (already) {
    return { id: Number(already.id), state: already.state, path: already.path, version: Number(already.version), existing: true, captureId, headline: already.headline, excerpt: { wordsQuoted: 0, wordsTotal: 0, paragraphsQuoted: 0, summary: '' }, warnings: [`this URL was already recommended as piece ${already.id}`] };
  }
  // 4. Outlet, people and tags: reuse records, create what is missing.
  const at = now().toISOString();
  const site = await getSiteSettings(store.db);
  const lang = pieceLanguage(x.language, site);
  const outlet = await resolveOutlet(store, x, at);
  const authors = await resolveAuthors(store, x.authors?.value ?? [], lang, at);
  const tagIds = await ensureTags(store, input.tags ?? [], at);
  // 5. Apply the newsroom's rules: headline by kind, excerpt policy, note template, image, SEO default.
  const draft = draftRecommendation({
    extraction: { ...x, canonicalUrl: capture.canonicalUrl }, site, outlet: { name: outlet.name }, authors: authors.ids.map((a) => ({ id: String(a.id), name: a.name })),
    choices: { ...(input.kind ? { kind: input.kind } : {}), ...(input.headline ? { headline: input.headline } : {}), ...(input.note ? { note: input.note } : {}), tags: input.tags ?? [] },
  });
  const f = draft.fields;
  const path = await freePath(store, piecePathFor({ type: 'recommendation', originalPublishedAt: f.originalPublishedAt, createdAt: at, slug: f.slug }, site.timeZone));
  // 6. Store the draft, its first revision and its audit entry in one transaction: a crash in between must not
  //    leave a piece without its history (the crash suite found pieces without revision 1).
  const id = await atomically(store.db, async (trx) => {
    const pieceId = await insertPiece(trx, {
      row: {
        type: 'recommendation', kind: f.kind, state: 'draft', language: f.language, slug: f.slug, path, headline: f.headline,
        headline_override: f.headlineOverride ?? null, excerpt: JSON.stringify(f.excerpt), editor_note: f.editorsNote ?? null,
        original_url: f.originalUrl ?? null, outlet_id: outlet.id, capture_id: captureId, original_published_at: f.originalPublishedAt ?? null,
        image: f.image ? JSON.stringify(f.image) : null, seo: f.seo, created_by: actor.userId, created_at: at, updated_at: at,
      },
      authorIds: authors.ids.map((a) => a.id), tagIds,
    });
    await insertRevision(trx, { pieceId, version: 1, userId: actor.userId, at, changes: { created: [null, { captureId, headline: draft.displayHeadline }] } });
    // The inbox keeps a candidate that became a recommendation past its retention period.
    await markUsedFor(trx, { captureId, urls: originals.map((u) => dedupeUrl(u)).filter((u): u is string => Boolean(u)) }, at);
    await recordAudit(trx, { at, userId: actor.userId, action: 'piece.create', subjectType: 'piece', subjectId: pieceId, details: { by: actor.label, captureId } });
    return pieceId;
  });
  const warnings = [...(outlet.warning ? [`outlet: ${outlet.warning}`] : []), ...authors.warnings.map((w) => `${w.field}: ${w.message}`), ...draft.warnings.map((w) => `${w.field}: ${w.message}`)];
  let ref: PieceRef = { id, state: 'draft', path, version: 1 };
  // 7. Publish or schedule when asked (the role is checked again there).
  if (input.publish) ref = await publishPiece(store, actor, id, now());
  else if (input.scheduleAt) ref = await schedulePiece(store, actor, id, input.scheduleAt, now());
  const e = draft.excerpt;
  return { ...ref, existing: false, captureId, headline: draft.displayHeadline, excerpt: { wordsQuoted: e.wordsQuoted, wordsTotal: e.wordsTotal, paragraphsQuoted: e.paragraphsQuoted, summary: describeExcerpt(e) }, warnings };
}
