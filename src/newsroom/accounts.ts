import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { AppError } from '../model/app-error.ts';
import { recordAudit } from '../store/audit.ts';
import type { Store } from '../store/open.ts';
import { countUsers, insertUser, ROLES, type Role } from '../store/users.ts';

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes): slow for a cracker, ~50 ms for us.
const ARGON = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON);
}

/** Checks a password against an argon2 hash; false for any malformed hash. */
export async function verifyPassword(hashText: string, password: string): Promise<boolean> {
  return verify(hashText, password).catch(() => false);
}

/** A random password that is easy to copy: 4 groups of 5 base32 characters (100 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = crypto.randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

const input = z.object({
  email: z.email({ error: 'is not a valid email address' }),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }),
  name: z.string().trim().max(200).optional(),
  password: z.string().min(10, 'must have at least 10 characters').max(1024, 'must have at most 1024 characters').optional(),
});

/** Creates an account. Without a password one is generated and returned, to be shown once. */
export async function addUser(store: Store, args: { email: string; role: string; name?: string; password?: string; actorId?: number | null; now: Date }): Promise<{ id: number; generatedPassword?: string }> {
  const parsed = input.safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('invalid', `${String(issue.path[0])} ${issue.message}`);
  }
  const generated = parsed.data.password ? undefined : generatePassword();
  const password = parsed.data.password ?? generated!;
  const email = parsed.data.email.toLowerCase();
  try {
    const id = await insertUser(store.db, { email, name: parsed.data.name || email.split('@')[0]!, role: parsed.data.role as Role, passwordHash: await hashPassword(password), now: args.now.toISOString() });
    await recordAudit(store.db, { at: args.now.toISOString(), userId: args.actorId ?? null, action: 'user.create', subjectType: 'user', subjectId: id, details: { email, role: parsed.data.role } });
    return generated ? { id, generatedPassword: generated } : { id };
  } catch (err) {
    if (/unique|duplicate/i.test((err as Error).message)) throw new AppError('conflict', `a user with email ${email} already exists`);
    throw err;
  }
}

/** On an empty database, creates the first admin and returns its login (to be printed once); otherwise null. */
export async function ensureFirstAdmin(store: Store, now: Date): Promise<{ email: string; password: string } | null> {
  if ((await countUsers(store.db)) > 0) return null;
  const email = 'admin@newsdesk.localhost';
  try {
    const { generatedPassword } = await addUser(store, { email, role: 'admin', name: 'Administrator', now });
    return { email, password: generatedPassword! };
  } catch (err) {
    // Another process starting at the same moment created it first.
    if (err instanceof AppError && err.code === 'conflict') return null;
    throw err;
  }
}
