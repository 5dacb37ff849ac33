import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extract } from '../extract/extract.ts';
import { extractInThread, setExtractTimeLimit } from './extract-thread.ts';

const article = (words: number): string => `<html><head><title>A headline here</title></head><body><article><h1>A headline here</h1><p>${'word '.repeat(words)}</p></article></body></html>`;

describe('extraction thread', () => {
  it('returns what extract returns, for several pages in a row', async () => {
    const pages = [article(300), article(400), '<html><body></body></html>'];
    const results = await Promise.all(pages.map((p) => extractInThread(p, 'https://example.com/a')));
    assert.deepEqual(results, pages.map((p) => extract(p, 'https://example.com/a')));
  });

  it('keeps the event loop turning while a large page is extracted', async () => {
    let ticks = 0;
    const tick = setInterval(() => ticks++, 10);
    const started = performance.now();
    const result = await extractInThread(article(2_000_000), 'https://example.com/big');
    const took = performance.now() - started;
    clearInterval(tick);
    assert.equal(result.ok, true);
    // In-process, no tick could run until extraction ended (0 or 1); in the thread they run all along, 10 ms apart
    // (at least one in ten slots, however busy the machine).
    assert.ok(ticks >= Math.max(3, took / 100), `${ticks} ticks in ${Math.round(took)} ms`);
  });

  it('stops a page that takes too long, and extracts the next one in a fresh thread', async () => {
    setExtractTimeLimit(50);
    try {
      const slow = await extractInThread(article(2_000_000), 'https://example.com/big');
      assert.deepEqual(slow, { ok: false, reason: 'not-an-article', message: 'extraction stopped after 0.05 s: the page is too large or too complex' });
    } finally {
      setExtractTimeLimit(30_000);
    }
    const next = await extractInThread(article(300), 'https://example.com/a');
    assert.equal(next.ok, true);
  });
});
