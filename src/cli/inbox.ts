import type { Command } from 'commander';
import { relativeTime } from '../feeds/feed-health.ts';
import { compileRules } from '../feeds/watch-rules.ts';
import { addWatchRule, deleteWatchRule, dismissCandidate, listInbox, listWatchRules, type InboxEntry } from '../store/candidates.ts';
import { CliError } from './cli-error.ts';
import { output, withStore, type CliContext } from './context.ts';

/** A candidate as `inbox list --json` prints it. */
export function presentCandidate(c: InboxEntry) {
  return {
    id: Number(c.id), title: c.title, url: c.url, outlet: c.outlet_name, feedId: c.feed_id, publishedAt: c.published_at, foundAt: c.created_at,
    authors: c.authors ? (JSON.parse(c.authors) as string[]) : [], summary: c.summary, imageUrl: c.image_url, language: c.language, state: c.state,
    watchMatches: c.watch_matches ? (JSON.parse(c.watch_matches) as string[]) : [], captureId: c.capture_id,
    sources: c.sources.map((s) => ({ id: s.id, url: s.url, outlet: s.outlet_name })),
  };
}

async function runList(ctx: CliContext, o: { json?: boolean; flagged?: boolean; limit?: string; state?: string }): Promise<void> {
  await withStore(ctx, async (store) => {
    const now = new Date();
    const rows = await listInbox(store.db, { flaggedOnly: o.flagged, limit: Number(o.limit ?? 50), states: o.state ? o.state.split(',') : undefined });
    const list = rows.map(presentCandidate);
    const human = list.length ? list.map((c) => `${String(c.id).padStart(6)} ${c.watchMatches.length ? '\u2691' : ' '} ${c.title}\n         ${c.outlet ?? ''} ${c.url} \u00b7 ${relativeTime(c.publishedAt ?? c.foundAt, now)}${c.sources.length ? `\n         also: ${c.sources.map((s) => s.outlet ?? s.url).join(', ')}` : ''}`).join('\n') : 'the inbox is empty';
    output(Boolean(o.json), list, human);
  });
}

/** `newsdesk inbox …`: candidates found in feeds, and the watch rules that flag them. */
export function registerInbox(program: Command, ctx: CliContext): void {
  const inbox = program.command('inbox').description('candidates found in feeds, waiting for editors');
  inbox.command('list').description('newest candidates first, syndicated copies folded into one entry').option('--json', 'print JSON')
    .option('--flagged', 'only those matching a watch rule').option('--limit <n>', 'how many (default 50)').option('--state <states>', 'comma-separated states (default new,flagged)')
    .action((o: { json?: boolean; flagged?: boolean; limit?: string; state?: string }) => runList(ctx, o));
  inbox.command('dismiss').argument('<id>').description('remove a candidate from the inbox')
    .action((id: string) => withStore(ctx, async (store) => { await dismissCandidate(store.db, Number(id)); output(false, null, `dismissed #${id}`); }));
  const watch = inbox.command('watch').description('keyword rules that flag (or auto-capture) matching candidates of every feed');
  watch.command('add').argument('<pattern>', 'alternatives separated by |, e.g. "Kazakhstan|Казахстан"; quote a word to match it whole')
    .option('--capture', 'also capture matching candidates automatically').description('add a watch rule')
    .action((pattern: string, o: { capture?: boolean }) => withStore(ctx, async (store) => {
      if (compileRules([{ pattern, action: 'flag' }]).length === 0) throw new CliError('the pattern has no words', 2);
      const id = await addWatchRule(store.db, pattern, o.capture ? 'capture' : 'flag', new Date().toISOString());
      output(false, null, `watch rule #${id}: ${pattern}${o.capture ? ' (auto-capture)' : ''}`);
    }));
  watch.command('list').option('--json', 'print JSON').description('the watch rules')
    .action((o: { json?: boolean }) => withStore(ctx, async (store) => {
      const rules = await listWatchRules(store.db);
      output(Boolean(o.json), rules, rules.map((r) => `${String(r.id).padStart(4)} ${r.action.padEnd(7)} ${r.pattern}`).join('\n') || 'no watch rules');
    }));
  watch.command('remove').argument('<id>').description('delete a watch rule')
    .action((id: string) => withStore(ctx, async (store) => {
      if (!(await deleteWatchRule(store.db, Number(id)))) throw new CliError(`no watch rule #${id}`, 2);
      output(false, null, `removed watch rule #${id}`);
    }));
}
