import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, launchBrowser } from '../../testing/browser.ts';
import { createFetcher, type Fetcher } from '../../net/safe-fetch.ts';
import { startFixtureServer, type FixtureServer } from '../../testing/fixture-server.ts';
import { storeKinds } from '../../testing/test-stores.ts';
import { startEditorApp, TEST_PASSWORD, TEST_USERS, type EditorTestApp } from './test-client.ts';

/*
 * The editors' UI in a real browser (Debian's chromium through playwright-core), with the app's real CSP: an
 * editor signs in, pastes the loopback fixture's URL, sees the preview, publishes without changing anything and
 * finds the page on the site with every anatomy element; a contributor's hand-made publish and a POST without a
 * CSRF token are refused; a private address is refused readably; no serious/critical axe violations; no dialog
 * ever opens; usable at 375 px; English and Ukrainian. Screenshots go to test-output/editor/.
 */

const OUT = path.resolve('test-output/editor');
const AXE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
const PAGE = fs.readFileSync(new URL('../../ingest/testdata/opinion-page.html', import.meta.url), 'utf8');
const ARTICLE = '/2022/01/18/opinions/steppe-quiet-winter-warning/index.html';
const OTHER = '/2022/01/19/opinions/another-winter/index.html';
const ANATOMY = ['.masthead-date', 'h1.headline', '.byline-authors', 'time[datetime]', 'figure.lead img', 'figcaption', '.excerpt p', '.continue a', 'aside.editors-note', '.author-box', '.support'];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    }).on('error', reject);
  });
}

/** Runs axe in the page (evaluated through the DevTools protocol, so the page's CSP stays on) and saves a screenshot. */
async function check(page: Page, shot: string, problems: string[]): Promise<void> {
  await page.evaluate(AXE);
  const serious = await page.evaluate(async () => {
    const r = await (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
  problems.push(...serious.map((s) => `${shot}: ${s}`));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 1) problems.push(`${shot}: ${overflow}px wider than the viewport`);
  await page.screenshot({ path: path.join(OUT, `${shot}.png`), fullPage: true });
}

async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/editor`);
  assert.match(page.url(), /\/editor\/sign-in/);
  await page.fill('#email', email);
  await page.fill('#password', TEST_PASSWORD);
  await Promise.all([page.waitForURL(/\/editor\/(pieces|capture)/), page.click('button[type="submit"].ed-primary')]);
}

/** Posts a form from inside the page (same origin, the page's cookies), as a hand-made request would. */
function postFromPage(page: Page, url: string, fields: Record<string, string>): Promise<number> {
  return page.evaluate(async ([u, f]) => (await fetch(u, { method: 'POST', body: new URLSearchParams(f), redirect: 'manual' })).status, [url, fields] as const);
}

const skip = fs.existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (apt-get install chromium); editor browser checks skipped`;
if (skip) console.log(`# ${skip}`);

describe('editors\u2019 UI in a real browser', { skip }, () => {
  let t: EditorTestApp;
  let server: FixtureServer;
  let fetcher: Fetcher;
  let browser: Browser;
  let base: string;
  const dialogs: string[] = [];
  before(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    server = await startFixtureServer({ [ARTICLE]: { body: PAGE }, [OTHER]: { body: PAGE.replaceAll('steppe-quiet-winter-warning', 'another-winter').replaceAll('2022/01/18', '2022/01/19') } });
    fetcher = createFetcher({ allow: server.allow, userAgent: 'newsdesk-test' });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startEditorApp(await storeKinds()[0]!.create(), { fetchPage: (u) => fetcher.fetch(u), siteUrl: base });
    await t.app.listen({ port, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await fetcher?.close();
    await server?.close();
  });

  it('an editor pastes a link, sees the preview, publishes unchanged, and the page has every anatomy element', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    const problems: string[] = [];
    await page.goto(`${base}/editor/sign-in`);
    await check(page, 'sign-in-en', problems);
    await signIn(page, base, TEST_USERS.editor);
    await page.goto(`${base}/editor/capture`);
    await check(page, 'capture-en', problems);
    await page.fill('#url', 'http://10.0.0.1/internal');
    await page.click('.ed-capture button[type="submit"]');
    await page.waitForSelector('.ed-error');
    assert.match(await page.textContent('.ed-error') ?? '', /could not be captured/);
    await check(page, 'capture-refused', problems);
    await page.fill('#url', server.origin + ARTICLE);
    await Promise.all([page.waitForURL(/\/editor\/pieces\/\d+$/), page.click('.ed-capture button[type="submit"]')]);
    assert.ok(await page.isVisible('.ed-preview article h1.headline'), 'the preview shows the headline');
    await check(page, 'edit-preview', problems);
    await Promise.all([page.waitForURL(/done=publish/), page.click('button[value="publish"]')]);
    assert.match(await page.textContent('.ed-state') ?? '', /published/);
    const href = await page.getAttribute('.ed-state a[href^="/2"]', 'href');
    assert.ok(href, 'a link to the published page');
    await page.goto(`${base}${href}`);
    for (const sel of ANATOMY) assert.ok(await page.$(sel), `the published page has ${sel}`);
    await page.screenshot({ path: path.join(OUT, 'published-page.png'), fullPage: true });
    for (const [name, p] of [['pieces', '/editor/pieces'], ['history', `/editor/pieces/1/history`], ['directory', '/editor/directory'], ['inbox', '/editor/inbox'], ['feeds', '/editor/feeds'], ['preview-page', '/editor/pieces/1/preview']] as const) {
      await page.goto(`${base}${p}`);
      await check(page, name, problems);
    }
    await context.close();
    assert.deepEqual(problems, []);
    assert.deepEqual(dialogs, []);
  });

  it('refuses a contributor\u2019s hand-made publish and a POST without CSRF token; works at 375 px in Ukrainian', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
    const page = await context.newPage();
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    const problems: string[] = [];
    await signIn(page, base, TEST_USERS.contributor);
    await page.goto(`${base}/editor/capture`);
    await page.fill('#url', `${server.origin}${OTHER}`);
    await Promise.all([page.waitForURL(/\/editor\/pieces\/\d+$/, { waitUntil: 'domcontentloaded' }), page.click('.ed-capture button[type="submit"]')]);
    assert.equal(await page.$('button[value="publish"]'), null, 'no Publish button for a contributor');
    const id = /\/editor\/pieces\/(\d+)/.exec(page.url())![1]!;
    const csrf = (await page.getAttribute('input[name="_csrf"]', 'value'))!;
    const version = (await page.getAttribute('input[name="version"]', 'value'))!;
    assert.equal(await postFromPage(page, `/editor/pieces/${id}`, { _csrf: csrf, version, action: 'publish' }), 403);
    assert.equal(await postFromPage(page, '/editor/sign-out-everywhere', {}), 403);
    await page.fill('#f-headline', '<script>alert("x")</script><img src=x onerror=alert(2)>');
    await Promise.all([page.waitForURL(/done=save/), page.click('button[value="save"]')]);
    assert.equal(await page.inputValue('#f-headline'), '<script>alert("x")</script><img src=x onerror=alert(2)>');
    await page.click('.ed-account button[lang="uk"]');
    await page.waitForSelector('html[lang="uk"]');
    assert.match(await page.textContent('.ed-nav') ?? '', /Матеріали/);
    await check(page, 'edit-375-uk', problems);
    await page.goto(`${base}/editor/pieces`);
    await check(page, 'pieces-375-uk', problems);
    await context.close();
    assert.deepEqual(problems, []);
    assert.deepEqual(dialogs, []);
  });

  it('admin screens (users, settings) pass axe and fit a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
    const page = await context.newPage();
    const problems: string[] = [];
    await signIn(page, base, TEST_USERS.admin);
    for (const [name, p] of [['users', '/editor/users'], ['settings', '/editor/settings']] as const) {
      await page.goto(`${base}${p}`);
      await check(page, `${name}-375`, problems);
    }
    await context.close();
    assert.deepEqual(problems, []);
  });
});
