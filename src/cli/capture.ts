import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../config/config.ts';
import { extract } from '../extract/extract.ts';
import { captureUrl } from '../ingest/capture.ts';
import { extractDirectory, readPage } from '../ingest/extract-directory.ts';
import type { Extraction } from '../model/capture.ts';
import { createFetcher, describeResult, type Fetcher } from '../net/safe-fetch.ts';
import { CliError } from './cli-error.ts';
import { output, withStore, type CliContext } from './context.ts';
import { progress } from './progress.ts';

/** The fetcher of an editor's explicit paste (robots.txt per NEWSDESK_ROBOTS_ON_PASTE). */
export function pasteFetcher(config: Config): Fetcher {
  return createFetcher({ allow: config.fetchAllow, userAgent: `newsdesk/0.1 (+${config.siteUrl})`, robots: config.robotsOnPaste });
}

/** One human line about an extraction: headline, authors, date, outlet. */
export function summarize(x: Extraction): string {
  const authors = x.authors?.value.map((a) => a.name).join(', ');
  return [x.headline?.value ?? '(no headline)', authors ? `by ${authors}` : null, x.published?.value ?? null, x.outlet?.value.name ?? null]
    .filter(Boolean).join(' \u00b7 ');
}

async function runCapture(ctx: CliContext, url: string, opts: { json?: boolean; refresh?: boolean }): Promise<void> {
  const fetcher = pasteFetcher(ctx.config);
  try {
    await withStore(ctx, async (store) => {
      const r = await captureUrl(store, (u) => fetcher.fetch(u), url, { refresh: Boolean(opts.refresh), now: () => new Date() });
      if (!r.ok) throw new CliError(`cannot capture ${url}: ${r.message}`, 1);
      const human = `${r.existing ? 'already captured' : 'captured'} #${r.captureId} ${r.canonicalUrl}\n  ${summarize(r.extraction)}${r.warnings.map((w) => `\n  warning: ${w}`).join('')}`;
      output(Boolean(opts.json), { id: r.captureId, existing: r.existing, canonicalUrl: r.canonicalUrl, warnings: r.warnings, extraction: r.extraction }, human);
    });
  } finally {
    await fetcher.close();
  }
}

async function runExtract(ctx: CliContext, target: string | undefined, opts: { url?: string; json?: boolean; batch?: string; out?: string }): Promise<void> {
  if (opts.batch) {
    if (!opts.out) throw new CliError('--batch needs --out FILE', 2);
    const bar = progress('extract');
    const records = await extractDirectory(opts.batch, { onProgress: (d, t) => bar.update(d, t) }).catch((err: NodeJS.ErrnoException) => {
      throw new CliError(`cannot read ${opts.batch}: ${err.code ?? err.message}`, 2);
    });
    await fs.writeFile(opts.out, `${JSON.stringify(records)}\n`);
    bar.done(`${Object.keys(records).length} pages \u2192 ${opts.out}`);
    return;
  }
  if (!target) throw new CliError('give a file or URL to extract, or --batch DIR --out FILE', 2);
  let html: string;
  let url: string;
  if (/^https?:\/\//i.test(target)) {
    const fetcher = pasteFetcher(ctx.config);
    const r = await fetcher.fetch(target).finally(() => fetcher.close());
    if (!r.ok || r.notModified || r.text === undefined || r.kind !== 'html') throw new CliError(`cannot extract ${target}: ${describeResult(r)}`, 1);
    html = r.text;
    url = opts.url ?? r.url;
  } else {
    html = await readPage(target).catch((err: NodeJS.ErrnoException) => { throw new CliError(`cannot read ${target}: ${err.code ?? err.message}`, 2); });
    url = opts.url ?? `file://${path.resolve(target)}`;
  }
  const r = extract(html, url);
  if (!r.ok) throw new CliError(`${target}: ${r.message}`, 1);
  output(Boolean(opts.json), r.extraction, summarize(r.extraction));
}

/** `newsdesk capture <url>` and `newsdesk extract …`. */
export function registerCapture(program: Command, ctx: CliContext): void {
  program.command('capture').description('fetch an article safely, extract it and store the capture; prints its id')
    .argument('<url>', 'the article URL').option('--json', 'print the capture as JSON').option('--refresh', 'capture again even if this URL was captured before')
    .action((url: string, opts: { json?: boolean; refresh?: boolean }) => runCapture(ctx, url, opts));
  program.command('extract').description('extract an article from a file or URL without storing it; or a folder of pages with --batch')
    .argument('[file-or-url]', 'an .html/.html.gz file or an http(s) URL').option('--url <url>', 'the page\u2019s URL (resolves relative links in a file)')
    .option('--json', 'print the extraction as JSON').option('--batch <dir>', 'extract every <id>.html(.gz) in DIR').option('--out <file>', 'where --batch writes its JSON')
    .action((target: string | undefined, opts: { url?: string; json?: boolean; batch?: string; out?: string }) => runExtract(ctx, target, opts));
}
