/**
 * Batch extraction for benchmarks and bulk checks: every `<id>.html` or `<id>.html.gz` in a
 * directory (with an optional `urls.json` mapping id → URL) becomes one record keyed by id.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { blocksToText, extract } from '../extract/extract.ts';

/** One page's result in the batch output (`newsdesk extract --batch DIR --out FILE`). */
export interface BatchRecord {
  /** Plain text, one paragraph per line; empty when the page yielded no article. */
  articleBody: string;
  headline: string | null;
  authors: string[];
  datePublished: string | null;
  image: { url: string; caption: string | null; credit: string | null } | null;
  /** Why the page yielded no article, when it did not. */
  error?: string;
}

/** Options of `extractDirectory`. */
export interface ExtractDirectoryOptions {
  onProgress?: (done: number, total: number) => void;
}

const PAGE_FILE = /^(.+)\.html?(\.gz)?$/i;

/** Extracts every page of `dir`; ids are file names without `.html`/`.html.gz`. */
export async function extractDirectory(dir: string, opts: ExtractDirectoryOptions = {}): Promise<Record<string, BatchRecord>> {
  // 1. Find the pages and the optional id → URL map.
  const files = (await readdir(dir)).filter((f) => PAGE_FILE.test(f)).sort();
  const urls = await readUrls(dir);
  const out: Record<string, BatchRecord> = {};
  // 2. Extract them one by one (pages can be large; one at a time keeps memory flat).
  for (const [index, file] of files.entries()) {
    const id = PAGE_FILE.exec(file)![1]!;
    const html = await readPage(join(dir, file));
    out[id] = toRecord(html, urls[id] ?? `https://example.invalid/${encodeURIComponent(id)}`);
    opts.onProgress?.(index + 1, files.length);
  }
  return out;
}

/** Extracts one page into a batch record. */
export function toRecord(html: string, url: string): BatchRecord {
  const result = extract(html, url);
  if (!result.ok) {
    return { articleBody: '', headline: null, authors: [], datePublished: null, image: null, error: `${result.reason}: ${result.message}` };
  }
  const x = result.extraction;
  const image = x.leadImage?.value;
  return {
    articleBody: blocksToText(x.body),
    headline: x.headline?.value ?? null,
    authors: x.authors?.value.map((p) => p.name) ?? [],
    datePublished: x.published?.value ?? null,
    image: image ? { url: image.url, caption: image.caption ?? null, credit: image.credit ?? null } : null,
  };
}

/** Reads a page as UTF-8, gunzipping `.gz` files. */
export async function readPage(path: string): Promise<string> {
  const bytes = await readFile(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

async function readUrls(dir: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(join(dir, 'urls.json'), 'utf8');
  } catch {
    return {};
  }
  const data: unknown = JSON.parse(text);
  const urls: Record<string, string> = {};
  if (data && typeof data === 'object') {
    for (const [id, value] of Object.entries(data)) if (typeof value === 'string') urls[id] = value;
  }
  return urls;
}
