import { AppError } from '../model/app-error.ts';
import type { PieceState } from '../model/piece.ts';
import { check, type Action, type Role } from './rules/workflow.ts';

/** Who is acting: a signed-in user, or the system itself (scheduled jobs, operators' CLI without --as). */
export interface Actor {
  userId: number | null;
  role: Role;
  /** For messages and the audit log. */
  label: string;
}

/** The system acting on its own (scheduled publishing, the operator's shell). */
export const SYSTEM: Actor = Object.freeze({ userId: null, role: 'admin', label: 'system' });

/** Throws AppError('forbidden' or 'conflict') unless `actor` may do `action` to a piece in `state`. */
export function requireAllowed(actor: Actor, action: Action, piece?: { state: string; created_by: number | null }): void {
  const ctx = piece ? { state: piece.state as PieceState, isOwner: actor.userId !== null && piece.created_by === actor.userId } : {};
  const verdict = check(actor.role, action, ctx);
  if (!verdict.ok) throw new AppError(verdict.reason === 'forbidden' ? 'forbidden' : 'conflict', verdict.message);
}
