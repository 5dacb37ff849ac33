/**
 * The workflow policy: which state changes exist and who may do what. Every command checks it,
 * not only the UI. Pure: the caller passes the role, the piece's state and whether the user owns it.
 */
import type { PieceState } from '../../model/piece.ts';

/** Roles of newsroom users. */
export const ROLES = ['admin', 'editor', 'contributor'] as const;
export type Role = (typeof ROLES)[number];

/** Things a user may try to do. */
export const ACTIONS = [
  'capture', 'create', 'edit', 'submit', 'return', 'publish', 'schedule', 'unschedule', 'unpublish', 'retract', 'correct',
  'manage-outlets', 'manage-people', 'manage-tags', 'manage-users', 'manage-settings',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Actions that move a piece from one state to another. */
export type TransitionAction = 'submit' | 'return' | 'publish' | 'schedule' | 'unschedule' | 'unpublish' | 'retract';

/**
 * The allowed state changes. `review` is optional: editors may publish a draft directly.
 * `return` sends a piece in review back to its author; `unpublish` takes a published piece back to
 * draft (its URL stops answering); `retract` keeps the URL, answering 410 with the retraction note.
 * Scheduling again while scheduled moves the time. Retraction is final.
 */
export const TRANSITIONS: Readonly<Record<TransitionAction, { from: readonly PieceState[]; to: PieceState }>> = {
  submit: { from: ['draft'], to: 'review' },
  return: { from: ['review'], to: 'draft' },
  publish: { from: ['draft', 'review', 'scheduled'], to: 'published' },
  schedule: { from: ['draft', 'review', 'scheduled'], to: 'scheduled' },
  unschedule: { from: ['scheduled'], to: 'draft' },
  unpublish: { from: ['published'], to: 'draft' },
  retract: { from: ['published'], to: 'retracted' },
};

function isTransition(action: Action): action is TransitionAction {
  return Object.hasOwn(TRANSITIONS, action);
}

/** The state after `action`, or null when the action does not apply in `state`. */
export function nextState(state: PieceState, action: TransitionAction): PieceState | null {
  const t = TRANSITIONS[action];
  return t.from.includes(state) ? t.to : null;
}

// Piece actions that need a state (edit and correct are not transitions but still depend on it).
const STATES_FOR: Partial<Record<Action, readonly PieceState[]>> = {
  edit: ['draft', 'review', 'scheduled', 'published'],
  correct: ['published'],
};

const EDITOR_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'capture', 'create', 'edit', 'submit', 'return', 'publish', 'schedule', 'unschedule', 'unpublish', 'retract', 'correct',
  'manage-outlets', 'manage-people', 'manage-tags',
]);

/** Context about the piece an action is about; omitted for actions that are not about one piece. */
export interface ActionContext {
  isOwner?: boolean;
  state?: PieceState;
}

/** Why an action was refused: the role may not, or the piece's state does not allow it. */
export type Verdict = { ok: true } | { ok: false; reason: 'forbidden' | 'invalid-state'; message: string };

function roleAllows(role: Role, action: Action, ctx: ActionContext): boolean {
  if (role === 'admin') return true;
  if (role === 'editor') return EDITOR_ACTIONS.has(action);
  // A contributor works on their own drafts only, and hands them over by submitting for review.
  if (action === 'capture' || action === 'create') return true;
  if (action === 'edit' || action === 'submit') return ctx.isOwner === true && (ctx.state === undefined || ctx.state === 'draft');
  return false;
}

function stateAllows(action: Action, state: PieceState | undefined): boolean {
  if (state === undefined) return true;
  if (isTransition(action)) return nextState(state, action) !== null;
  const states = STATES_FOR[action];
  return states === undefined || states.includes(state);
}

/** Whether `role` may do `action` to a piece in `ctx.state`, with the reason when not. */
export function check(role: Role, action: Action, ctx: ActionContext = {}): Verdict {
  if (!stateAllows(action, ctx.state)) {
    return { ok: false, reason: 'invalid-state', message: `cannot ${action} a piece that is ${ctx.state}` };
  }
  if (!roleAllows(role, action, ctx)) {
    return { ok: false, reason: 'forbidden', message: `${role}s may not ${action}${ctx.isOwner === false ? " others' pieces" : ''}` };
  }
  return { ok: true };
}

/** True when `role` may do `action` to a piece in `ctx.state` (see `check` for the reason). */
export function can(role: Role, action: Action, ctx: ActionContext = {}): boolean {
  return check(role, action, ctx).ok;
}

/** A scheduled time, checked: an instant strictly after `now`, returned as a UTC ISO string. */
export function checkScheduleTime(at: string | Date, now: Date): { ok: true; at: string } | { ok: false; reason: 'invalid-time' | 'in-the-past'; message: string } {
  const d = typeof at === 'string' ? new Date(at) : at;
  // A bare date or a local time without an offset would be read in the server's zone; demand an instant.
  if (Number.isNaN(d.getTime()) || (typeof at === 'string' && !/(?:Z|[+-]\d{2}:?\d{2})$/i.test(at.trim()))) {
    return { ok: false, reason: 'invalid-time', message: `not a time with a zone: ${String(at)} (write e.g. 2026-01-18T09:00:00+02:00)` };
  }
  if (d.getTime() <= now.getTime()) return { ok: false, reason: 'in-the-past', message: `the scheduled time ${d.toISOString()} is not in the future` };
  return { ok: true, at: d.toISOString() };
}
