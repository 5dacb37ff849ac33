import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { feedStatus, relativeTime } from '../feeds/feed-health.ts';
import { buildOpml, parseOpml } from '../feeds/opml.ts';
import { clampInterval } from '../feeds/poll-policy.ts';
import { addFeed } from '../ingest/add-feed.ts';
import { createFeedFetch, type FeedFetcher } from '../ingest/feed-fetch.ts';
import { refreshAll } from '../ingest/refresh-all.ts';
import { refreshFeed, type RefreshOutcome } from '../ingest/refresh-feed.ts';
import { slugify } from '../newsroom/rules/slug.ts';
import { findOutlet, insertOutlet } from '../store/directory.ts';
import { feedCounts, findFeed, insertFeed, listFeeds, pauseFeed, resumeFeed, updateFeedSettings } from '../store/feeds.ts';
import type { FeedHealth } from '../model/feed.ts';
import type { Store } from '../store/open.ts';
import { CliError } from './cli-error.ts';
import { registerFeedSet } from './feed-settings.ts';
import { output, withStore, type CliContext } from './context.ts';
import { progress } from './progress.ts';

/** The polling fetch of CLI commands (robots.txt honoured, as the worker does). */
export function cliFeedFetcher(ctx: CliContext): FeedFetcher {
  return createFeedFetch({ allow: ctx.config.fetchAllow, userAgent: `newsdesk/0.1 (+${ctx.config.siteUrl})` });
}

/** The outlet named by id, slug or name; created from the name when unknown. */
export async function resolveOutlet(store: Store, key: string | undefined, now: Date, homeUrl: string | null = null): Promise<number | null> {
  if (!key) return null;
  const known = await findOutlet(store.db, key) ?? await findOutlet(store.db, slugify(key));
  if (known) return Number(known.id);
  const t = now.toISOString();
  return insertOutlet(store.db, { name: key, slug: slugify(key), home_url: homeUrl, created_at: t, updated_at: t });
}

async function feedOrFail(store: Store, key: string) {
  const f = await findFeed(store.db, key);
  if (!f) throw new CliError(`no feed ${key} (give its id or exact URL; see newsdesk feeds list)`, 2);
  return f;
}

function outcomeLine(r: RefreshOutcome): string {
  if (r.ok) return `#${r.feedId} ${r.status === 304 ? 'not modified' : `${r.newItems} new, ${r.duplicates} known`}${r.movedTo ? ` (moved to ${r.movedTo})` : ''}`;
  return `#${r.feedId} ${r.paused ? 'PAUSED' : 'failed'}: ${r.message}`;
}

interface AddOpts { force?: boolean; outlet?: string; interval?: string; language?: string; userAgent?: string; rules?: string; json?: boolean }

async function runAdd(ctx: CliContext, url: string, o: AddOpts): Promise<void> {
  const fetcher = cliFeedFetcher(ctx);
  try {
    await withStore(ctx, async (store) => {
      const now = new Date();
      const interval = o.interval ? Number(o.interval) * 60 : undefined;
      if (interval !== undefined && !(interval > 0)) throw new CliError('--interval is in minutes, e.g. --interval 15', 2);
      const outletId = await resolveOutlet(store, o.outlet, now);
      if (o.force) {
        // The editor vouches for the URL (a feed that is down today): stored unchecked, polled like any other.
        const f = await insertFeed(store.db, { url, outletId, intervalSeconds: clampInterval(interval ?? 900), language: o.language ?? null, userAgent: o.userAgent ?? null, now: now.toISOString() });
        output(Boolean(o.json), { ok: true, discovered: false, feeds: [{ id: f.id, url, created: f.created }] }, `${f.created ? 'added' : 'already added'} #${f.id} ${url} (not checked)`);
        return;
      }
      const r = await addFeed(store, fetcher.fetch, url, {
        now, outletId, intervalSeconds: interval, language: o.language ?? null, userAgent: o.userAgent ?? null,
        keywordRules: o.rules ? JSON.stringify(o.rules.split(/\s*,\s*/).filter(Boolean)) : null,
      });
      if (!r.ok) throw new CliError(`cannot add ${url}: ${r.message}`, 1);
      // Added by its home page without --outlet: the page names the outlet.
      if (!outletId && r.discovered && r.siteName) {
        const id = await resolveOutlet(store, r.siteName, now, r.homeUrl);
        for (const f of r.feeds) if (f.created) await updateFeedSettings(store.db, f.id, { outlet_id: id }, now.toISOString());
      }
      const human = r.feeds.map((f) => `${f.created ? 'added' : 'already added'} #${f.id} ${f.url} (${f.format}, ${f.items} items${f.title ? `, "${f.title}"` : ''})`).join('\n');
      output(Boolean(o.json), r, `${r.discovered ? `found ${r.feeds.length} feed(s) on ${url}\n` : ''}${human}`);
    });
  } finally {
    await fetcher.close();
  }
}

async function runStatus(ctx: CliContext, o: { json?: boolean; problems?: boolean }): Promise<void> {
  await withStore(ctx, async (store) => {
    const now = new Date();
    const all = (await listFeeds(store.db)).map((f) => feedStatus(f, now));
    const feeds = all.filter((f) => !o.problems || f.problem);
    const counts = { total: all.length, due: (await feedCounts(store.db, now.toISOString())).due, ...healthCounts(all) };
    const lines = feeds.map((f) => `${String(f.id).padStart(5)} ${f.health.padEnd(8)} ${relativeTime(f.lastSuccessAt, now).padEnd(12)} ${relativeTime(f.nextCheckAt, now).padEnd(12)} ${f.url}${f.problem ? `\n        ${f.problem}` : ''}`);
    const byHealth = HEALTHS.map((h) => `${counts[h]} ${h}`).join(', ');
    const head = `${counts.total} feeds: ${byHealth}; ${counts.due} due now\n   id health   last success next check   url`;
    output(Boolean(o.json), { counts, feeds }, [head, ...lines].join('\n'));
  });
}

const HEALTHS = ['ok', 'new', 'quiet', 'failing', 'overdue', 'paused', 'disabled'] as const satisfies readonly FeedHealth[];

function healthCounts(feeds: readonly { health: FeedHealth }[]): Record<FeedHealth, number> {
  const counts = Object.fromEntries(HEALTHS.map((h) => [h, 0])) as Record<FeedHealth, number>;
  for (const f of feeds) counts[f.health]++;
  return counts;
}

async function runRefresh(ctx: CliContext, key: string | undefined, o: { all?: boolean; json?: boolean; concurrency?: string }): Promise<void> {
  if (!key && !o.all) throw new CliError('give a feed id or URL, or --all', 2);
  const fetcher = cliFeedFetcher(ctx);
  try {
    await withStore(ctx, async (store) => {
      const deps = { store, fetch: fetcher.fetch, now: () => new Date() };
      if (key) {
        const f = await feedOrFail(store, key);
        const r = await refreshFeed(deps, f.id, { force: true });
        output(Boolean(o.json), r, outcomeLine(r));
        return;
      }
      const bar = progress('refresh');
      const all = await refreshAll(deps, { concurrency: Number(o.concurrency ?? 8), onProgress: (d, t) => bar.update(d, t) });
      const newItems = all.reduce((n, r) => n + (r.ok ? r.newItems : 0), 0);
      const failed = all.filter((r) => !r.ok);
      bar.done();
      output(Boolean(o.json), { feeds: all.length, newItems, failed: failed.length, outcomes: all }, [`${all.length} feeds polled, ${newItems} new items, ${failed.length} failed`, ...failed.map(outcomeLine)].join('\n'));
    });
  } finally {
    await fetcher.close();
  }
}

async function runOpmlImport(ctx: CliContext, file: string, o: { json?: boolean }): Promise<void> {
  const xml = await fs.readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => { throw new CliError(`cannot read ${file}: ${err.code ?? err.message}`, 2); });
  const parsed = parseOpml(xml);
  if (!parsed.ok) throw new CliError(`${file}: ${parsed.message}`, 1);
  await withStore(ctx, async (store) => {
    const now = new Date();
    let created = 0;
    for (const f of parsed.feeds) {
      const outletId = await resolveOutlet(store, f.category ?? undefined, now);
      if ((await insertFeed(store.db, { url: f.xmlUrl, title: f.title, outletId, now: now.toISOString() })).created) created++;
    }
    output(Boolean(o.json), { feeds: parsed.feeds.length, created }, `${parsed.feeds.length} feeds in ${file}: ${created} added, ${parsed.feeds.length - created} already known`);
  });
}

async function runOpmlExport(ctx: CliContext, o: { out?: string }): Promise<void> {
  await withStore(ctx, async (store) => {
    const feeds = (await listFeeds(store.db)).map((f) => ({ xmlUrl: f.url, title: f.title, htmlUrl: null, category: f.outlet_name }));
    const xml = buildOpml(feeds, { title: 'newsdesk feeds', now: new Date() });
    if (o.out) await fs.writeFile(o.out, xml);
    else process.stdout.write(`${xml}\n`);
  });
}

/** `newsdesk feeds …` and `newsdesk opml …`. */
export function registerFeeds(program: Command, ctx: CliContext): void {
  const feeds = program.command('feeds').description('the feeds newsdesk polls: add, list, health, refresh, pause, resume');
  feeds.command('add').description('add a feed by its URL, or an outlet\u2019s home page to discover its feeds').argument('<url>')
    .option('--outlet <name>', 'the outlet (id, slug or a new name)').option('--interval <minutes>', 'poll interval (default 15, min 2)')
    .option('--language <code>', 'language of the items').option('--user-agent <ua>', 'a User-Agent this outlet requires')
    .option('--rules <keywords>', 'comma-separated watch rules for this feed, e.g. "Kazakhstan|Казахстан"').option('--json', 'print JSON')
    .option('--force', 'add the URL as a feed without fetching it (a feed that is down today)')
    .action((url: string, o: AddOpts) => runAdd(ctx, url, o));
  feeds.command('list').description('every feed with its state').option('--json', 'print JSON').action((o: { json?: boolean }) => runStatus(ctx, o));
  feeds.command('status').description('feed health (ok, new, quiet, failing, overdue, paused, disabled): last success, next check, why').option('--json', 'print JSON')
    .option('--problems', 'only feeds that need a look: overdue, quiet, failing, paused, or over the per-poll cap').action((o: { json?: boolean; problems?: boolean }) => runStatus(ctx, o));
  feeds.command('refresh').description('poll one feed now, or every enabled feed with --all (politely), and exit when done').argument('[feed]', 'feed id or URL')
    .option('--all', 'every enabled feed').option('--concurrency <n>', 'hosts polled at once (default 8)').option('--json', 'print JSON')
    .action((key: string | undefined, o: { all?: boolean; json?: boolean; concurrency?: string }) => runRefresh(ctx, key, o));
  feeds.command('pause').description('stop polling a feed').argument('<feed>').option('--reason <text>', 'why (shown in the status)', 'paused by an editor')
    .action((key: string, o: { reason: string }) => withStore(ctx, async (store) => { const f = await feedOrFail(store, key); await pauseFeed(store.db, f.id, o.reason, new Date().toISOString()); output(false, null, `paused #${f.id} ${f.url}`); }));
  feeds.command('resume').description('poll a paused or disabled feed again, at once').argument('<feed>')
    .action((key: string) => withStore(ctx, async (store) => { const f = await feedOrFail(store, key); await resumeFeed(store.db, f.id, new Date().toISOString()); output(false, null, `resumed #${f.id} ${f.url}`); }));
  registerFeedSet(feeds, ctx);
  const opml = program.command('opml').description('import or export the feed list as OPML');
  opml.command('import').argument('<file>').option('--json', 'print JSON').description('add every feed of an OPML file (folders become outlets)')
    .action((file: string, o: { json?: boolean }) => runOpmlImport(ctx, file, o));
  opml.command('export').option('--out <file>', 'write to a file instead of standard output').description('write every feed as OPML 2.0')
    .action((o: { out?: string }) => runOpmlExport(ctx, o));
}
