import type { Browser, BrowserContext } from 'playwright-core';

export { CHROMIUM, launchBrowser } from '../browser.ts';

/** What one page did in the browser that it must not. */
export interface Visit {
  url: string;
  status: number;
  dialogs: string[];
  fired: number[];
  violations: string[];
  console: string[];
}

/*
 * Runs before any page script: `__xss(n)` records a payload that executed, and every CSP violation is kept. The app's
 * CSP has no configurable report-uri, so the `securitypolicyviolation` event stands in for a report endpoint.
 */
const INIT = `
  window.__fired = []; window.__violations = [];
  window.__xss = (n) => { window.__fired.push(n); };
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push(e.effectiveDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
  }, true);
`;

/** A context whose pages carry the init script; the app's CSP stays in force (no bypassCSP). */
export async function xssContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript({ content: INIT });
  return context;
}

/** One reused tab: `visit` opens a URL, lets autofocus, hover and animations fire, and reports what happened. */
export async function openTab(context: BrowserContext): Promise<{ visit(url: string): Promise<Visit> }> {
  const page = await context.newPage();
  let dialogs: string[] = [];
  let consoleLines: string[] = [];
  page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss(); });
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  return {
    async visit(url) {
      dialogs = [];
      consoleLines = [];
      const res = await page.goto(url, { waitUntil: 'load' });
      // Hover and focus fire the handlers a payload might hide behind; a short wait lets onbegin/ontoggle run.
      await page.mouse.move(200, 200);
      await page.keyboard.press('Tab');
      await page.waitForTimeout(30);
      const state = await page.evaluate(() => {
        const w = window as unknown as { __fired?: number[]; __violations?: string[] };
        return { fired: w.__fired ?? [], violations: w.__violations ?? [] };
      }).catch(() => ({ fired: [] as number[], violations: [] as string[] }));
      return { url, status: res?.status() ?? 0, dialogs, console: consoleLines, ...state };
    },
  };
}
