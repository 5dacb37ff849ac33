import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { feedHealth, nextCadence, type HealthFields } from './feed-health.ts';

const NOW = new Date('2026-03-02T12:00:00Z');
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();
const feed = (over: Partial<HealthFields> = {}): HealthFields => ({
  enabled: 1, paused_reason: null, consecutive_errors: 0, last_success_at: ago(300), last_checked_at: ago(300),
  next_check_at: ago(-600), interval_seconds: 900, last_new_item_at: ago(3600), new_item_gap_seconds: 3600, ...over,
});

describe('feedHealth', () => {
  it('names each state, a stopped worker before the symptoms it causes', () => {
    assert.equal(feedHealth(feed(), NOW), 'ok');
    assert.equal(feedHealth(feed({ last_checked_at: null, last_new_item_at: null, new_item_gap_seconds: null }), NOW), 'new');
    assert.equal(feedHealth(feed({ enabled: 0 }), NOW), 'disabled');
    assert.equal(feedHealth(feed({ paused_reason: 'too many errors', next_check_at: ago(86_400) }), NOW), 'paused');
    assert.equal(feedHealth(feed({ consecutive_errors: 2 }), NOW), 'failing');
    assert.equal(feedHealth(feed({ consecutive_errors: 2, next_check_at: ago(7200) }), NOW), 'overdue');
    assert.equal(feedHealth(feed({ last_new_item_at: ago(3 * 86_400) }), NOW), 'quiet');
  });

  it('allows a busy worker to be late, but not by more than the interval or 30 minutes', () => {
    assert.equal(feedHealth(feed({ next_check_at: ago(20 * 60) }), NOW), 'ok');
    assert.equal(feedHealth(feed({ next_check_at: ago(31 * 60) }), NOW), 'overdue');
    assert.equal(feedHealth(feed({ next_check_at: ago(2 * 3600), interval_seconds: 6 * 3600 }), NOW), 'ok');
  });

  it('judges quiet by the feed\u2019s own cadence, never under a day', () => {
    assert.equal(feedHealth(feed({ last_new_item_at: ago(20 * 3600), new_item_gap_seconds: 3600 }), NOW), 'ok');
    assert.equal(feedHealth(feed({ last_new_item_at: ago(4 * 86_400), new_item_gap_seconds: 86_400 }), NOW), 'ok', 'a daily feed may miss a few days');
    assert.equal(feedHealth(feed({ last_new_item_at: ago(6 * 86_400), new_item_gap_seconds: 86_400 }), NOW), 'quiet');
    assert.equal(feedHealth(feed({ last_new_item_at: ago(30 * 86_400), new_item_gap_seconds: null }), NOW), 'ok', 'no cadence known yet');
  });
});

describe('nextCadence', () => {
  it('starts at the second arrival and smooths later gaps', () => {
    assert.deepEqual(nextCadence({ last_new_item_at: null, new_item_gap_seconds: null }, NOW), { lastNewItemAt: NOW.toISOString(), gapSeconds: null });
    assert.equal(nextCadence({ last_new_item_at: ago(3600), new_item_gap_seconds: null }, NOW).gapSeconds, 3600);
    assert.equal(nextCadence({ last_new_item_at: ago(13_600), new_item_gap_seconds: 3600 }, NOW).gapSeconds, Math.round(0.7 * 3600 + 0.3 * 13_600));
  });
});
