/*
 * `npm run bench:load`: issue #8 §5. Runs the load scenario (src/testing/hardening/load-scenario.ts: 200 readers on
 * home, piece pages, search and feeds for 60 s while the worker ingests feeds and an editor publishes every 1–2 s)
 * and writes the figures into BENCHMARKS.md under "## Load (200 readers)", leaving other sections alone.
 * A baseline run (the same readers, no editor, no feeds) comes first unless LOAD_BASELINE=0.
 * Settings: LOAD_SECONDS, LOAD_CONNECTIONS, LOAD_PIECES, LOAD_FEEDS, LOAD_WARMUP_SECONDS; LOAD_NO_WRITE=1 prints only.
 */
import os from 'node:os';
import { FEED_HOSTS } from '../src/testing/hardening/load-fixtures.ts';
import { searchPaths } from '../src/testing/hardening/load-readers.ts';
import { loadOptions, runLoadScenario, type LoadResult } from '../src/testing/hardening/load-scenario.ts';
import { quantile, writeSection } from './lib/report.ts';

const HEADING = '## Load (200 readers)';
const P99_TARGET_MS = 100;


const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(', ');

function rows(r: LoadResult): string[] {
  const run = r.readersOnly ? 'readers only (baseline)' : 'with editor and feeds';
  return r.targets.map((t) => {
    const fivexx = Object.entries(t.statuses).filter(([c]) => c.startsWith('5')).reduce((n, [, k]) => n + k, 0);
    return `| ${run} | ${t.name}${t.cached ? '' : ' (search cache; p99 target not applied)'} | ${t.connections} | ${t.requests} | ${t.rps} | ${t.p50} | ${t.p90} | ${t.p99} | ${t.max} | ${t.errors} | ${t.timeouts} | ${t.non2xx} (${fivexx}) |`;
  });
}

function conditions(r: LoadResult): string {
  return `${r.readersOnly ? 'Baseline' : 'Main run'} (started ${r.startedAt.slice(11, 19)} UTC): load average (1, 5, 15 min) ${load(r.loadStart)} at the start, ${load(r.loadEnd)} at the end, `
    + `highest 1-min value ${r.loadPeak.toFixed(1)}; server CPU ${r.serverCpuPercent}% of one core, peak RSS ${r.rssPeakMb} MB; `
    + `event-loop delay of the server: max ${r.serverDelay.max} ms, ${r.serverDelay.secondsOver100} of ${r.serverDelay.seconds} s with a stall over 100 ms; `
    + `of the benchmark process (autocannon): p99 ${r.clientDelay.p99} ms, max ${r.clientDelay.max} ms.`;
}

/** The section's text: setup, conditions, table, verdict. */
export function report(r: LoadResult, baseline?: LoadResult): string {
  const o = r.options;
  const table = ['| run | target | connections | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | timeouts | non-2xx (5xx) |', '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...(baseline ? rows(baseline) : []), ...rows(r)].join('\n');
  const worstP99 = Math.max(...r.targets.filter((t) => t.cached).map((t) => t.p99));
  const failures = r.targets.reduce((n, t) => n + t.errors + t.timeouts + t.non2xx, 0);
  const verdict = [
    `${failures === 0 ? 'zero' : failures} errors, timeouts and non-2xx answers over ${r.targets.reduce((n, t) => n + t.requests, 0)} requests (target 0)`,
    `worst p99 on page-cached targets ${worstP99} ms (target < ${P99_TARGET_MS} ms: ${worstP99 < P99_TARGET_MS ? 'met' : 'missed'})`,
  ].join('; ');
  const pub = r.publishMs.length ? `; capture → publish round trip p50 ${quantile(r.publishMs, 0.5)} ms, max ${Math.max(...r.publishMs)} ms` : '';
  return `Command: \`npm run bench:load\` (run ${r.startedAt.slice(0, 10)}, Node ${r.node}, ${os.cpus().length} CPUs, ${process.platform}/${process.arch}).

Setup (\`src/testing/hardening/load-scenario.ts\`, the same scenario \`src/testing/hardening/load.hardening.ts\` asserts on):
${o.pieces.toLocaleString('en-US')} published pieces in SQLite; one \`newsdesk serve\` process with its in-process worker; ${o.connections} reader
connections (autocannon in the benchmark process, 10 s request timeout, each connection sends its next request as soon as the last is
answered) for ${o.seconds} s after a ${o.warmupSeconds} s warm-up, split over four targets measured separately (piece pages and feeds
picked at random per request, popular ones more often; search from a fixed set of ${searchPaths().length} realistic queries). During the main run, on a
loopback fixture server: ${o.feeds} feeds on ${FEED_HOSTS} loopback addresses falling due one after another (each answer has 10 new items), polled and
ingested by the worker; and one editor signed in over HTTP who captures a new article through the capture form and publishes it every
1–2 s (each publish evicts the home page, the feeds and lists the piece is in, and marks the search cache stale). The baseline is the
same readers on a fresh server without the editor and the feeds.

${baseline ? `${conditions(baseline)}\n` : ''}${conditions(r)}
The machine may be shared: a load average above the CPU count, or a high event-loop delay of the benchmark process, means the
latencies include waiting for a core (in the server or in autocannon itself), not only newsdesk's work.

${table}

During the main run: ${r.published} pieces published (${r.publishFailures.length} failed${r.publishFailures.length ? `: ${r.publishFailures.slice(0, 3).join(' | ')}` : ''})${pub};
${r.feedPolls} feed answers served, ${r.ingested} feed items ingested into the inbox; server exit code on SIGTERM ${r.serverExit}.

Result: ${verdict}.

Notes: on a machine whose load average is above its CPU count the server gets only part of a core (see its CPU share and its
event-loop stalls above) and the latencies mostly measure that; compare the two runs, taken minutes apart. What a publish
costs the readers: it evicts the home page, the site and tag feeds and the lists the piece is in; readers who arrive while
such a page is rebuilt get the evicted copy instead of queueing behind the build (\`src/web/site/respond.ts\`). Search results
are rebuilt at most every 10 s and then in the background, one query at a time with the event loop turning in between
(\`SiteRuntime.searchLagMs\`, \`inBackground\`): re-running every cached query (10–20 ms each on this corpus, where every word
matches nearly every piece) after each publish was the largest writer-induced stall. The home page's most-recommended
outlets (a count over every published piece, half the cost of rebuilding the home page) are recounted at most once a minute
(\`SiteRuntime.topOutlets\`).`;
}

async function main(): Promise<void> {
  const opts = loadOptions(process.env, (l) => console.error(l));
  const print = (r: LoadResult) => {
    for (const t of r.targets) console.error(`${t.name}: ${t.rps} req/s, p50 ${t.p50} ms, p99 ${t.p99} ms, max ${t.max} ms, errors ${t.errors}, timeouts ${t.timeouts}, non-2xx ${t.non2xx} ${JSON.stringify(t.statuses)}`);
    console.error(conditions(r));
  };
  const baseline = process.env.LOAD_BASELINE === '0' ? undefined : await runLoadScenario(opts, true);
  if (baseline) print(baseline);
  const r = await runLoadScenario(opts);
  print(r);
  console.error(`published ${r.published} (failures ${r.publishFailures.length}), ingested ${r.ingested}`);
  const text = report(r, baseline);
  if (process.env.LOAD_NO_WRITE) console.log(text);
  else {
    writeSection('BENCHMARKS.md', HEADING, text);
    console.error(`BENCHMARKS.md section "${HEADING.slice(3)}" written`);
  }
}

await main();
