/**
 * `npm run bench:extract`: newsdesk's extractor and @mozilla/readability (over linkedom) on the
 * shared article-body and wcxb-dev sets, in the same run, each extractor in its own child process
 * (so peak RSS is its own). Writes predictions under bench/out/, runs the shared evaluator, prints
 * the table and writes it into BENCHMARKS.md under "## Extraction (article-body)".
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { benchSets, pagesOf } from './lib/bench-set.ts';
import { markdownTable, quantile, writeSection, type Row } from './lib/report.ts';

const OUT = 'bench/out';
const EXTRACTORS = ['newsdesk', 'newsdesk-body', 'newsdesk-linkedom', 'readability'] as const;
const LABELS: Record<string, string> = {
  newsdesk: 'newsdesk `extract` (metadata + body)',
  'newsdesk-body': 'newsdesk `extractBody` (body only)',
  'newsdesk-linkedom': 'newsdesk `extract` on linkedom\'s DOM',
  readability: '@mozilla/readability 0.6 + linkedom',
};

/** Runs one extractor over one set in a child process and scores its predictions. */
function measure(setName: string, groundTruth: string, evaluator: string, extractor: string, pages: number): Row {
  const pred = join(OUT, `${setName}.${extractor}.json`);
  const timings = join(OUT, `${setName}.${extractor}.timings.json`);
  const metrics = join(OUT, `${setName}.${extractor}.metrics.json`);
  execFileSync(process.execPath, ['--import', 'tsx', 'bench/lib/run-extractor.ts', extractor, setName, pred, timings], { stdio: 'inherit' });
  execFileSync(process.execPath, [evaluator, pred, groundTruth, '--json', metrics, '--per-doc', join(OUT, `${setName}.${extractor}.per-doc.json`)], { stdio: 'ignore' });
  const m = JSON.parse(readFileSync(metrics, 'utf8')) as { f1: number; precision: number; recall: number; accuracy: number };
  const t = JSON.parse(readFileSync(timings, 'utf8')) as { ms: number[]; cpuMs: number[]; peakRssMb: number };
  return {
    set: setName, extractor,
    f1: m.f1, precision: m.precision, recall: m.recall, accuracy: m.accuracy,
    medianMs: quantile(t.ms, 0.5), p90Ms: quantile(t.ms, 0.9), medianCpuMs: quantile(t.cpuMs, 0.5), p90CpuMs: quantile(t.cpuMs, 0.9),
    peakRssMb: t.peakRssMb, pages,
  };
}

function main(): void {
  const sets = benchSets();
  if (sets.length === 0) {
    console.error('no benchmark data: ../shared/bench/article-body and ../shared/bench/wcxb-dev are absent');
    process.exit(1);
  }
  mkdirSync(OUT, { recursive: true });
  const rows: Row[] = [];
  for (const set of sets) {
    const pages = pagesOf(set).length;
    for (const extractor of EXTRACTORS) {
      console.error(`${set.name}: ${extractor} on ${pages} pages…`);
      rows.push(measure(set.name, set.groundTruth, set.evaluator, extractor, pages));
    }
  }
  const table = markdownTable(rows.map((r) => ({ ...r, extractor: LABELS[r.extractor] ?? r.extractor })));
  const ratios = sets.map((set) => {
    const row = (e: string): Row => rows.find((r) => r.set === set.name && r.extractor === e)!;
    const [nd, body, onLinkedom, rd] = [row('newsdesk'), row('newsdesk-body'), row('newsdesk-linkedom'), row('readability')];
    const delta = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
    const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;
    return `- ${set.name}: F1 ${delta(nd.f1 - rd.f1)} over Readability; median time ${ratio(nd.medianMs, rd.medianMs)} Readability's wall, `
      + `${ratio(nd.medianCpuMs, rd.medianCpuMs)} CPU (body only: ${ratio(body.medianMs, rd.medianMs)} wall, ${ratio(body.medianCpuMs, rd.medianCpuMs)} CPU; `
      + `on linkedom's DOM: ${ratio(onLinkedom.medianMs, rd.medianMs)} wall, ${ratio(onLinkedom.medianCpuMs, rd.medianCpuMs)} CPU).`;
  });
  const date = new Date().toISOString().slice(0, 10);
  const body = [
    `Command: \`npm run bench:extract\` (run ${date}, Node ${process.version}, ${process.platform}/${process.arch}, `
      + `${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end of the run).`,
    'Each extractor runs in its own child process over the same pages, one after the other, after the same 30-page',
    'warm-up; time is per page (parse + extraction; reading and gunzip excluded), as wall time and as the process\'s CPU',
    'time (on a shared machine wall time also counts waiting for a core, so CPU time is the fairer comparison); peak RSS',
    'is the child process\'s maximum resident set. Metric: `../shared/bench/article-body/evaluate.mjs` (token-shingle',
    'F1 of mean precision and mean recall). Readability\'s text is its `textContent`, as in the published figures.',
    'newsdesk\'s text is `blocksToText` (one block per line), exactly what `newsdesk extract --batch` writes.',
    '`extractBody` is the body half alone (same parse, no metadata): the difference to `extract` is what metadata costs.',
    'newsdesk parses into its own light read-only DOM (htmlparser2 events into plain objects, selectors by css-select;',
    '`src/extract/dom/`); Readability needs a full mutable DOM and runs on linkedom. The row "on linkedom\'s DOM" is',
    'newsdesk\'s same extraction on linkedom, the peer\'s parser: the difference to `extract` is what the light DOM saves.',
    'Data: `../shared/bench/` dev sets; the rules are general (no site- or id-specific rules).',
    '',
    table,
    '',
    ...ratios,
  ].join('\n');
  console.log(`\n${table}\n\n${ratios.join('\n')}`);
  writeSection('BENCHMARKS.md', '## Extraction (article-body)', body);
  console.error('wrote BENCHMARKS.md section "Extraction (article-body)"');
}

main();
