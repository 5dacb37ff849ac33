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
