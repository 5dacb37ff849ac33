import { AppError } from '../model/app-error.ts';
import type { ArticleKind } from '../model/capture.ts';
import { recordAudit } from '../store/audit.ts';
import type { Store } from '../store/open.ts';
import { atomically, insertPiece, insertRevision, pathTaken } from '../store/pieces.ts';
import { getSiteSettings } from '../store/settings.ts';
import { requireAllowed, type Actor } from './actor.ts';
import { publishPiece, type PieceRef } from './piece-commands.ts';
import { ensureTags } from './resolve.ts';
import { pieceLanguage } from './rules/recommendation-draft.ts';
import { piecePath, slugify } from './rules/slug.ts';
import { stripControlsDeep } from '../model/text.ts';

/** Our own piece as an editor writes it. */
export interface StoryInput {
  headline: string;
  standfirst?: string;
  /** Markdown; sanitized when rendered. */
  body: string;
  kind?: ArticleKind;
  authorIds?: number[];
  tags?: string[];
  language?: string;
  image?: { url: string; caption?: string; credit?: string; alt?: string };
  publish?: boolean;
}

/** Creates a story (a draft, or published at once when asked and allowed). */
export async function createStory(store: Store, actor: Actor, raw: StoryInput, now: Date): Promise<PieceRef> {
  requireAllowed(actor, 'create');
  // Typed text from any front end (CLI, HTTP, tests) without C0 controls: a NUL fails a PostgreSQL write.
  const input = stripControlsDeep(raw);
  const headline = input.headline.trim().replace(/\s+/g, ' ');
  if (!headline) throw new AppError('invalid', 'headline: a story needs a headline');
  if (headline.length > 300) throw new AppError('invalid', 'headline: at most 300 characters');
  if (!input.body.trim()) throw new AppError('invalid', 'body: a story needs a body');
  const site = await getSiteSettings(store.db);
  const at = now.toISOString();
  const slug = slugify(headline) || 'story';
  let path = piecePath(at, slug, site.timeZone);
  for (let n = 2; await pathTaken(store.db, path); n++) path = piecePath(at, `${slug}-${n}`, site.timeZone);
  // The piece, its first revision and its audit entry commit together, as a recommendation's do (crash suite).
  const tagIds = await ensureTags(store, input.tags ?? [], at);
  const id = await atomically(store.db, async (trx) => {
    const pieceId = await insertPiece(trx, {
      row: {
        type: 'story', kind: input.kind ?? 'news', state: 'draft', language: pieceLanguage(input.language, site), slug, path, headline,
        standfirst: input.standfirst?.trim() || null, body_md: input.body, seo: 'index', created_by: actor.userId, created_at: at, updated_at: at,
        image: input.image ? JSON.stringify({ decision: 'link', ...input.image }) : null,
      },
      authorIds: input.authorIds ?? [], tagIds,
    });
    await insertRevision(trx, { pieceId, version: 1, userId: actor.userId, at, changes: { created: [null, { headline }] } });
    await recordAudit(trx, { at, userId: actor.userId, action: 'piece.create', subjectType: 'piece', subjectId: pieceId, details: { by: actor.label, type: 'story' } });
    return pieceId;
  });
  return input.publish ? publishPiece(store, actor, id, now) : { id, state: 'draft', path, version: 1 };
}
