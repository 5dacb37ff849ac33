import type { Kysely, Selectable } from 'kysely';
import type { Database, UsersTable } from './database.ts';

/** The roles a user can have. */
export const ROLES = ['admin', 'editor', 'contributor'] as const;
export type Role = (typeof ROLES)[number];

/** A user row without the password hash, safe to pass around. */
export type UserRecord = Omit<Selectable<UsersTable>, 'password_hash'>;

/** Creates a user; the caller hashes the password. Throws on a duplicate email (unique index). */
export async function insertUser(db: Kysely<Database>, u: { email: string; name: string; role: Role; passwordHash: string; now: string }): Promise<number> {
  const row = await db.insertInto('users').values({
    email: u.email.toLowerCase(), name: u.name, role: u.role, password_hash: u.passwordHash, created_at: u.now, updated_at: u.now,
  }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Number of users (zero means first start). */
export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Finds a user by email, including the hash (for sign-in only). */
export async function findUserForLogin(db: Kysely<Database>, email: string): Promise<Selectable<UsersTable> | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

/** Finds a user by email without the hash. */
export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRecord | undefined> {
  return db.selectFrom('users').select(['id', 'email', 'name', 'role', 'disabled', 'failed_logins', 'locked_until', 'created_at', 'updated_at'])
    .where('email', '=', email.toLowerCase()).executeTakeFirst();
}

/** Replaces a user's password hash. */
export async function setPasswordHash(db: Kysely<Database>, id: number, passwordHash: string, now: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, updated_at: now, failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
}

/** Sets a user's role. */
export async function setUserRole(db: Kysely<Database>, id: number, role: Role, now: string): Promise<void> {
  await db.updateTable('users').set({ role, updated_at: now }).where('id', '=', id).execute();
}

/** Number of admins who can still sign in. */
export async function countActiveAdmins(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').where('disabled', '=', 0).executeTakeFirstOrThrow();
  return Number(row.n);
}
