/**
 * Quality gate: body extraction F1 on the shared article-body benchmark must not fall below a
 * pinned floor. The metric comes from the benchmark's own evaluate.mjs (spawned), not a copy.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { blocksToText, extract } from './extract.ts';

/** Measured 0.973 on 2026-11-25 (npm run bench:extract); raise it as extraction improves. */
const F1_FLOOR = 0.965;

const root = fileURLToPath(new URL('../../', import.meta.url));
const bench = resolve(root, '../shared/bench/article-body');
const present = existsSync(join(bench, 'evaluate.mjs')) && existsSync(join(bench, 'data/html'));

test(`article-body F1 stays at or above ${F1_FLOOR}`, { skip: present ? false : `benchmark data absent (${bench})` }, () => {
  const truth = JSON.parse(readFileSync(join(bench, 'data/ground-truth.json'), 'utf8')) as Record<string, { url: string }>;
  const predictions: Record<string, { articleBody: string }> = {};
  for (const file of readdirSync(join(bench, 'data/html'))) {
    const id = file.replace(/\.html(\.gz)?$/, '');
    const bytes = readFileSync(join(bench, 'data/html', file));
    const html = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
    const result = extract(html, truth[id]?.url ?? 'https://example.invalid/');
    predictions[id] = { articleBody: result.ok ? blocksToText(result.extraction.body) : '' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-gate-'));
  try {
    const file = join(dir, 'predictions.json');
    writeFileSync(file, JSON.stringify(predictions));
    const output = execFileSync(process.execPath, [join(bench, 'evaluate.mjs'), file, '--n-bootstrap', '0'], { encoding: 'utf8' });
    const f1 = Number(/F1=([\d.]+)/.exec(output)?.[1]);
    assert.ok(Number.isFinite(f1), `could not read F1 from evaluator output: ${output}`);
    assert.ok(f1 >= F1_FLOOR, `article-body F1 ${f1} fell below the floor ${F1_FLOOR}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
