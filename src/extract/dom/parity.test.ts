/**
 * The light DOM must give the extractor what linkedom's full DOM gives it: every page is extracted twice, once on
 * each tree, and the results compared field by field. Our own test pages must agree exactly; on the shared real
 * pages, at most 1 in 100 may differ (htmlparser2 12, which builds the light tree, closes some tags as browsers
 * do where linkedom's htmlparser2 10 did not: an `<h3>` inside an unclosed `<h1>`), and the differing pages are
 * printed.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { extract } from '../extract.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const shared = resolve(here, '../../../../shared/bench');
/** Every page of the first set, every 4th of the second: about 380 pages, 15 s. */
const sets = [{ dir: join(shared, 'article-body/data/html'), step: 1 }, { dir: join(shared, 'wcxb-dev/html'), step: 4 }]
  .filter((s) => existsSync(s.dir));

/** The fields whose values differ between the two extractions of `html`. */
function differences(html: string, url: string): string[] {
  const light = extract(html, url, { dom: 'light' });
  const full = extract(html, url, { dom: 'linkedom' });
  const a = (light.ok ? light.extraction : light) as unknown as Record<string, unknown>;
  const b = (full.ok ? full.extraction : full) as unknown as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

function read(file: string): string {
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

describe('light DOM parity with linkedom', () => {
  it('extracts every written test page exactly as on linkedom', () => {
    const pages = join(here, '../testdata/pages');
    for (const slug of readdirSync(pages)) {
      const html = readFileSync(join(pages, slug, 'page.html')).toString('latin1');
      assert.deepEqual(differences(html, `https://example.com/${slug}`), [], slug);
    }
  });

  it('extracts the shared real pages as on linkedom', { skip: sets.length ? false : `benchmark pages absent (${shared})` }, () => {
    const differing: string[] = [];
    let pages = 0;
    for (const { dir, step } of sets) {
      const files = readdirSync(dir).filter((f) => /\.html(\.gz)?$/.test(f)).sort();
      for (const file of files.filter((_, i) => i % step === 0)) {
        pages++;
        const fields = differences(read(join(dir, file)), 'https://example.com/article');
        if (fields.length) differing.push(`${file}: ${fields.join(', ')}`);
      }
    }
    if (differing.length) console.log(`# ${differing.length} of ${pages} pages differ:\n# ${differing.join('\n# ')}`);
    assert.ok(pages > 0);
    assert.ok(differing.length <= pages / 100, `${differing.length} of ${pages} pages differ`);
  });
});
