import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { CHROMIUM, launchBrowser } from '../testing/browser.ts';
import { storeKinds, type TestStore } from '../testing/test-stores.ts';
import { buildApp } from './app.ts';
import { cspReportsOf } from './csp-report.ts';

/*
 * The CSP report endpoint: both report formats are counted, anything else is refused with one line, the kept list
 * stays bounded, and a real Chromium POSTs a violation of the app's own CSP to it.
 */

const LEGACY = { 'csp-report': { 'document-uri': 'http://127.0.0.1/x', 'effective-directive': 'script-src-elem', 'blocked-uri': 'inline', 'script-sample': 'alert(1)' } };
const API = [{ type: 'csp-violation', url: 'http://127.0.0.1/y', body: { documentURL: 'http://127.0.0.1/y', effectiveDirective: 'script-src-attr', blockedURL: 'inline', sample: 'x()' } }];

let store: TestStore;
let app: FastifyInstance;
const post = (payload: string, type: string) => app.inject({ method: 'POST', url: '/csp-report', headers: { 'content-type': type }, payload });

before(async () => {
  store = await storeKinds()[0]!.create();
  app = await buildApp({ store, logger: pino({ level: 'silent' }), siteUrl: 'http://127.0.0.1' });
});
after(async () => {
  await app?.close();
  await store?.close();
});

describe('CSP report endpoint', () => {
  it('every page names it in report-uri (and not report-to, which would make Chromium ignore report-uri)', async () => {
    const csp = String((await app.inject({ url: '/' })).headers['content-security-policy']);
    assert.match(csp, /(^|;)report-uri \/csp-report(;|$)/);
    assert.doesNotMatch(csp, /report-to/);
  });

  it('counts both formats and shows the count on /readyz', async () => {
    const before = cspReportsOf(app)!.count;
    assert.equal((await post(JSON.stringify(LEGACY), 'application/csp-report')).statusCode, 204);
    assert.equal((await post(JSON.stringify(API), 'application/reports+json')).statusCode, 204);
    const reports = cspReportsOf(app)!;
    assert.equal(reports.count, before + 2);
    assert.deepEqual(reports.recent.slice(-2).map((r) => r.directive), ['script-src-elem', 'script-src-attr']);
    assert.equal(JSON.parse((await app.inject({ url: '/readyz' })).body).cspReports, before + 2);
  });

  it('refuses other types, bad JSON, other shapes and big bodies with one line', async () => {
    const count = cspReportsOf(app)!.count;
    assert.equal((await post(JSON.stringify(LEGACY), 'application/json')).statusCode, 415);
    assert.equal((await post('{not json', 'application/csp-report')).statusCode, 400);
    const wrong = await post(JSON.stringify({ hello: 'world' }), 'application/csp-report');
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /^not a CSP report/);
    assert.equal((await post(JSON.stringify({ 'csp-report': { 'blocked-uri': 'x'.repeat(20_000) } }), 'application/csp-report')).statusCode, 413);
    assert.equal(cspReportsOf(app)!.count, count);
  });

  it('keeps at most 50 recent reports however many arrive', async () => {
    for (let i = 0; i < 60; i++) await post(JSON.stringify(LEGACY), 'application/csp-report');
    assert.equal(cspReportsOf(app)!.recent.length, 50);
  });

  it('rate limits a flood from one address', async () => {
    let limited = 0;
    for (let i = 0; i < 130 && !limited; i++) if ((await post(JSON.stringify(LEGACY), 'application/csp-report')).statusCode === 429) limited++;
    assert.equal(limited, 1);
  });
});

const skip = fs.existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing; the browser half of the CSP report test is skipped`;

describe('CSP reports from a real browser', () => {
  it('Chromium POSTs a violation of the app\'s CSP to /csp-report', { skip }, async () => {
    // The rate-limit test above used up this address's allowance; a fresh app gives the browser its own.
    const fresh = await buildApp({ store, logger: pino({ level: 'silent' }), siteUrl: 'http://127.0.0.1' });
    // A page that breaks the app's own CSP on purpose: an inline script.
    fresh.get('/test/violates-csp', async (_req, reply) => reply.type('text/html; charset=utf-8').send('<!doctype html><title>v</title><script>document.title = "ran"</script>'));
    await fresh.listen({ port: 0, host: '127.0.0.1' });
    const browser = await launchBrowser();
    try {
      const addr = fresh.server.address();
      const page = await (await browser.newContext()).newPage();
      await page.goto(`http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/test/violates-csp`);
      assert.equal(await page.title(), 'v', 'the inline script was blocked');
      const reports = cspReportsOf(fresh)!;
      for (let i = 0; i < 100 && reports.count === 0; i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok(reports.count >= 1, 'a report arrived');
      assert.match(reports.recent[0]!.directive, /^script-src/);
      assert.match(reports.recent[0]!.document, /\/test\/violates-csp$/);
    } finally {
      await browser.close();
      await fresh.close();
    }
  });
});
