import type { Kysely } from 'kysely';
import type { Database } from './database.ts';

/** One audit entry: who did what to which record. */
export interface AuditEntry {
  at: string;
  userId: number | null;
  action: string;
  subjectType?: string;
  subjectId?: string | number;
  details?: Record<string, unknown>;
}

/** Appends to the audit log. */
export async function recordAudit(db: Kysely<Database>, e: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values({
    at: e.at, user_id: e.userId, action: e.action, subject_type: e.subjectType ?? null,
    subject_id: e.subjectId === undefined ? null : String(e.subjectId), details: e.details ? JSON.stringify(e.details) : null,
  }).execute();
}

/** The newest audit entries. */
export async function recentAudit(db: Kysely<Database>, limit = 50) {
  return db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

/** One page of the audit log, newest first, with the acting user's name and e-mail where there was one. */
export async function listAudit(db: Kysely<Database>, o: { beforeId?: number; actionGroup?: string; limit: number }) {
  let q = db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.user_id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.action', 'audit_log.subject_type', 'audit_log.subject_id', 'audit_log.details',
      'users.name as user_name', 'users.email as user_email']);
  if (o.beforeId !== undefined) q = q.where('audit_log.id', '<', o.beforeId);
  // Groups are the part before the first dot ("auth" for "auth.sign-in-failed"); callers pass [a-z-] only, so no LIKE wildcard.
  if (o.actionGroup) q = q.where((w) => w.or([w('audit_log.action', '=', o.actionGroup!), w('audit_log.action', 'like', `${o.actionGroup}.%`)]));
  const rows = await q.orderBy('audit_log.id', 'desc').limit(o.limit).execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}
