/*
 * Link jobs: registering a piece's links after each change, and the sweep that checks due links in bounded batches.
 * Handlers are idempotent: a repeated registration replaces the same uses, a repeated sweep finds nothing due.
 */
import type { Logger } from 'pino';
import { checkDueLinks, createLinkFetch, type LinkFetch } from '../ingest/check-link.ts';
import { registerAllPieceLinks, registerPieceLinks, REGISTER_LINKS_JOB } from '../newsroom/piece-links.ts';
import { upsertSchedule } from '../store/jobs.ts';
import type { Store } from '../store/open.ts';
import type { JobHandler } from './worker.ts';

/** How the sweep reaches the web (from config, passed down by the process). */
export interface LinkJobSettings {
  /** NEWSDESK_FETCH_ALLOW. */
  allow: string;
  userAgent: string;
  /** Tests inject one; production builds one over safeFetch. */
  fetch?: LinkFetch;
  /** Links checked per sweep (default 50). */
  batch?: number;
}

/** Dependencies of the link jobs; without `links` only registration is handled. */
export interface LinkJobDeps {
  store: Store;
  logger: Logger;
  now: () => Date;
  links?: LinkJobSettings;
}

/** The link job handlers by name. */
export function linkJobHandlers(deps: LinkJobDeps): Record<string, JobHandler> {
  const log = deps.logger.child({ room: 'links' });
  const handlers: Record<string, JobHandler> = {
    [REGISTER_LINKS_JOB]: async (payload) => {
      const r = await registerPieceLinks(deps.store, Number(payload.pieceId), deps.now());
      if (r.fresh) log.debug({ pieceId: payload.pieceId, ...r }, 'links registered');
    },
    // Daily: pieces published before the checker existed, and authors' or outlets' websites edited in the directory.
    'links.register-all': async () => {
      const r = await registerAllPieceLinks(deps.store, deps.now());
      if (r.fresh) log.info(r, 'new links registered');
    },
  };
  const settings = deps.links;
  if (!settings) return handlers;
  let own: ReturnType<typeof createLinkFetch> | undefined;
  const fetch: LinkFetch = settings.fetch ?? ((url, o) => (own ??= createLinkFetch({ allow: settings.allow, userAgent: settings.userAgent })).fetch(url, o));
  handlers['links.sweep'] = async (_payload, ctx) => {
    const results = await checkDueLinks({ store: deps.store, fetch, now: deps.now }, { limit: settings.batch ?? 50, signal: ctx.signal });
    // A confirmed failure is the source's problem: a warning, with the reason on the row for editors.
    for (const r of results) if (!['ok', 'redirected', 'suspect'].includes(r.state)) log.warn({ url: r.url, state: r.state, reason: r.reason, err: r.message }, 'link failing');
    if (results.length) log.info({ checked: results.length }, 'links checked');
  };
  return handlers;
}

/** The sweep runs every minute and checks at most one batch, so a large backlog drains politely; links are re-registered daily. */
export async function declareLinkSchedules(store: Store, now: Date): Promise<void> {
  await upsertSchedule(store.db, { name: 'links.sweep', jobName: 'links.sweep', everySeconds: 60, firstRunAt: now.toISOString() });
  await upsertSchedule(store.db, { name: 'links.register-all', jobName: 'links.register-all', everySeconds: 86_400, firstRunAt: now.toISOString() });
}
