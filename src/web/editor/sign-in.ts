import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashPassword, verifyPassword } from '../../newsroom/accounts.ts';
import { recordAudit } from '../../store/audit.ts';
import { clearFailedLogins, deleteUserSessions, recordFailedLogin } from '../../store/editor-sessions.ts';
import { findUserForLogin } from '../../store/users.ts';
import { m } from './messages.ts';
import type { EditorRequest, EditorRouter } from './router.ts';
import { cookieOptions, endSession, LANG_COOKIE, startSession } from './session.ts';
import { resumePage, safeEditorPath, signInPage, type ResumeData } from './sign-in-page.ts';

/*
 * Sign-in: a per-address rate limit (the route's config, @fastify/rate-limit) slows guessing from one place; a
 * per-account lockout recorded on the user row stops guessing one account from many places. Every success,
 * failure and lockout goes to the audit log. An unknown email costs the same argon2 work as a wrong password,
 * so timing does not reveal which emails exist.
 */

/** Failed sign-ins in a row that lock an account. */
export const LOCKOUT_THRESHOLD = 5;
/** How long a lockout lasts. */
export const LOCKOUT_MS = 15 * 60 * 1000;
/** Sign-in attempts one address may make per minute. */
export const SIGN_IN_PER_MINUTE = 10;

let dummyHash: Promise<string> | null = null;

function field(body: unknown, name: string, max: number): string {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v.slice(0, max) : '';
}

function parseResume(raw: string): ResumeData | undefined {
  try {
    const r = JSON.parse(raw) as ResumeData;
    const action = safeEditorPath(r?.action);
    if (!action || typeof r.fields !== 'object' || r.fields === null) return undefined;
    const fields = Object.fromEntries(Object.entries(r.fields).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    return { action, fields };
  } catch {
    return undefined;
  }
}

async function attempt(req: FastifyRequest, reply: FastifyReply, e: EditorRequest, secure: boolean): Promise<unknown> {
  const { store, now } = e.deps;
  const at = now();
  const email = field(req.body, 'email', 320).trim().toLowerCase();
  const password = field(req.body, 'password', 1024);
  const next = safeEditorPath(field(req.body, 'next', 2000)) ?? undefined;
  const resume = parseResume(field(req.body, '_resume', 1_000_000));
  const again = (status: number, error: string) => reply.code(status).type('text/html; charset=utf-8').send(signInPage(e, { error, email, ...(next ? { next } : {}), ...(resume ? { resume } : {}) }).value);
  const user = await findUserForLogin(store.db, email);
  if (!user || user.disabled) {
    await verifyPassword(await (dummyHash ??= hashPassword('not-a-real-password')), password);
    await recordAudit(store.db, { at: at.toISOString(), userId: null, action: 'auth.sign-in-failed', details: { email, reason: user ? 'disabled' : 'unknown-email', ip: req.ip } });
    return again(401, m(e.lang, 'badLogin'));
  }
  const id = Number(user.id);
  if (user.locked_until && user.locked_until > at.toISOString()) {
    await recordAudit(store.db, { at: at.toISOString(), userId: id, action: 'auth.sign-in-refused-locked', subjectType: 'user', subjectId: id, details: { ip: req.ip } });
    return again(429, m(e.lang, 'locked'));
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    const r = await recordFailedLogin(store.db, id, LOCKOUT_THRESHOLD, new Date(at.getTime() + LOCKOUT_MS).toISOString(), at.toISOString());
    await recordAudit(store.db, { at: at.toISOString(), userId: id, action: r.locked ? 'auth.locked-out' : 'auth.sign-in-failed', subjectType: 'user', subjectId: id, details: { failures: r.failures, ip: req.ip } });
    return r.locked ? again(429, m(e.lang, 'locked')) : again(401, m(e.lang, 'badLogin'));
  }
  await clearFailedLogins(store.db, id);
  // A new session id on every sign-in (no fixation), and a new CSRF secret bound to it.
  e.sessionHash = await startSession(store, req, reply, id, at, secure);
  const { password_hash: _hidden, ...record } = user;
  e.user = { ...record, id };
  delete (req.cookies as Record<string, string | undefined>)['_csrf'];
  await recordAudit(store.db, { at: at.toISOString(), userId: id, action: 'auth.sign-in', subjectType: 'user', subjectId: id, details: { ip: req.ip } });
  if (resume) return resumePage(e, resume);
  return reply.code(303).header('location', next ?? '/editor').send();
}

/** Registers sign-in, sign-out, sign-out-everywhere, the language switch and the /editor entry. */
export function registerSignIn(r: EditorRouter): void {
  const secure = r.secureCookies;
  r.get('/editor', 'contributor', async (_req, reply, e) => reply.code(303).header('location', e.user!.role === 'contributor' ? '/editor/capture' : '/editor/pieces').send());
  r.get('/editor/sign-in', 'anonymous', async (req, reply, e) => {
    const next = safeEditorPath((req.query as Record<string, unknown>).next) ?? undefined;
    if (e.user) return reply.code(303).header('location', next ?? '/editor').send();
    return signInPage(e, next ? { next } : {});
  });
  r.post('/editor/sign-in', 'anonymous', (req, reply, e) => attempt(req, reply, e, secure),
    { rateLimit: { max: SIGN_IN_PER_MINUTE, timeWindow: 60_000 } });
  r.post('/editor/sign-out', 'contributor', async (req, reply, e) => {
    await endSession(e.deps.store, req, reply, secure);
    await recordAudit(e.deps.store.db, { at: e.deps.now().toISOString(), userId: e.user!.id, action: 'auth.sign-out', subjectType: 'user', subjectId: e.user!.id });
    return reply.code(303).header('location', '/editor/sign-in').send();
  });
  r.post('/editor/sign-out-everywhere', 'contributor', async (_req, reply, e) => {
    const n = await deleteUserSessions(e.deps.store.db, e.user!.id);
    await recordAudit(e.deps.store.db, { at: e.deps.now().toISOString(), userId: e.user!.id, action: 'auth.sign-out-everywhere', subjectType: 'user', subjectId: e.user!.id, details: { sessions: n } });
    reply.clearCookie('nd_session', cookieOptions(secure));
    e.user = null;
    e.sessionHash = null;
    return signInPage(e, { info: m(e.lang, 'signedOutEverywhere') });
  });
  r.post('/editor/language', 'anonymous', async (req, reply) => {
    const to = field(req.body, 'to', 5) === 'uk' ? 'uk' : 'en';
    reply.setCookie(LANG_COOKIE, to, cookieOptions(secure, 365 * 24 * 3600 * 1000));
    return reply.code(303).header('location', safeEditorPath(field(req.body, 'back', 2000)) ?? '/editor').send();
  });
}
