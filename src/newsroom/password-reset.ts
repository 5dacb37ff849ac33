import crypto from 'node:crypto';
import { AppError } from '../model/app-error.ts';
import { recordAudit } from '../store/audit.ts';
import { deleteUserSessions } from '../store/editor-sessions.ts';
import type { Store } from '../store/open.ts';
import { consumeReset, findLiveReset, insertReset } from '../store/password-resets.ts';
import { findUserByEmail, setPasswordHash } from '../store/users.ts';
import { hashPassword } from './accounts.ts';

/** How long a reset link works. */
export const RESET_TTL_MS = 24 * 3600_000;

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Makes a one-time reset link for an account (shown once, to be handed to its owner). */
export async function createResetLink(store: Store, email: string, siteUrl: string, now: Date): Promise<{ url: string; expiresAt: string }> {
  const user = await findUserByEmail(store.db, email);
  if (!user || Number(user.disabled) === 1) throw new AppError('not-found', `no active user with email ${email}`);
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + RESET_TTL_MS).toISOString();
  await insertReset(store.db, { tokenHash: hashToken(token), userId: user.id, now: now.toISOString(), expiresAt });
  await recordAudit(store.db, { at: now.toISOString(), userId: null, action: 'user.reset-link', subjectType: 'user', subjectId: user.id });
  return { url: `${siteUrl}/editor/reset/${token}`, expiresAt };
}

/** True when the token is a live link (the form is shown only then). */
export async function resetLinkIsLive(store: Store, token: string, now: Date): Promise<boolean> {
  return (await findLiveReset(store.db, hashToken(token), now.toISOString())) !== undefined;
}

/** Sets a new password through a link: once only, before it expires; signs the user out everywhere. */
export async function resetPassword(store: Store, token: string, password: string, now: Date): Promise<void> {
  if (password.length < 10) throw new AppError('invalid', 'password must have at least 10 characters');
  if (password.length > 1024) throw new AppError('invalid', 'password must have at most 1024 characters');
  const hash = hashToken(token);
  const live = await findLiveReset(store.db, hash, now.toISOString());
  if (!live || !(await consumeReset(store.db, hash, now.toISOString()))) throw new AppError('gone', 'this reset link was already used or has expired; ask an admin for a new one');
  await setPasswordHash(store.db, live.userId, await hashPassword(password), now.toISOString());
  await deleteUserSessions(store.db, live.userId);
  await recordAudit(store.db, { at: now.toISOString(), userId: live.userId, action: 'user.password-reset', subjectType: 'user', subjectId: live.userId, details: { via: 'link' } });
}
