import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '../../model/site.ts';
import type { Store } from '../../store/open.ts';
import { deleteSession, findLiveSession, insertSession, touchSession, type SessionWithUser } from '../../store/editor-sessions.ts';

/*
 * The session cookie holds 32 random bytes; the database keeps only their SHA-256, so neither a database leak
 * nor a log line can be turned back into a signed-in browser. Sessions slide: each use (at most every few
 * minutes, to spare writes) pushes the expiry forward; an idle session ends on its own.
 */

/** Cookie names; both scoped to /editor so reader pages never carry them. */
export const SESSION_COOKIE = 'nd_session';
export const LANG_COOKIE = 'nd_lang';
/** How long an idle session lives. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/** The SHA-256 (hex) of a session token: what the database stores. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Cookie options of the editor's cookies: HttpOnly, SameSite=Lax, Secure when the site is served over https. */
export function cookieOptions(secure: boolean, maxAgeMs?: number) {
  return { path: '/editor', httpOnly: true, sameSite: 'lax' as const, secure, ...(maxAgeMs ? { maxAge: Math.floor(maxAgeMs / 1000) } : {}) };
}

/** The live session of a request (sliding its expiry), or null. */
export async function currentSession(store: Store, req: FastifyRequest, now: Date): Promise<(SessionWithUser & { hash: string }) | null> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token || token.length > 100) return null;
  const hash = hashToken(token);
  const s = await findLiveSession(store.db, hash, now.toISOString());
  if (!s) return null;
  if (now.getTime() - Date.parse(s.lastSeenAt) > TOUCH_EVERY_MS) {
    await touchSession(store.db, hash, now.toISOString(), new Date(now.getTime() + SESSION_IDLE_MS).toISOString());
  }
  return { ...s, hash };
}

/** Starts a new session (always a new id: no session fixation) and sets its cookie; returns the token's hash. */
export async function startSession(store: Store, req: FastifyRequest, reply: FastifyReply, userId: number, now: Date, secure: boolean): Promise<string> {
  const old = req.cookies[SESSION_COOKIE];
  if (old && old.length <= 100) await deleteSession(store.db, hashToken(old));
  const token = crypto.randomBytes(32).toString('base64url');
  const hash = hashToken(token);
  await insertSession(store.db, { idHash: hash, userId, now: now.toISOString(), expiresAt: new Date(now.getTime() + SESSION_IDLE_MS).toISOString(), userAgent: req.headers['user-agent'] ?? null });
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(secure));
  return hash;
}

/** Ends the request's session and clears its cookie. */
export async function endSession(store: Store, req: FastifyRequest, reply: FastifyReply, secure: boolean): Promise<void> {
  const token = req.cookies[SESSION_COOKIE];
  if (token && token.length <= 100) await deleteSession(store.db, hashToken(token));
  reply.clearCookie(SESSION_COOKIE, cookieOptions(secure));
}

/** The interface language: the editor's choice (cookie), else the browser's preference, else English. */
export function requestLanguage(req: FastifyRequest): Language {
  const chosen = req.cookies[LANG_COOKIE];
  if (chosen === 'en' || chosen === 'uk') return chosen;
  return /^\s*uk\b/i.test(String(req.headers['accept-language'] ?? '')) ? 'uk' : 'en';
}
