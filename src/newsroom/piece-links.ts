/*
 * Which outbound links newsdesk watches: those of public pieces (published or scheduled): the original, the lead
 * image, links in the excerpt and the story body, the authors' websites and photos, the outlet's home page and logo.
 * Social profiles are left out: those sites answer bots with 4xx/999 whatever the link's health.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/database.ts';
import { enqueue } from '../store/jobs.ts';
import { publicPieceIds, registerLinks } from '../store/link-checks.ts';
import type { Store } from '../store/open.ts';
import { getPieceView } from '../store/pieces.ts';
import { outboundLinks } from './rules/links.ts';

/** The job that (re)registers one piece's links; enqueued with every change to a piece. */
export const REGISTER_LINKS_JOB = 'links.register';

const PUBLIC_STATES = new Set(['published', 'scheduled']);

/** Queues the registration of a piece's links, once per version (committed with the change that caused it). */
export async function enqueueLinkRegistration(db: Kysely<Database>, pieceId: number, version: number, now: string): Promise<void> {
  await enqueue(db, { name: REGISTER_LINKS_JOB, payload: { pieceId }, runAt: now, uniqueKey: `${REGISTER_LINKS_JOB}:${pieceId}@${version}` }, now);
}

/** Replaces the links a piece uses: its outbound links while it is public, none otherwise. Returns the counts. */
export async function registerPieceLinks(store: Store, pieceId: number, now: Date): Promise<{ links: number; fresh: number }> {
  const view = await getPieceView(store.db, pieceId);
  const subject = { subjectType: 'piece' as const, subjectId: pieceId };
  if (!view || !PUBLIC_STATES.has(view.piece.state)) {
    await registerLinks(store.db, subject, [], now.toISOString());
    return { links: 0, fresh: 0 };
  }
  const p = view.piece;
  const links = outboundLinks({
    originalUrl: p.originalUrl ?? null, image: p.image?.decision === 'none' ? null : p.image ?? null, excerpt: p.excerpt, body: p.body ?? null,
    authors: view.authors.map((a) => ({ website: a.website ?? null, photo: a.photo?.url ?? null })),
    outlet: view.outlet ? { homeUrl: view.outlet.homeUrl || null, logo: view.outlet.logo?.url ?? null } : null,
  });
  const fresh = await registerLinks(store.db, subject, links, now.toISOString());
  return { links: links.length, fresh: fresh.length };
}

/** Registers the links of every public piece (`links check --all`; pieces published before the checker existed). */
export async function registerAllPieceLinks(store: Store, now: Date): Promise<{ pieces: number; links: number; fresh: number }> {
  const total = { pieces: 0, links: 0, fresh: 0 };
  for (const id of await publicPieceIds(store.db, [...PUBLIC_STATES])) {
    const r = await registerPieceLinks(store, id, now);
    total.pieces++;
    total.links += r.links;
    total.fresh += r.fresh;
  }
  return total;
}
