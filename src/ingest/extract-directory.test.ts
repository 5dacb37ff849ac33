import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { extractDirectory } from './extract-directory.ts';

const PROSE = [
  'The harbour authority approved a plan on Monday to rebuild the old pier, which was closed after storms damaged it two winters ago.',
  'Fishermen welcomed the decision, saying the closure had forced them to moor their boats in a crowded marina on the other side of the bay.',
  'The works are expected to cost about four million euros and to take eighteen months, according to the authority, which will pay half.',
];

function article(title: string): string {
  return `<html><head><title>${title}</title></head><body><article><h1>${title}</h1>${PROSE.map((p) => `<p>${p}</p>`).join('')}<p><a href="/pier">More</a></p></article></body></html>`;
}

test('extracts .html and .html.gz pages keyed by id, with URLs from urls.json', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-batch-'));
  try {
    writeFileSync(join(dir, 'a.html'), article('Pier to be rebuilt'));
    writeFileSync(join(dir, 'b.html.gz'), gzipSync(article('Pier plan approved')));
    writeFileSync(join(dir, 'c.html'), '<html><body></body></html>');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    writeFileSync(join(dir, 'urls.json'), JSON.stringify({ a: 'https://port.example.org/news/pier' }));
    const progress: [number, number][] = [];
    const out = await extractDirectory(dir, { onProgress: (done, total) => progress.push([done, total]) });
    assert.deepEqual(Object.keys(out).sort(), ['a', 'b', 'c']);
    assert.equal(out.a?.articleBody, PROSE.join('\n'));
    assert.equal(out.b?.articleBody, PROSE.join('\n'));
    assert.equal(out.c?.articleBody, '');
    assert.match(out.c?.error ?? '', /^empty-page/);
    for (const record of Object.values(out)) {
      assert.ok(Array.isArray(record.authors));
      assert.ok(record.image === null || typeof record.image.url === 'string');
    }
    assert.deepEqual(progress, [[1, 3], [2, 3], [3, 3]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
