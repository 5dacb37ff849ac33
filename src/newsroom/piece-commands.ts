import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../model/app-error.ts';
import { recordAudit } from '../store/audit.ts';
import type { Database, PiecesTable } from '../store/database.ts';
import { enqueue } from '../store/jobs.ts';
import type { Store } from '../store/open.ts';
import { atomically, getPieceAuthorIds, getPieceRow, getPieceView, insertCorrection, insertRevision, setPieceAuthors, updatePieceIf } from '../store/pieces.ts';
import { getSiteSettings } from '../store/settings.ts';
import { requireAllowed, type Actor } from './actor.ts';
import { enqueueLinkRegistration } from './piece-links.ts';
import { validateLinks } from './rules/links.ts';
import { checkScheduleTime, type TransitionAction, TRANSITIONS } from './rules/workflow.ts';

/** The public view of a command's result. */
export interface PieceRef {
  id: number;
  state: string;
  path: string | null;
  version: number;
}

/** Loads a piece row or throws not-found. */
export async function loadPiece(store: Store, id: number): Promise<Selectable<PiecesTable>> {
  const row = Number.isInteger(id) && id > 0 ? await getPieceRow(store.db, id) : undefined;
  if (!row) throw new AppError('not-found', `no piece with id ${id}`);
  return row;
}

/** Refuses to publish a piece with any link that is empty, relative or not http(s), naming the field. */
export async function assertLinksValid(store: Store, id: number): Promise<void> {
  const view = await getPieceView(store.db, id);
  if (!view) throw new AppError('not-found', `no piece with id ${id}`);
  const site = await getSiteSettings(store.db);
  const errors = validateLinks({
    originalUrl: view.piece.originalUrl ?? null, image: view.piece.image?.decision === 'none' ? null : view.piece.image ?? null,
    excerpt: view.piece.excerpt, body: view.piece.body ?? null,
    authors: view.authors.map((a) => ({ name: a.names.en, website: a.website ?? null, photo: a.photo?.url ?? null, profiles: a.profiles })),
    readerSupport: site.readerSupport,
  });
  if (view.piece.type === 'recommendation' && !view.piece.originalUrl) errors.unshift({ field: 'originalUrl', value: null, problem: 'empty', message: 'originalUrl: a recommendation needs the URL of the original' });
  if (errors.length) throw new AppError('invalid', `cannot publish: ${errors.map((e) => e.message).join('; ')}`, { errors });
}

/** Work that must commit with a transition (e.g. the job that carries out a schedule). */
type AlsoInTransaction = (trx: Kysely<Database>) => Promise<unknown>;

async function transition(store: Store, actor: Actor, id: number, action: TransitionAction, now: Date, set: Partial<Selectable<PiecesTable>>, details: Record<string, unknown> = {}, also?: AlsoInTransaction): Promise<PieceRef> {
  const row = await loadPiece(store, id);
  requireAllowed(actor, action, row);
  const to = TRANSITIONS[action].to;
  const at = now.toISOString();
  const version = Number(row.version) + 1;
  // The move, its revision and its audit entry commit together: a crash between them left published pieces
  // without the revision that published them (found by the crash suite).
  const ok = await atomically(store.db, async (trx) => {
    if (!(await updatePieceIf(trx, id, { expectedVersion: Number(row.version), fromStates: [...TRANSITIONS[action].from] }, { ...set, state: to, updated_at: at }))) return false;
    await insertRevision(trx, { pieceId: id, version, userId: actor.userId, at, changes: { state: [row.state, to], ...Object.fromEntries(Object.entries(set).map(([k, v]) => [k, [row[k as keyof typeof row], v]])) } });
    await recordAudit(trx, { at, userId: actor.userId, action: `piece.${action}`, subjectType: 'piece', subjectId: id, details: { by: actor.label, ...details } });
    await also?.(trx);
    // Publishing, unpublishing or retracting changes which links are public: the link checker follows.
    await enqueueLinkRegistration(trx, id, version, at);
    return true;
  });
  if (!ok) throw new AppError('conflict', `piece ${id} changed since you opened it (now ${(await loadPiece(store, id)).state}); nothing was done`);
  return { id, state: to, path: row.path, version };
}

/** Publishes a draft, reviewed or scheduled piece now. A second publish of the same piece is refused, not duplicated. */
export async function publishPiece(store: Store, actor: Actor, id: number, now: Date): Promise<PieceRef> {
  const row = await loadPiece(store, id);
  if (row.state === 'published') return { id, state: row.state, path: row.path, version: Number(row.version) };
  requireAllowed(actor, 'publish', row);
  await assertLinksValid(store, id);
  return transition(store, actor, id, 'publish', now, { published_at: row.published_at ?? now.toISOString(), scheduled_at: null });
}

/** Schedules a piece; the job queue publishes it at `at`, also after restarts. */
export async function schedulePiece(store: Store, actor: Actor, id: number, at: string, now: Date): Promise<PieceRef> {
  const when = checkScheduleTime(at, now);
  if (!when.ok) throw new AppError('invalid', when.message);
  await assertLinksValid(store, id);
  // The publish job commits with the state change: a crash between the two left a scheduled piece that never published.
  const job = { name: 'piece.publish-scheduled', payload: { pieceId: id, at: when.at }, runAt: when.at, uniqueKey: `publish:${id}@${when.at}` };
  return transition(store, actor, id, 'schedule', now, { scheduled_at: when.at }, { at: when.at }, (trx) => enqueue(trx, job, now.toISOString()));
}

/** The job behind scheduling: publishes the piece if it is still scheduled for that time (idempotent). */
export async function publishScheduled(store: Store, actor: Actor, payload: { pieceId?: unknown; at?: unknown }, now: Date): Promise<void> {
  const row = await getPieceRow(store.db, Number(payload.pieceId));
  if (!row || row.state !== 'scheduled' || row.scheduled_at !== payload.at) return;
  await publishPiece(store, actor, Number(row.id), now);
}

/** Takes a published piece back to draft. */
export function unpublishPiece(store: Store, actor: Actor, id: number, now: Date): Promise<PieceRef> {
  return transition(store, actor, id, 'unpublish', now, {});
}

/** Retracts a published piece: its page answers 410 with the note. */
export function retractPiece(store: Store, actor: Actor, id: number, note: string, now: Date): Promise<PieceRef> {
  if (!note.trim()) throw new AppError('invalid', 'a retraction needs a note saying why');
  return transition(store, actor, id, 'retract', now, { retraction_note: note.trim() }, { note: note.trim() });
}

/** Hands a draft over for review. */
export function submitPiece(store: Store, actor: Actor, id: number, now: Date): Promise<PieceRef> {
  return transition(store, actor, id, 'submit', now, {});
}

/** Adds a dated correction to a published piece. */
export async function correctPiece(store: Store, actor: Actor, id: number, text: string, now: Date): Promise<PieceRef> {
  const row = await loadPiece(store, id);
  requireAllowed(actor, 'correct', row);
  if (!text.trim()) throw new AppError('invalid', 'a correction needs its text');
  const at = now.toISOString();
  const ok = await atomically(store.db, async (trx) => {
    if (!(await updatePieceIf(trx, id, { expectedVersion: Number(row.version) }, { updated_at: at }))) return false;
    await insertCorrection(trx, { pieceId: id, at, text: text.trim(), userId: actor.userId });
    await insertRevision(trx, { pieceId: id, version: Number(row.version) + 1, userId: actor.userId, at, changes: { correction: [null, text.trim()] } });
    await recordAudit(trx, { at, userId: actor.userId, action: 'piece.correct', subjectType: 'piece', subjectId: id });
    return true;
  });
  if (!ok) throw new AppError('conflict', `piece ${id} changed since you opened it; try again`);
  return { id, state: row.state, path: row.path, version: Number(row.version) + 1 };
}

/** Fields an editor may change on a piece. */
export type PieceEdit = Partial<Pick<Selectable<PiecesTable>, 'headline' | 'headline_override' | 'standfirst' | 'body_md' | 'editor_note' | 'kind' | 'seo' | 'language' | 'image' | 'original_published_at' | 'excerpt'>>;

/** Changes beside the piece's own columns: the byline (person ids in order). */
export interface PieceEditExtra {
  authorIds?: readonly number[];
}

/** Saves an edit made on `baseVersion`; refused with "changed since you opened it" when someone saved first. */
export async function editPiece(store: Store, actor: Actor, id: number, baseVersion: number, edit: PieceEdit, now: Date, extra: PieceEditExtra = {}): Promise<PieceRef> {
  const row = await loadPiece(store, id);
  requireAllowed(actor, 'edit', row);
  const changes: Record<string, [unknown, unknown]> = Object.fromEntries(Object.entries(edit).filter(([k, v]) => v !== undefined && row[k as keyof typeof row] !== v).map(([k, v]) => [k, [row[k as keyof typeof row], v]]));
  if (extra.authorIds) {
    const before = await getPieceAuthorIds(store.db, id);
    if (before.join(',') !== extra.authorIds.join(',')) changes.authors = [before, [...extra.authorIds]];
  }
  if (Object.keys(changes).length === 0) return { id, state: row.state, path: row.path, version: Number(row.version) };
  const at = now.toISOString();
  // The version bump guards the byline too: only the save that wins the column update replaces the authors.
  // Columns, byline and revision commit together, so no version is ever without its revision.
  const ok = await atomically(store.db, async (trx) => {
    if (!(await updatePieceIf(trx, id, { expectedVersion: baseVersion }, { ...edit, updated_at: at }))) return false;
    if (changes.authors) await setPieceAuthors(trx, id, extra.authorIds!);
    await insertRevision(trx, { pieceId: id, version: baseVersion + 1, userId: actor.userId, at, changes });
    await enqueueLinkRegistration(trx, id, baseVersion + 1, at);
    return true;
  });
  if (!ok) throw new AppError('conflict', `piece ${id} changed since you opened it (version ${baseVersion}, now ${(await loadPiece(store, id)).version}); your changes were not saved`, { changes });
  return { id, state: row.state, path: row.path, version: baseVersion + 1 };
}
