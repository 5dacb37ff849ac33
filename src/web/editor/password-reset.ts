import { AppError } from '../../model/app-error.ts';
import { resetLinkIsLive, resetPassword } from '../../newsroom/password-reset.ts';
import { html } from '../html.ts';
import { csrfField, notice } from './layout.ts';
import { m } from './messages.ts';
import type { EditorRequest, EditorRouter } from './router.ts';
import { signInPage } from './sign-in-page.ts';

function form(e: EditorRequest, token: string, error?: string) {
  const main = html`${error ? notice('error', error) : ''}<p>${m(e.lang, 'resetIntro')}</p>
<form method="post" action="/editor/reset/${token}" class="ed-form ed-narrow">${csrfField(e.ctx())}
<p><label for="password">${m(e.lang, 'resetNewPassword')}</label><input id="password" name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="1024"></p>
<p><button type="submit" class="ed-primary">${m(e.lang, 'resetButton')}</button></p></form>`;
  return e.page({ title: m(e.lang, 'resetTitle'), main });
}

function invalid(e: EditorRequest) {
  return e.page({ title: m(e.lang, 'resetTitle'), main: notice('error', m(e.lang, 'resetInvalid')) });
}

/** The one-time reset link printed by `newsdesk user reset-link`: a form to set a new password. */
export function registerPasswordReset(r: EditorRouter): void {
  r.get('/editor/reset/:token', 'anonymous', async (req, reply, e) => {
    const { token } = req.params as { token: string };
    reply.header('referrer-policy', 'no-referrer');
    if (!(await resetLinkIsLive(e.deps.store, token, e.deps.now()))) return reply.code(410).type('text/html; charset=utf-8').send(invalid(e).value);
    return form(e, token);
  });
  r.post('/editor/reset/:token', 'anonymous', async (req, reply, e) => {
    const { token } = req.params as { token: string };
    const password = String((req.body as Record<string, unknown> | undefined)?.password ?? '');
    try {
      await resetPassword(e.deps.store, token, password, e.deps.now());
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'gone') return reply.code(410).type('text/html; charset=utf-8').send(invalid(e).value);
      return reply.code(400).type('text/html; charset=utf-8').send(form(e, token, err.message).value);
    }
    return signInPage(e, { info: m(e.lang, 'resetDone') });
  }, { rateLimit: { max: 10, timeWindow: 60_000 } });
}
