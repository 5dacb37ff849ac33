import type { Logger } from 'pino';
import { SYSTEM } from '../newsroom/actor.ts';
import { publishScheduled } from '../newsroom/piece-commands.ts';
import { upsertSchedule } from '../store/jobs.ts';
import type { Store } from '../store/open.ts';
import { deleteExpiredSessions } from '../store/sessions.ts';
import { declareFeedSchedules, feedJobHandlers, type FeedJobSettings } from './feed-jobs.ts';
import { declareLinkSchedules, linkJobHandlers, type LinkJobSettings } from './link-jobs.ts';
import type { JobHandler } from './worker.ts';

/** What handlers need from the process. */
export interface HandlerDeps {
  store: Store;
  logger: Logger;
  now: () => Date;
  /** Feed polling settings; without them (tests, web-only nodes) feed jobs are not handled here. */
  feeds?: FeedJobSettings;
  /** Link checking settings; without them only link registration is handled here. */
  links?: LinkJobSettings;
}

/** Every job newsdesk knows, by name. Later rooms add theirs here (capture, feed refresh, link checks). */
export function jobHandlers(deps: HandlerDeps): Record<string, JobHandler> {
  return {
    ...(deps.feeds ? feedJobHandlers({ ...deps, feeds: deps.feeds }) : {}),
    ...linkJobHandlers(deps),
    'piece.publish-scheduled': (payload) => publishScheduled(deps.store, SYSTEM, payload, deps.now()),
    'maintenance.sessions': async () => {
      const n = await deleteExpiredSessions(deps.store.db, deps.now().toISOString());
      if (n) deps.logger.info({ deleted: n }, 'expired sessions deleted');
    },
  };
}

/** Declares the recurring schedules; safe to call from every process at every start. `websub` adds the hourly subscription renewal. */
export async function declareSchedules(store: Store, now: Date, opts: { websub?: boolean } = {}): Promise<void> {
  await declareFeedSchedules(store, now, { websub: opts.websub ?? false });
  await declareLinkSchedules(store, now);
  await upsertSchedule(store.db, { name: 'maintenance.sessions', jobName: 'maintenance.sessions', everySeconds: 3600, firstRunAt: now.toISOString() });
}
