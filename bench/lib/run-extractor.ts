/**
 * Child process of the extraction benchmark: runs ONE extractor over one set, so its peak RSS is its own.
 * Usage: node --import tsx bench/lib/run-extractor.ts <newsdesk|newsdesk-body|newsdesk-linkedom|readability> <set-name> <predictions.json> <timings.json>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { blocksToText, extract, extractBody } from '../../src/extract/extract.ts';
import { benchSets, pagesOf } from './bench-set.ts';

type Runner = (html: string, url: string) => string;

/** newsdesk: the same text the batch command writes. */
const newsdesk: Runner = (html, url) => {
  const result = extract(html, url);
  return result.ok ? blocksToText(result.extraction.body) : '';
};

/** newsdesk on linkedom's full DOM, the peer's parser: shows what the light DOM saves. */
const newsdeskLinkedom: Runner = (html, url) => {
  const result = extract(html, url, { dom: 'linkedom' });
  return result.ok ? blocksToText(result.extraction.body) : '';
};

/** newsdesk without metadata (parse + body stages): shows what the metadata half costs. */
const newsdeskBody: Runner = (html, url) => {
  const result = extractBody(html, url);
  return result.ok ? blocksToText(result.value.body) : '';
};

/** Readability 0.6 over linkedom, text as `textContent` (the published configuration). */
const readability: Runner = (html, url) => {
  const { document } = parseHTML(html) as unknown as { document: Document };
  void url;
  const article = new Readability(document).parse();
  return article?.textContent ?? '';
};

/** Pages run once, unmeasured, before timing starts. */
const WARM_UP_PAGES = 30;

function readPage(file: string): string {
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Runs an extractor; a crash counts as an empty answer (scored, not fatal). */
function safely(run: Runner, html: string, url: string): string {
  try {
    return run(html, url);
  } catch {
    return '';
  }
}

function main(): void {
  const [name, setName, predPath, timingPath] = process.argv.slice(2);
  const runners: Record<string, Runner> = { newsdesk, 'newsdesk-body': newsdeskBody, 'newsdesk-linkedom': newsdeskLinkedom, readability };
  const run = runners[name ?? ''];
  const set = benchSets().find((s) => s.name === setName);
  if (!run || !set || !predPath || !timingPath) throw new Error('usage: run-extractor.ts <newsdesk|newsdesk-body|newsdesk-linkedom|readability> <set> <pred.json> <timings.json>');
  const predictions: Record<string, { articleBody: string }> = {};
  const ms: number[] = [];
  // CPU time as well as wall time: on a shared machine wall time also counts waiting for a core.
  const cpuMs: number[] = [];
  const pages = pagesOf(set);
  // Warm-up, the same for every extractor: the first pages of a cold process mostly measure the JIT.
  for (const page of pages.slice(0, WARM_UP_PAGES)) safely(run, readPage(page.file), page.url);
  for (const page of pages) {
    const html = readPage(page.file);
    const cpu = process.cpuUsage();
    const start = performance.now();
    const body = safely(run, html, page.url);
    ms.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
    predictions[page.id] = { articleBody: body };
  }
  writeFileSync(predPath, JSON.stringify(predictions));
  // maxRSS is in kilobytes on Linux.
  writeFileSync(timingPath, JSON.stringify({ ms, cpuMs, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

main();
