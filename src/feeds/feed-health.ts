import type { FeedHealth } from '../model/feed.ts';

/** The fields of a feed row that decide its health. */
export interface HealthFields {
  enabled: number;
  paused_reason: string | null;
  consecutive_errors: number;
  last_success_at: string | null;
  last_checked_at: string | null;
  next_check_at: string;
  interval_seconds: number;
  last_new_item_at: string | null;
  new_item_gap_seconds: number | null;
}

/** How late a check may run before the feed counts as overdue: a busy worker is minutes late, a stopped one never comes. */
export const OVERDUE_GRACE_SECONDS = 30 * 60;
/** A feed is quiet after this many of its usual gaps without a new item … */
export const QUIET_GAPS = 5;
/** … and never before a day: a feed that publishes hourly may rest overnight. */
export const QUIET_MIN_SECONDS = 86_400;

/**
 * One word for a feed's state, as the status view and the editor UI show it. Order matters: a stopped worker
 * (overdue) explains failing and quiet feeds too, and a feed still answering but with nothing new is quiet.
 */
export function feedHealth(f: HealthFields, now: Date): FeedHealth {
  if (!f.enabled) return 'disabled';
  if (f.paused_reason) return 'paused';
  if (overdueSeconds(f, now) > 0) return 'overdue';
  if (f.consecutive_errors > 0) return 'failing';
  if (quietSince(f, now)) return 'quiet';
  return f.last_checked_at ? 'ok' : 'new';
}

/** Seconds a feed's check is late beyond the grace (one interval or 30 min, whichever is longer); 0 when on time. */
export function overdueSeconds(f: Pick<HealthFields, 'next_check_at' | 'interval_seconds'>, now: Date): number {
  const late = (now.getTime() - Date.parse(f.next_check_at)) / 1000;
  return late > Math.max(f.interval_seconds, OVERDUE_GRACE_SECONDS) ? Math.round(late) : 0;
}

/** The time of the last new item when the feed has been silent much longer than its usual cadence; else null. */
export function quietSince(f: Pick<HealthFields, 'last_new_item_at' | 'new_item_gap_seconds'>, now: Date): string | null {
  if (!f.last_new_item_at || !f.new_item_gap_seconds) return null;
  const silent = (now.getTime() - Date.parse(f.last_new_item_at)) / 1000;
  return silent > Math.max(QUIET_GAPS * f.new_item_gap_seconds, QUIET_MIN_SECONDS) ? f.last_new_item_at : null;
}

/**
 * The feed's cadence after a poll that found new items: the gap since the previous such poll, smoothed
 * (weight 0.3 for the newest) so one burst or one slow week does not swing it. Unknown until the second time.
 */
export function nextCadence(prev: Pick<HealthFields, 'last_new_item_at' | 'new_item_gap_seconds'>, now: Date): { lastNewItemAt: string; gapSeconds: number | null } {
  const lastNewItemAt = now.toISOString();
  if (!prev.last_new_item_at) return { lastNewItemAt, gapSeconds: prev.new_item_gap_seconds };
  const gap = Math.max(0, (now.getTime() - Date.parse(prev.last_new_item_at)) / 1000);
  const gapSeconds = Math.round(prev.new_item_gap_seconds ? 0.7 * prev.new_item_gap_seconds + 0.3 * gap : gap);
  return { lastNewItemAt, gapSeconds };
}

/** The rest of a feed row that its status shows. */
export interface StatusFields extends HealthFields {
  id: number;
  url: string;
  title: string | null;
  outlet_name: string | null;
  format: string | null;
  last_error: string | null;
  last_status: number | null;
  last_new_items: number | null;
  last_over_cap: number | null;
  websub_hub: string | null;
  websub_state: string | null;
}

/** A feed's state for `newsdesk feeds status` and the editor UI: the health word, its reason in one line, and the facts. */
export function feedStatus(f: StatusFields, now: Date) {
  const health = feedHealth(f, now);
  return {
    id: Number(f.id), url: f.url, title: f.title, outlet: f.outlet_name, format: f.format, health, problem: problemLine(f, health, now),
    enabled: Boolean(f.enabled), intervalSeconds: f.interval_seconds, lastCheckedAt: f.last_checked_at, lastSuccessAt: f.last_success_at,
    nextCheckAt: f.next_check_at, consecutiveErrors: f.consecutive_errors, lastError: f.last_error, lastStatus: f.last_status,
    pausedReason: f.paused_reason, lastNewItems: f.last_new_items, lastNewItemAt: f.last_new_item_at, usualGapSeconds: f.new_item_gap_seconds,
    overCap: f.last_over_cap ?? 0, websub: f.websub_hub ? { hub: f.websub_hub, state: f.websub_state } : null,
  };
}

/** What an editor should know, in one line; null when all is well. */
function problemLine(f: StatusFields, health: FeedHealth, now: Date): string | null {
  const cap = f.last_over_cap ? `; the last poll left ${f.last_over_cap} items beyond the per-poll cap` : '';
  switch (health) {
    case 'paused': return `paused: ${f.paused_reason}`;
    case 'overdue': return `next check was due ${relativeTime(f.next_check_at, now)}: is a worker running? (newsdesk worker, or serve with its worker)`;
    case 'failing': return `${f.consecutive_errors} failure(s) in a row: ${f.last_error ?? 'unknown error'}`;
    case 'quiet': return `no new item since ${relativeTime(f.last_new_item_at, now)} (usually one every ${relativeTime(new Date(now.getTime() + (f.new_item_gap_seconds ?? 0) * 1000).toISOString(), now).replace(/^in /, '')})${cap}`;
    default: return cap ? cap.slice(2) : null;
  }
}

/** "3 min ago" / "in 2 h" relative to `now`, for terminal tables. */
export function relativeTime(iso: string | null, now: Date): string {
  if (!iso) return '-';
  const s = Math.round((Date.parse(iso) - now.getTime()) / 1000);
  const abs = Math.abs(s);
  const text = abs < 90 ? `${abs} s` : abs < 5400 ? `${Math.round(abs / 60)} min` : abs < 172_800 ? `${Math.round(abs / 3600)} h` : `${Math.round(abs / 86_400)} d`;
  return s < 0 ? `${text} ago` : `in ${text}`;
}
