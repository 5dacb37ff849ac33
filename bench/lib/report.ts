/** Turns benchmark measurements into the table printed and written into BENCHMARKS.md. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** One extractor's figures on one set. */
export interface Row {
  set: string;
  extractor: string;
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
  medianMs: number;
  p90Ms: number;
  medianCpuMs: number;
  p90CpuMs: number;
  peakRssMb: number;
  pages: number;
}

/** The value at quantile `q` (0..1) of the numbers, nearest-rank. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** A Markdown table of the rows. */
export function markdownTable(rows: Row[]): string {
  const lines = [
    '| set | extractor | F1 | precision | recall | accuracy | median ms/page (wall / CPU) | p90 ms/page (wall / CPU) | peak RSS |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    lines.push(`| ${r.set} (${r.pages}) | ${r.extractor} | ${r.f1.toFixed(3)} | ${r.precision.toFixed(3)} | ${r.recall.toFixed(3)} | ${r.accuracy.toFixed(3)} | ${r.medianMs.toFixed(1)} / ${r.medianCpuMs.toFixed(1)} | ${r.p90Ms.toFixed(1)} / ${r.p90CpuMs.toFixed(1)} | ${r.peakRssMb.toFixed(0)} MB |`);
  }
  return lines.join('\n');
}

/** Replaces (or appends) one benchmark's own section of BENCHMARKS.md, leaving other sections alone. */
export function writeSection(path: string, heading: string, body: string): void {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const section = `${heading}\n\n${body.trim()}\n`;
  const start = text.indexOf(`${heading}\n`);
  if (start === -1) {
    writeFileSync(path, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  const next = text.indexOf('\n## ', start + heading.length);
  const end = next === -1 ? text.length : next + 1;
  writeFileSync(path, `${text.slice(0, start)}${section}${next === -1 ? '' : '\n'}${text.slice(end)}`);
}
