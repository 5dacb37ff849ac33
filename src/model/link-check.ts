/*
 * The link checker's policy, pure: what one check's outcome means for the link's state and when to look again.
 * One failed check is a blip: a link is shown to editors as broken, gone or unreachable only after
 * CONFIRM_FAILURES failures in a row spanning at least CONFIRM_SPAN_HOURS, so a server's bad hour alarms no one.
 */

/** What one check found. */
export type LinkOutcome = 'ok' | 'redirected' | 'broken' | 'gone' | 'refused' | 'unreachable';

/** The state editors see; `suspect` is a failure not yet confirmed, `unchecked` a link never checked. */
export type LinkState = LinkOutcome | 'suspect' | 'unchecked';

/** States an editor must act on. */
export const PROBLEM_STATES: readonly LinkState[] = ['broken', 'gone', 'refused', 'unreachable', 'redirected'];

/** Failures in a row before a failure is confirmed. */
export const CONFIRM_FAILURES = 3;
/** Hours the failures in a row must span before confirmation. */
export const CONFIRM_SPAN_HOURS = 12;
/** A healthy link is looked at again after a week. */
export const HEALTHY_RECHECK_HOURS = 24 * 7;
const MAX_FAILING_RECHECK_HOURS = 24;

/** The link's row before this check, as far as the policy needs it. */
export interface LinkHistory {
  consecutiveFailures: number;
  firstFailedAt: string | null;
}

/** The row after this check. */
export interface LinkVerdict {
  state: LinkState;
  consecutiveFailures: number;
  firstFailedAt: string | null;
  nextCheckAt: string;
}

/** Folds one outcome into the history: confirmation, backoff (1 h, 2 h, 4 h … capped at a day) and the next check. */
export function judgeLink(prev: LinkHistory, outcome: LinkOutcome, now: Date): LinkVerdict {
  const hours = (h: number) => new Date(now.getTime() + h * 3_600_000).toISOString();
  if (outcome === 'ok' || outcome === 'redirected') {
    return { state: outcome, consecutiveFailures: 0, firstFailedAt: null, nextCheckAt: hours(HEALTHY_RECHECK_HOURS) };
  }
  // A refusal is our own policy, not the other site's blip: it is final at once and rechecked weekly.
  if (outcome === 'refused') return { state: 'refused', consecutiveFailures: 0, firstFailedAt: null, nextCheckAt: hours(HEALTHY_RECHECK_HOURS) };
  const n = prev.consecutiveFailures + 1;
  const firstFailedAt = prev.firstFailedAt ?? now.toISOString();
  const span = (now.getTime() - Date.parse(firstFailedAt)) / 3_600_000;
  const confirmed = n >= CONFIRM_FAILURES && span >= CONFIRM_SPAN_HOURS;
  return { state: confirmed ? outcome : 'suspect', consecutiveFailures: n, firstFailedAt, nextCheckAt: hours(Math.min(2 ** (n - 1), MAX_FAILING_RECHECK_HOURS)) };
}
