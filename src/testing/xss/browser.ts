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
  /** Event-handler attributes and script URLs in the rendered DOM (after any script or parser fix-up ran). */
  dom: string[];
}

// Runs in the page: the live DOM, not the HTML source, is what a reader's browser acts on.
function domProblems(): string[] {
  const urlAttrs = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcdoc'];
  const out: string[] = [];
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const a of Array.from(el.attributes)) {
      const n = a.name.toLowerCase();
      // eslint-disable-next-line no-control-regex -- browsers drop these characters from a URL's scheme
      const v = a.value.replace(/[\u0000-\u0020]/g, '');
      if (n.startsWith('on')) out.push(`<${el.localName} ${n}>`);
      else if (urlAttrs.includes(n) && /^(javascript|vbscript|data:text\/html)/i.test(v)) out.push(`<${el.localName} ${n}="${a.value.slice(0, 60)}">`);
    }
    const href = (el as HTMLAnchorElement).href;
    if (typeof href === 'string' && /^javascript:/i.test(href)) out.push(`<${el.localName}> resolves to ${href.slice(0, 60)}`);
  }
  return out;
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
      const dom = await page.evaluate(domProblems).catch((err: Error) => [`DOM not readable: ${err.message.slice(0, 80)}`]);
      return { url, status: res?.status() ?? 0, dialogs, console: consoleLines, dom, ...state };
    },
  };
}
