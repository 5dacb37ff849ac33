// The extraction thread's entry (see extract-thread.ts). A worker thread starts without the parent's module
// hooks, so it registers tsx itself before loading the TypeScript extractor, as bin/newsdesk.mjs does.
import { parentPort } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
const { extract } = await import('../extract/extract.ts');

parentPort.on('message', ({ html, url, options }) => {
  // extract never throws; a surprise still answers, so the caller is never left waiting.
  let result;
  try {
    result = extract(html, url, options);
  } catch (error) {
    result = { ok: false, reason: 'not-an-article', message: `extraction failed: ${error?.message ?? error}` };
  }
  parentPort.postMessage({ result });
});
