/** The benchmark sets: where their pages and ground truth live (under ../shared/bench, never copied). */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** One benchmark set on disk. */
export interface BenchSet {
  name: string;
  htmlDir: string;
  groundTruth: string;
  evaluator: string;
}

/** The shared bench folder, relative to the project root (the current directory of npm scripts). */
export const SHARED_BENCH = resolve('../shared/bench');

/** The sets this benchmark knows; absent ones are left out. */
export function benchSets(): BenchSet[] {
  const evaluator = join(SHARED_BENCH, 'article-body/evaluate.mjs');
  const sets: BenchSet[] = [
    { name: 'article-body', htmlDir: join(SHARED_BENCH, 'article-body/data/html'), groundTruth: join(SHARED_BENCH, 'article-body/data/ground-truth.json'), evaluator },
    { name: 'wcxb-dev', htmlDir: join(SHARED_BENCH, 'wcxb-dev/html'), groundTruth: join(SHARED_BENCH, 'wcxb-dev/ground-truth.json'), evaluator },
  ];
  return sets.filter((s) => existsSync(s.htmlDir) && existsSync(s.groundTruth));
}

/** Ids and URLs of a set's pages, from its ground truth, with the page file of each. */
export function pagesOf(set: BenchSet): { id: string; url: string; file: string }[] {
  const gt = JSON.parse(readFileSync(set.groundTruth, 'utf8')) as Record<string, { url?: string }>;
  const files = new Map(readdirSync(set.htmlDir).map((f) => [f.replace(/\.html?(\.gz)?$/, ''), f]));
  return Object.keys(gt).sort().flatMap((id) => {
    const file = files.get(id);
    return file ? [{ id, url: gt[id]?.url ?? `https://example.invalid/${id}`, file: join(set.htmlDir, file) }] : [];
  });
}
