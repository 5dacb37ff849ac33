import type { Command } from 'commander';
import { SYSTEM, type Actor } from '../newsroom/actor.ts';
import type { Store } from '../store/open.ts';
import { findUserByEmail } from '../store/users.ts';
import { CliError } from './cli-error.ts';

/** The actor of a command: the user named by the global `--as EMAIL` (their role is enforced), else the operator as admin. */
export async function actorFor(store: Store, cmd: Command): Promise<Actor> {
  const email = (cmd.optsWithGlobals() as { as?: string }).as;
  if (!email) return SYSTEM;
  const user = await findUserByEmail(store.db, email);
  if (!user || Number(user.disabled) === 1) throw new CliError(`--as ${email}: no such active user`, 2);
  return { userId: Number(user.id), role: user.role as Actor['role'], label: user.email };
}
