import { AppError } from '../../model/app-error.ts';
import { addUser, generatePassword, hashPassword } from '../../newsroom/accounts.ts';
import { changeRole } from '../../newsroom/roles.ts';
import { ROLES } from '../../newsroom/rules/workflow.ts';
import { recordAudit } from '../../store/audit.ts';
import { deleteUserSessions, getUser, listUsers, updateUserAccess } from '../../store/editor-sessions.ts';
import { countActiveAdmins, setPasswordHash } from '../../store/users.ts';
import { html, type SafeHtml } from '../html.ts';
import { csrfField, notice } from './layout.ts';
import { m } from './messages.ts';
import type { EditorRequest, EditorRouter } from './router.ts';

/*
 * Users and roles (admins only): add a user, change a role, disable an account, reset a password (shown once).
 * Disabling or resetting ends the user's sessions at once. Every change goes to the audit log.
 */

function field(body: unknown, name: string, max = 320): string {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v.trim().slice(0, max) : '';
}

async function usersScreen(e: EditorRequest, top?: SafeHtml): Promise<SafeHtml> {
  const users = await listUsers(e.deps.store.db);
  const c = e.ctx();
  const lang = e.lang;
  const roleSelect = (id: string, current: string) => html`<select id="${id}" name="role">${ROLES.map((r) => html`<option value="${r}"${r === current ? html` selected` : ''}>${r}</option>`)}</select>`;
  const rows = users.map((u) => html`<tr><td>${u.email}</td><td>${u.name}</td>
<td><form method="post" action="/editor/users/${u.id}" class="ed-inline">${csrfField(c)}<label class="visually-hidden" for="role-${u.id}">${m(lang, 'role')}</label>${roleSelect(`role-${u.id}`, u.role)}
<label><input type="checkbox" name="disabled" value="1"${u.disabled ? html` checked` : ''}> ${m(lang, 'disabled')}</label> <button type="submit">${m(lang, 'change')}</button></form></td>
<td><form method="post" action="/editor/users/${u.id}/reset" class="ed-inline">${csrfField(c)}<button type="submit">${m(lang, 'resetPassword')}</button></form></td></tr>`);
  const main = html`${top ?? ''}<div class="ed-table-wrap"><table class="ed-table"><thead><tr><th scope="col">${m(lang, 'email')}</th><th scope="col">${m(lang, 'name')}</th><th scope="col">${m(lang, 'role')}</th><th scope="col">${m(lang, 'password')}</th></tr></thead><tbody>${rows}</tbody></table></div>
<section aria-labelledby="add-h"><h2 id="add-h">${m(lang, 'addUser')}</h2><form method="post" action="/editor/users" class="ed-form ed-narrow">${csrfField(c)}
<p><label for="nu-email">${m(lang, 'email')}</label><input id="nu-email" name="email" type="email" required maxlength="320"></p>
<p><label for="nu-name">${m(lang, 'name')}</label><input id="nu-name" name="name" maxlength="200"></p>
<p><label for="nu-role">${m(lang, 'role')}</label>${roleSelect('nu-role', 'contributor')}</p><p><button type="submit">${m(lang, 'add')}</button></p></form></section>`;
  return e.page({ title: m(lang, 'usersTitle'), main, wide: true });
}

function userId(raw: unknown): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('not-found', 'no such user');
  return id;
}

/** Registers the users and roles screen. */
export function registerUsers(r: EditorRouter): void {
  r.get('/editor/users', 'admin', async (_req, _reply, e) => usersScreen(e));
  r.post('/editor/users', 'admin', async (req, _reply, e) => {
    const created = await addUser(e.deps.store, { email: field(req.body, 'email'), role: field(req.body, 'role', 20), name: field(req.body, 'name', 200), actorId: e.user!.id, now: e.deps.now() });
    return usersScreen(e, notice('ok', html`${m(e.lang, 'newPassword')} <code class="ed-secret">${created.generatedPassword ?? ''}</code>`));
  });
  r.post('/editor/users/:id', 'admin', async (req, reply, e) => {
    const id = userId((req.params as { id: string }).id);
    const user = await getUser(e.deps.store.db, id);
    if (!user) throw new AppError('not-found', 'no such user');
    const role = field(req.body, 'role', 20);
    if (!(ROLES as readonly string[]).includes(role)) throw new AppError('invalid', `role must be one of ${ROLES.join(', ')}`);
    const disabled = field(req.body, 'disabled', 5) === '1';
    // An admin cannot lock themselves out by demoting or disabling their own account.
    if (id === e.user!.id && (role !== 'admin' || disabled)) throw new AppError('invalid', 'you cannot demote or disable your own account');
    const now = e.deps.now();
    const at = now.toISOString();
    // The role through the newsroom's command (admins only, never the last admin, audited).
    if (role !== user.role) await changeRole(e.deps.store, e.actor(), user.email, role, now);
    if (disabled !== Boolean(user.disabled)) {
      if (disabled && user.role === 'admin' && (await countActiveAdmins(e.deps.store.db)) <= 1) throw new AppError('conflict', `${user.email} is the last admin`);
      await updateUserAccess(e.deps.store.db, id, { disabled }, at);
      await recordAudit(e.deps.store.db, { at, userId: e.user!.id, action: disabled ? 'user.disable' : 'user.enable', subjectType: 'user', subjectId: id });
    }
    // A changed role or a disabled account takes effect at once: its sessions end.
    if (disabled || role !== user.role) await deleteUserSessions(e.deps.store.db, id);
    return reply.code(303).header('location', '/editor/users').send();
  });
  r.post('/editor/users/:id/reset', 'admin', async (req, _reply, e) => {
    const id = userId((req.params as { id: string }).id);
    if (!(await getUser(e.deps.store.db, id))) throw new AppError('not-found', 'no such user');
    const password = generatePassword();
    const at = e.deps.now().toISOString();
    await setPasswordHash(e.deps.store.db, id, await hashPassword(password), at);
    await deleteUserSessions(e.deps.store.db, id);
    await recordAudit(e.deps.store.db, { at, userId: e.user!.id, action: 'user.password-reset', subjectType: 'user', subjectId: id });
    return usersScreen(e, notice('ok', html`${m(e.lang, 'newPassword')} <code class="ed-secret">${password}</code>`));
  });
}
