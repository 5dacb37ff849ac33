import { captureUrl } from '../../ingest/capture.ts';
import { AppError } from '../../model/app-error.ts';
import { recommend, type RecommendResult } from '../../newsroom/recommend.ts';
import { html, type SafeHtml } from '../html.ts';
import { csrfField, notice } from './layout.ts';
import { m } from './messages.ts';
import type { EditorRequest, EditorRouter } from './router.ts';

/*
 * The Capture screen: paste a URL (or arrive with ?url= from the bookmarklet or a phone's share sheet), and
 * newsdesk fetches it through safeFetch, extracts it, and makes a draft recommendation that opens in the edit
 * screen beside its preview. Arriving with ?url= only fills the form: a GET never fetches or creates anything,
 * so a link on another site cannot make us fetch on an editor's behalf.
 */

// Two submissions of one URL at once (a double click) share one capture and one draft instead of racing.
const inFlight = new Map<string, Promise<RecommendResult | { error: string }>>();

function captureForm(e: EditorRequest, url: string, error?: string): SafeHtml {
  const lang = e.lang;
  const origin = e.deps.siteUrl.replace(/\/$/, '');
  // Shown as text to copy, never as a javascript: link: our pages carry no script URLs at all.
  const bookmarklet = `javascript:location.href='${origin}/editor/capture?url='+encodeURIComponent(location.href)`;
  return html`<p>${m(lang, 'captureIntro')}</p>
${error ? notice('error', error, m(lang, 'captureRefused')) : ''}
<form method="post" action="/editor/capture" class="ed-form ed-capture" data-busy="${m(lang, 'captureWait')}">${csrfField(e.ctx())}
<p><label for="url">${m(lang, 'url')}</label><input id="url" name="url" type="url" inputmode="url" required maxlength="4000" value="${url}" placeholder="https://"></p>
<p><button type="submit" class="ed-primary">${m(lang, 'captureButton')}</button></p>
<p class="ed-busy" hidden role="status">${m(lang, 'captureWait')}</p></form>
<section class="ed-bookmarklet" aria-labelledby="bm-h"><h2 id="bm-h">${m(lang, 'bookmarkletTitle')}</h2>
<p>${m(lang, 'bookmarkletIntro')}</p><p><code>${bookmarklet}</code></p><p><code>${origin}/editor/capture?url=…</code></p></section>`;
}

async function captureAndDraft(e: EditorRequest, url: string): Promise<RecommendResult | { error: string }> {
  const { store, fetchPage, now } = e.deps;
  if (!fetchPage) return { error: 'capturing is not configured on this server (no fetcher)' };
  // 1. Capture through safeFetch (private addresses, oversize pages and non-articles come back as one line).
  const captured = await captureUrl(store, fetchPage, url, { now, userId: e.user!.id });
  if (!captured.ok) return { error: captured.message };
  // 2. The draft recommendation with every field prefilled by the newsroom's rules (or the existing one).
  try {
    return await recommend(store, fetchPage, e.actor(), { source: String(captured.captureId) }, now);
  } catch (err) {
    if (err instanceof AppError && (err.code === 'invalid' || err.code === 'unavailable')) return { error: err.message };
    throw err;
  }
}

/** The URL a bookmarklet or share sheet passed: `url`, else the first http(s) URL in `text` (phones often put it there). */
export function sharedUrl(q: Record<string, unknown>): string {
  if (typeof q.url === 'string' && q.url.trim()) return q.url.trim().slice(0, 4000);
  const found = typeof q.text === 'string' ? /https?:\/\/[^\s<>"]+/i.exec(q.text) : null;
  return found ? found[0].slice(0, 4000) : '';
}

/** Captures a URL and makes its draft recommendation; concurrent calls for one URL share one run. */
export function captureToDraft(e: EditorRequest, url: string): Promise<RecommendResult | { error: string }> {
  const key = url.toLowerCase();
  let run = inFlight.get(key);
  if (!run) {
    run = captureAndDraft(e, url).finally(() => inFlight.delete(key));
    inFlight.set(key, run);
  }
  return run;
}

/** Registers the Capture screen. */
export function registerCapture(r: EditorRouter): void {
  r.get('/editor/capture', 'contributor', async (req, _reply, e) => {
    return e.page({ title: m(e.lang, 'captureTitle'), main: captureForm(e, sharedUrl(req.query as Record<string, unknown>)) });
  });
  r.post('/editor/capture', 'contributor', async (req, reply, e) => {
    const raw = (req.body as Record<string, unknown>)?.url;
    const url = typeof raw === 'string' ? raw.trim().slice(0, 4000) : '';
    const result = await captureToDraft(e, url);
    if ('error' in result) {
      const error = result.error;
      return reply.code(422).type('text/html; charset=utf-8').send(e.page({ title: m(e.lang, 'captureTitle'), main: captureForm(e, url, error) }).value);
    }
    return reply.code(303).header('location', `/editor/pieces/${result.id}`).send();
  });
}
