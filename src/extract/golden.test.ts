/**
 * Golden corpus for metadata extraction: pages written for the project (testdata/pages) and hand-checked
 * real pages of ../shared/bench (testdata/golden.json; skipped when that folder is absent).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import { extractMetadata, type Metadata } from './metadata/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '../..');
const sharedBench = resolve(projectRoot, '../shared/bench');
const pagesDir = join(here, 'testdata/pages');

function parse(html: string): Document {
  return (parseHTML(html) as unknown as { document: Document }).document;
}

/** The fields an expected.json lists, read from an extraction in the same shape. */
function comparable(m: Metadata): Record<string, unknown> {
  return {
    headline: m.headline?.value ?? null,
    kind: m.kind?.value ?? null,
    authors: m.authors?.value ?? [],
    published: m.published?.value ?? null,
    modified: m.modified?.value ?? null,
    outlet: m.outlet?.value ?? null,
    canonicalUrl: m.canonicalUrl,
    language: m.language,
    description: m.description,
    leadImage: m.leadImage?.value ?? null,
    warnings: m.warnings,
  };
}

for (const slug of readdirSync(pagesDir).sort()) {
  test(`written page ${slug}: every field as expected`, () => {
    const expected = JSON.parse(readFileSync(join(pagesDir, slug, 'expected.json'), 'utf8')) as Record<string, unknown>;
    const bytes = readFileSync(join(pagesDir, slug, 'page.html'));
    // Decoding belongs to src/net; the test stands in for it with the charset the page declares.
    const html = typeof expected.encoding === 'string' ? iconv.decode(bytes, expected.encoding) : bytes.toString('utf8');
    const document = parse(html);
    const before = document.toString();
    const got = comparable(extractMetadata(document, String(expected.url)));
    for (const [field, value] of Object.entries(expected)) {
      if (field === 'url' || field === 'encoding') continue;
      assert.deepEqual(got[field], value, `${slug}: field ${field}`);
    }
    assert.equal(document.toString(), before, 'extractMetadata must not modify the document');
  });
}

interface GoldenPage {
  set: 'article-body' | 'wcxb-dev';
  id: string;
  headline: string | null;
  authors: string[];
  published: string | null;
  outlet: string | null;
  image: string | null;
  caption?: string;
  credit?: string;
}

function pageOf(set: GoldenPage['set'], id: string): { html: string; url: string } {
  const dir = set === 'article-body' ? join(sharedBench, 'article-body/data') : join(sharedBench, 'wcxb-dev');
  const truth = set === 'article-body' ? join(dir, 'ground-truth.json') : join(dir, 'metadata-ground-truth.json');
  const urls = JSON.parse(readFileSync(truth, 'utf8')) as Record<string, { url: string }>;
  return { html: gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8'), url: urls[id]!.url };
}

const golden = JSON.parse(readFileSync(join(here, 'testdata/golden.json'), 'utf8')) as { pages: GoldenPage[] };

test('golden corpus has at least 30 real pages', () => {
  assert.ok(golden.pages.length >= 30, `only ${golden.pages.length} pages`);
});

const skip = existsSync(sharedBench) ? false : 'skipped: ../shared/bench is absent (real-page golden corpus)';
for (const page of golden.pages) {
  test(`real page ${page.set}/${page.id.slice(0, 12)}: hand-checked fields`, { skip }, () => {
    const { html, url } = pageOf(page.set, page.id);
    const document = parse(html);
    const before = document.toString();
    const m = extractMetadata(document, url);
    assert.equal(document.toString(), before, 'extractMetadata must not modify the document');
    const got: Record<string, unknown> = {
      headline: m.headline?.value ?? null,
      authors: m.authors?.value.map((p) => p.name) ?? [],
      published: m.published?.value ?? null,
      outlet: m.outlet?.value.name ?? null,
      image: m.leadImage?.value.url ?? null,
    };
    if ('caption' in page) got.caption = m.leadImage?.value.caption;
    if ('credit' in page) got.credit = m.leadImage?.value.credit;
    const want: Record<string, unknown> = { ...page };
    delete want.set;
    delete want.id;
    assert.deepEqual(got, want);
  });
}
