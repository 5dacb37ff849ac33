import { AppError } from '../model/app-error.ts';
import { recordAudit } from '../store/audit.ts';
import type { Store } from '../store/open.ts';
import { countActiveAdmins, findUserByEmail, ROLES, setUserRole, type Role } from '../store/users.ts';
import { requireAllowed, type Actor } from './actor.ts';

/** Changes a user's role (admins only); refuses to demote the last admin, and audits the change. */
export async function changeRole(store: Store, actor: Actor, email: string, role: string, now: Date): Promise<void> {
  requireAllowed(actor, 'manage-users');
  if (!(ROLES as readonly string[]).includes(role)) throw new AppError('invalid', `role must be one of ${ROLES.join(', ')}`);
  const user = await findUserByEmail(store.db, email);
  if (!user) throw new AppError('not-found', `no user with email ${email}`);
  if (user.role === 'admin' && role !== 'admin') {
    if ((await countActiveAdmins(store.db)) <= 1) throw new AppError('conflict', `${email} is the last admin; make someone else admin first`);
  }
  await setUserRole(store.db, user.id, role as Role, now.toISOString());
  await recordAudit(store.db, { at: now.toISOString(), userId: actor.userId, action: 'user.role', subjectType: 'user', subjectId: user.id, details: { from: user.role, to: role, by: actor.label } });
}
