/**
 * `npm run bench:extract`: newsdesk's extractor and @mozilla/readability (over linkedom) on the
 * shared article-body and wcxb-dev sets, in the same run, each extractor in its own child process
 * (so peak RSS is its own). Writes predictions under bench/out/, runs the shared evaluator, prints
 * the table and writes it into BENCHMARKS.md under "## Extraction (article-body)".
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchSets, pagesOf } from './lib/bench-set.ts';
import { markdownTable, quantile, writeSection, type Row } from './lib/report.ts';

const OUT = 'bench/out';
const EXTRACTORS = ['newsdesk', 'newsdesk-body', 'readability'] as const;
const LABELS: Record<string, string> = {
  newsdesk: 'newsdesk `extract` (metadata + body)',
  'newsdesk-body': 'newsdesk `extractBody` (body only)',
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
  const t = JSON.parse(readFileSync(timings, 'utf8')) as { ms: number[]; peakRssMb: number };
  return {
    set: setName, extractor,
    f1: m.f1, precision: m.precision, recall: m.recall, accuracy: m.accuracy,
    medianMs: quantile(t.ms, 0.5), p90Ms: quantile(t.ms, 0.9), peakRssMb: t.peakRssMb, pages,
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
    const [nd, body, rd] = [row('newsdesk'), row('newsdesk-body'), row('readability')];
    const delta = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
    return `- ${set.name}: F1 ${delta(nd.f1 - rd.f1)} over Readability; median time ${(nd.medianMs / rd.medianMs).toFixed(2)}× Readability's `
      + `(body only: ${(body.medianMs / rd.medianMs).toFixed(2)}×).`;
  });
  const date = new Date().toISOString().slice(0, 10);
  const body = [
    `Command: \`npm run bench:extract\` (run ${date}, Node ${process.version}, ${process.platform}/${process.arch}).`,
    'Each extractor runs in its own child process over the same pages, one after the other; time is per page',
    '(parse + extraction, file reading excluded); peak RSS is the child process\'s maximum resident set.',
    'Metric: `../shared/bench/article-body/evaluate.mjs` (token-shingle F1 of mean precision and mean recall).',
    'Readability\'s text is its `textContent`, as in the published figures. Data: `../shared/bench/` (dev sets; no',
    'site- or id-specific rules).',
    '',
    table,
    '',
    ...ratios,
  ].join('\n');
  console.log(`\n${table}\n\n${ratios.join('\n')}`);
  writeSection('BENCHMARKS.md', body);
  console.error('wrote BENCHMARKS.md section "Extraction (article-body)"');
}

main();
