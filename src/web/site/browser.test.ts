import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, launchBrowser } from '../../testing/browser.ts';
import { storeKinds } from '../../testing/test-stores.ts';
import { startSampleApp, type SampleApp } from './sample-app.ts';

/*
 * The reader site in a real browser (Debian's chromium through playwright-core): no console errors, no serious or
 * critical axe-core violations, the piece page's visible order is the anatomy's, readable at 320 px and in dark
 * mode; a screenshot of each page goes to test-output/site/.
 */

const OUT = path.resolve('test-output/site');
const AXE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    }).on('error', reject);
  });
}

interface Check { errors: string[]; serious: string[] }

/** Opens a URL, collects console errors and failed requests, runs axe, saves a screenshot. */
async function visit(page: Page, url: string, shot: string): Promise<Check> {
  const errors: string[] = [];
  page.removeAllListeners('console');
  page.removeAllListeners('pageerror');
  page.removeAllListeners('requestfailed');
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push(`failed: ${r.url()}`));
  const res = await page.goto(url, { waitUntil: 'load' });
  assert.ok(res && res.status() < 400, `${url} → ${res?.status()}`);
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const r = await (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  });
  await page.screenshot({ path: path.join(OUT, `${shot}.png`), fullPage: true });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.targets.join(', ')}`);
  return { errors, serious };
}

const skip = fs.existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (apt-get install chromium); browser checks skipped`;
if (skip) console.log(`# ${skip}`);

describe('reader site in a real browser', { skip }, () => {
  let s: SampleApp;
  let browser: Browser;
  let base: string;
  before(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    s = await startSampleApp(storeKinds()[0]!, new Date('2022-12-10T10:00:00Z'), base);
    await s.app.listen({ port, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  it('home, recommendation, story, tag and search in both languages: no console errors, no serious axe violations', async () => {
    // bypassCSP only so that axe can be injected; the pages themselves run no script.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const pages = { home: '/', recommendation: s.sample.opinionPath, story: s.sample.storyPath, tag: '/tag/kazakhstan', search: '/search?q=steppe' };
    const problems: string[] = [];
    for (const lang of ['en', 'uk']) {
      for (const [name, p] of Object.entries(pages)) {
        const url = `${base}${lang === 'uk' ? `/uk${p}` : p}`;
        const r = await visit(page, url, `${name}-${lang}`);
        problems.push(...r.errors.map((e) => `${url} console: ${e}`), ...r.serious.map((v) => `${url} axe: ${v}`));
      }
    }
    await context.close();
    assert.deepEqual(problems, []);
  });

  it('the piece page shows the anatomy in order, top to bottom', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}${s.sample.opinionPath}`);
    const order = ['.masthead-date', 'h1.headline', '.byline-authors', '.byline time', 'figure.lead img', 'figcaption', '.excerpt p', '.continue a', '.editors-note', '.author-box', '.tags', '.support'];
    const tops: number[] = [];
    for (const sel of order) {
      const box = await page.locator(sel).first().boundingBox();
      assert.ok(box && box.height > 0, `${sel} is visible`);
      tops.push(box.y);
    }
    assert.deepEqual([...tops].sort((a, b) => a - b), tops, `visible order: ${order.map((sel, i) => `${sel}@${Math.round(tops[i]!)}`).join(' ')}`);
    await context.close();
  });

  it('reads at 320 px without sideways scrolling, and in dark mode without contrast problems', async () => {
    const narrow = await browser.newContext({ bypassCSP: true, viewport: { width: 320, height: 640 } });
    const page = await narrow.newPage();
    for (const [name, p] of [['home', '/'], ['recommendation', s.sample.opinionPath], ['search', '/search?q=steppe']] as const) {
      await page.goto(`${base}${p}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `${p} is ${width}px wide at 320`);
      await page.screenshot({ path: path.join(OUT, `${name}-320.png`), fullPage: true });
    }
    await narrow.close();
    const dark = await browser.newContext({ bypassCSP: true, colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
    const r = await visit(await dark.newPage(), `${base}${s.sample.opinionPath}`, 'recommendation-dark');
    assert.deepEqual([...r.errors, ...r.serious], []);
    await dark.close();
  });
});
