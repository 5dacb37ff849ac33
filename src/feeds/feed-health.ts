import type { FeedHealth } from '../model/feed.ts';

/** The fields of a feed row that decide its health. */
export interface HealthFields {
  enabled: number;
  paused_reason: string | null;
  consecutive_errors: number;
  last_success_at: string | null;
  last_checked_at: string | null;
}

/** One word for a feed's state, as the status view and the editor UI show it. */
export function feedHealth(f: HealthFields): FeedHealth {
  if (!f.enabled) return 'disabled';
  if (f.paused_reason) return 'paused';
  if (f.consecutive_errors > 0) return 'failing';
  return f.last_checked_at ? 'ok' : 'new';
}

/** "3 min ago" / "in 2 h" relative to `now`, for terminal tables. */
export function relativeTime(iso: string | null, now: Date): string {
  if (!iso) return '-';
  const s = Math.round((Date.parse(iso) - now.getTime()) / 1000);
  const abs = Math.abs(s);
  const text = abs < 90 ? `${abs} s` : abs < 5400 ? `${Math.round(abs / 60)} min` : abs < 172_800 ? `${Math.round(abs / 3600)} h` : `${Math.round(abs / 86_400)} d`;
  return s < 0 ? `${text} ago` : `in ${text}`;
}
