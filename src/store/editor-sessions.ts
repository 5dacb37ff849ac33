import type { Kysely } from 'kysely';
import type { Database } from './database.ts';
import type { UserRecord } from './users.ts';

/*
 * Editors' sessions and sign-in bookkeeping. The `sessions.id` column holds the SHA-256 of the cookie's token,
 * never the token itself: a leaked database (or backup) cannot be replayed as a signed-in browser.
 */

const USER_COLUMNS = ['users.id', 'users.email', 'users.name', 'users.role', 'users.disabled', 'users.failed_logins', 'users.locked_until', 'users.created_at', 'users.updated_at'] as const;

/** A live session with its user (no password hash). */
export interface SessionWithUser {
  id: string;
  expiresAt: string;
  lastSeenAt: string;
  user: UserRecord;
}

/** Stores a new session under the hash of its token. */
export async function insertSession(db: Kysely<Database>, s: { idHash: string; userId: number; now: string; expiresAt: string; userAgent: string | null }): Promise<void> {
  await db.insertInto('sessions').values({
    id: s.idHash, user_id: s.userId, created_at: s.now, expires_at: s.expiresAt, last_seen_at: s.now, user_agent: s.userAgent?.slice(0, 300) ?? null,
  }).execute();
}

/** The unexpired session with this token hash and its enabled user, or undefined. */
export async function findLiveSession(db: Kysely<Database>, idHash: string, now: string): Promise<SessionWithUser | undefined> {
  const row = await db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id')
    .select([...USER_COLUMNS, 'sessions.id as session_id', 'sessions.expires_at', 'sessions.last_seen_at'])
    .where('sessions.id', '=', idHash).where('sessions.expires_at', '>', now).where('users.disabled', '=', 0).executeTakeFirst();
  if (!row) return undefined;
  const { session_id, expires_at, last_seen_at, ...user } = row;
  return { id: session_id, expiresAt: expires_at, lastSeenAt: last_seen_at, user: { ...user, id: Number(user.id) } };
}

/** Slides a session's expiry forward. */
export async function touchSession(db: Kysely<Database>, idHash: string, now: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', idHash).execute();
}

/** Ends one session. */
export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', idHash).execute();
}

/** Ends every session of a user (sign out everywhere, password reset, disabling); returns how many. */
export async function deleteUserSessions(db: Kysely<Database>, userId: number): Promise<number> {
  const r = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Number of live sessions of a user. */
export async function countUserSessions(db: Kysely<Database>, userId: number, now: string): Promise<number> {
  const row = await db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('expires_at', '>', now).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Counts a failed sign-in; locks the account until `lockUntil` once `failures` reaches `threshold`. Returns the new count. */
export async function recordFailedLogin(db: Kysely<Database>, userId: number, threshold: number, lockUntil: string, now: string): Promise<{ failures: number; locked: boolean }> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('users').select('failed_logins').where('id', '=', userId).executeTakeFirstOrThrow();
    const failures = Number(row.failed_logins) + 1;
    const locked = failures >= threshold;
    // The count restarts after a lockout, so the next lockout needs `threshold` new failures.
    await trx.updateTable('users').set({ failed_logins: locked ? 0 : failures, ...(locked ? { locked_until: lockUntil } : {}), updated_at: now }).where('id', '=', userId).execute();
    return { failures, locked };
  });
}

/** Clears failed sign-ins and any lockout after a successful sign-in. */
export async function clearFailedLogins(db: Kysely<Database>, userId: number): Promise<void> {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}

/** Every user, for the admins' screen (no password hashes). */
export async function listUsers(db: Kysely<Database>): Promise<UserRecord[]> {
  const rows = await db.selectFrom('users').select(USER_COLUMNS).orderBy('email').execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** One user by id (no password hash). */
export async function getUser(db: Kysely<Database>, id: number): Promise<UserRecord | undefined> {
  const r = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return r ? { ...r, id: Number(r.id) } : undefined;
}

/** Changes a user's role and/or disabled flag. */
export async function updateUserAccess(db: Kysely<Database>, id: number, set: { role?: string; disabled?: boolean }, now: string): Promise<void> {
  await db.updateTable('users').set({
    ...(set.role ? { role: set.role } : {}), ...(set.disabled === undefined ? {} : { disabled: set.disabled ? 1 : 0 }), updated_at: now,
  }).where('id', '=', id).execute();
}
