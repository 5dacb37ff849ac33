import { html, type SafeHtml } from '../html.ts';
import { csrfField, notice } from './layout.ts';
import { m } from './messages.ts';
import type { EditorRequest } from './router.ts';

/** A form that was being sent when the session ended: where to, and its fields. */
export interface ResumeData {
  action: string;
  fields: Record<string, string>;
}

/** Only editor paths may be resumed or returned to (no open redirect). */
export function safeEditorPath(p: unknown): string | null {
  return typeof p === 'string' && /^\/editor(\/|$|\?)/.test(p) && !p.startsWith('//') && !/[\\\r\n]/.test(p) ? p : null;
}

/** The sign-in screen; with `resume`, carries the unsent form along so nothing typed is lost. */
export function signInPage(e: EditorRequest, opts: { error?: string; expired?: boolean; next?: string; email?: string; resume?: ResumeData; info?: string } = {}): SafeHtml {
  const c = e.ctx();
  const lang = e.lang;
  const main = html`${opts.expired ? notice('warn', m(lang, 'sessionExpired')) : ''}${opts.info ? notice('ok', opts.info) : ''}${opts.error ? notice('error', opts.error) : ''}
<form method="post" action="/editor/sign-in" class="ed-form ed-narrow">${csrfField(c)}
${opts.next ? html`<input type="hidden" name="next" value="${opts.next}">` : ''}
${opts.resume ? html`<input type="hidden" name="_resume" value="${JSON.stringify(opts.resume)}">` : ''}
<p><label for="email">${m(lang, 'email')}</label><input id="email" name="email" type="email" autocomplete="username" required maxlength="320" value="${opts.email ?? ''}"></p>
<p><label for="password">${m(lang, 'password')}</label><input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024"></p>
<p><button type="submit" class="ed-primary">${m(lang, 'signIn')}</button></p></form>`;
  return e.page({ title: m(lang, 'signIn'), main });
}

/** After signing in again: the unsent form, shown as text and ready to send with a fresh token. */
export function resumePage(e: EditorRequest, r: ResumeData): SafeHtml {
  const c = e.ctx();
  const entries = Object.entries(r.fields);
  const main = html`${notice('ok', m(e.lang, 'resumeIntro'))}
<form method="post" action="${r.action}" class="ed-form">${csrfField(c)}
${entries.map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
<dl class="ed-resume">${entries.filter(([, v]) => v.trim()).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
<p><button type="submit" class="ed-primary">${m(e.lang, 'resumeButton')}</button></p></form>`;
  return e.page({ title: m(e.lang, 'resumeTitle'), main });
}
