/*
 * `newsdesk feeds set`: one feed's settings, each checked with a one-line error that names the option,
 * so a typo never stores a setting the poller would silently ignore or clamp.
 */
import type { Command } from 'commander';
import { DEFAULT_LIMITS } from '../feeds/poll-policy.ts';
import { compileRules } from '../feeds/watch-rules.ts';
import { findFeed, updateFeedSettings, type FeedRow } from '../store/feeds.ts';
import { CliError } from './cli-error.ts';
import { output, withStore, type CliContext } from './context.ts';

/** The options of `feeds set` as commander gives them. */
export interface SetOpts { interval?: string; rules?: string; userAgent?: string; language?: string; enable?: boolean; disable?: boolean; json?: boolean }

type Changes = Parameters<typeof updateFeedSettings>[2] & { next_check_at?: string };

const bad = (message: string) => new CliError(message, 2);

/** Minutes within the poller's floor and ceiling (2 min to a day). */
function intervalSeconds(text: string): number {
  const min = DEFAULT_LIMITS.minIntervalSeconds / 60;
  const max = DEFAULT_LIMITS.maxIntervalSeconds / 60;
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !Number.isFinite(n)) throw bad(`--interval is in minutes, e.g. --interval 15 (got "${text}")`);
  if (n < min || n > max) throw bad(`--interval must be between ${min} and ${max} minutes (got ${text})`);
  return Math.round(n * 60);
}

/** Comma-separated patterns (`Kazakhstan|Казахстан, "ЄС"`); an empty string clears them. */
function rulesJson(text: string): string | null {
  const patterns = text.split(/\s*,\s*/).map((p) => p.trim()).filter(Boolean);
  if (patterns.length === 0) return null;
  const empty = patterns.find((p) => compileRules([{ pattern: p, action: 'flag' }]).length === 0);
  if (empty) throw bad(`--rules: "${empty}" has no keyword in it`);
  return JSON.stringify(patterns);
}

function language(text: string): string | null {
  if (text === '') return null;
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(text)) throw bad(`--language must be a language code such as uk, en or pt-BR (got "${text}")`);
  return text;
}

function userAgent(text: string): string | null {
  if (text === '') return null;
  // A header value: control characters would be refused by the HTTP client at every poll.
  const control = [...text].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127);
  if (control || text.length > 300) throw bad('--user-agent must be one line of at most 300 characters');
  return text;
}

/** The changes the options ask for; throws a one-line CliError for a bad or missing one. */
export function feedChanges(o: SetOpts, feed: Pick<FeedRow, 'next_check_at'>, now: Date): Changes {
  if (o.enable && o.disable) throw bad('give --enable or --disable, not both');
  const set: Changes = {};
  if (o.interval !== undefined) {
    set.interval_seconds = intervalSeconds(o.interval);
    // A shorter interval takes effect now, not after the check that the old, longer one scheduled.
    const soon = new Date(now.getTime() + set.interval_seconds * 1000).toISOString();
    if (feed.next_check_at > soon) set.next_check_at = soon;
  }
  if (o.rules !== undefined) set.keyword_rules = rulesJson(o.rules);
  if (o.language !== undefined) set.language = language(o.language);
  if (o.userAgent !== undefined) set.user_agent = userAgent(o.userAgent);
  if (o.enable) set.enabled = 1;
  if (o.disable) set.enabled = 0;
  if (Object.keys(set).length === 0) throw bad('nothing to change: give --interval, --rules, --user-agent, --language, --enable or --disable');
  return set;
}

async function runSet(ctx: CliContext, key: string, o: SetOpts): Promise<void> {
  await withStore(ctx, async (store) => {
    const feed = await findFeed(store.db, key);
    if (!feed) throw new CliError(`no feed ${key} (give its id or exact URL; see newsdesk feeds list)`, 2);
    const now = new Date();
    const set = feedChanges(o, feed, now);
    await updateFeedSettings(store.db, feed.id, set, now.toISOString());
    const after = (await findFeed(store.db, String(feed.id)))!;
    const shown = { id: after.id, url: after.url, enabled: Boolean(after.enabled), intervalMinutes: after.interval_seconds / 60, rules: after.keyword_rules ? JSON.parse(after.keyword_rules) as string[] : [], language: after.language, userAgent: after.user_agent, nextCheckAt: after.next_check_at };
    output(Boolean(o.json), shown, `updated #${after.id} ${after.url}: ${after.enabled ? 'enabled' : 'disabled'}, every ${shown.intervalMinutes} min${shown.rules.length ? `, rules ${shown.rules.join(', ')}` : ''}${after.language ? `, language ${after.language}` : ''}${after.user_agent ? `, User-Agent "${after.user_agent}"` : ''}`);
  });
}

/** Registers `feeds set <id|url>` on the `feeds` command. */
export function registerFeedSet(feeds: Command, ctx: CliContext): void {
  feeds.command('set').description('change a feed\u2019s settings').argument('<feed>', 'feed id or URL')
    .option('--interval <minutes>', 'poll interval in minutes (2 to 1440)').option('--rules <keywords>', 'comma-separated watch rules for this feed ("" clears them)')
    .option('--user-agent <ua>', 'a User-Agent this outlet requires ("" for the default)').option('--language <code>', 'language of the items ("" to unset)')
    .option('--enable', 'poll it').option('--disable', 'stop polling it (kept, with its items)').option('--json', 'print JSON')
    .action((key: string, o: SetOpts) => runSet(ctx, key, o));
}
