import type { Command } from 'commander';
import { checkDueLinks, checkLink, createLinkFetch, type LinkCheckResult } from '../ingest/check-link.ts';
import { PROBLEM_STATES } from '../model/link-check.ts';
import { registerAllPieceLinks } from '../newsroom/piece-links.ts';
import { listLinks, makeAllLinksDue, type LinkWithUses } from '../store/link-checks.ts';
import { CliError } from './cli-error.ts';
import { output, withStore, type CliContext } from './context.ts';

/** States `links status --broken` shows: confirmed failures (a redirect still works). */
const BROKEN = PROBLEM_STATES.filter((s) => s !== 'redirected');

function resultLine(r: LinkCheckResult): string {
  const why = r.reason && r.outcome !== 'ok' ? ` [${r.reason}]` : '';
  return `${r.state.padEnd(11)} ${r.url}: ${r.message}${why}`;
}

/** A link as `links status --json` shows it. */
export function linkStatus(l: LinkWithUses) {
  return {
    url: l.url, state: l.state, lastOutcome: l.last_outcome, httpStatus: l.http_status, finalUrl: l.final_url, reason: l.reason, error: l.error,
    consecutiveFailures: l.consecutive_failures, firstFailedAt: l.first_failed_at, lastCheckedAt: l.last_checked_at, nextCheckAt: l.next_check_at, uses: l.uses,
  };
}

async function runCheck(ctx: CliContext, o: { all?: boolean; url?: string; json?: boolean; limit?: string }): Promise<void> {
  if (o.all && o.url) throw new CliError('give --all or --url, not both', 2);
  const limit = o.limit === undefined ? 50 : Number(o.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new CliError(`--limit must be a whole number of links, e.g. --limit 50 (got "${o.limit}")`, 2);
  if (o.url !== undefined && !/^https?:\/\/[^/\s]/i.test(o.url.trim())) throw new CliError(`--url needs an absolute http(s) URL (got "${o.url.slice(0, 200)}")`, 2);
  const fetcher = createLinkFetch({ allow: ctx.config.fetchAllow, userAgent: `newsdesk/0.1 (+${ctx.config.siteUrl})` });
  try {
    await withStore(ctx, async (store) => {
      const deps = { store, fetch: fetcher.fetch, now: () => new Date() };
      if (o.url !== undefined) {
        const r = await checkLink(deps, new URL(o.url.trim()).href);
        output(Boolean(o.json), r, resultLine(r));
        return;
      }
      // --all: every public piece's links registered afresh and all of them checked now, batch after batch.
      const registered = o.all ? await registerAllPieceLinks(store, deps.now()) : null;
      if (o.all) await makeAllLinksDue(store.db, deps.now().toISOString());
      const results: LinkCheckResult[] = [];
      for (let batch = await checkDueLinks(deps, { limit }); batch.length > 0; batch = o.all ? await checkDueLinks(deps, { limit }) : []) results.push(...batch);
      const counts: Record<string, number> = {};
      for (const r of results) counts[r.state] = (counts[r.state] ?? 0) + 1;
      const head = `${registered ? `${registered.links} links of ${registered.pieces} public pieces registered; ` : ''}${results.length} checked${Object.entries(counts).map(([k, n]) => `, ${n} ${k}`).join('')}`;
      output(Boolean(o.json), { registered, checked: results.length, counts, results }, [head, ...results.filter((r) => r.state !== 'ok').map(resultLine)].join('\n'));
    });
  } finally {
    await fetcher.close();
  }
}

async function runStatus(ctx: CliContext, o: { json?: boolean; broken?: boolean }): Promise<void> {
  await withStore(ctx, async (store) => {
    const links = (await listLinks(store.db, o.broken ? { states: BROKEN, limit: 5000 } : { limit: 5000 })).map(linkStatus);
    const lines = links.map((l) => `${l.state.padEnd(11)} ${l.url}${l.finalUrl ? ` -> ${l.finalUrl}` : ''}${l.firstFailedAt ? ` (failing since ${l.firstFailedAt}, ${l.consecutiveFailures}x: ${l.error ?? ''})` : ''}`
      + (l.uses.length ? `\n            used by ${l.uses.map((u) => `${u.subjectType} #${u.subjectId} ${u.field}`).join(', ')}` : ''));
    output(Boolean(o.json), { links }, [`${links.length} ${o.broken ? 'broken ' : ''}links`, ...lines].join('\n'));
  });
}

/** `newsdesk links check|status`. */
export function registerLinks(program: Command, ctx: CliContext): void {
  const links = program.command('links').description('the outbound link checker: check links now and show their health');
  links.command('check').description('check the due links now (what the worker\u2019s sweep does), every link (--all) or one URL (--url)')
    .option('--all', 'register the links of every public piece and check all of them now')
    .option('--url <url>', 'check one URL and record the result')
    .option('--limit <n>', 'links per batch (default 50)')
    .option('--json', 'print JSON')
    .action((o: { all?: boolean; url?: string; json?: boolean; limit?: string }) => runCheck(ctx, o));
  links.command('status').description('every checked link with its state and where it is used')
    .option('--broken', 'only links confirmed broken, gone, refused or unreachable')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean; broken?: boolean }) => runStatus(ctx, o));
}
