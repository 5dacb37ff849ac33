import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTags, zonedLocalToInstant } from './piece-input.ts';

describe('piece form input', () => {
  it('reads a datetime-local value as wall time in the site\u2019s zone, across daylight saving', () => {
    assert.equal(zonedLocalToInstant('2026-01-15T09:30', 'Europe/Kyiv'), '2026-01-15T07:30:00.000Z');
    assert.equal(zonedLocalToInstant('2026-07-15T09:30', 'Europe/Kyiv'), '2026-07-15T06:30:00.000Z');
    assert.equal(zonedLocalToInstant('2026-03-29T05:00', 'Europe/Kyiv'), '2026-03-29T02:00:00.000Z');
    assert.equal(zonedLocalToInstant('2026-07-15T09:30:00+02:00', 'Europe/Kyiv'), '2026-07-15T07:30:00.000Z');
    assert.throws(() => zonedLocalToInstant('tomorrow', 'Europe/Kyiv'), /choose a date and time/);
  });

  it('splits tags on commas without empties or duplicates', () => {
    assert.deepEqual(parseTags(' Kazakhstan, ,Russia,Kazakhstan ,Україна '), ['Kazakhstan', 'Russia', 'Україна']);
    assert.throws(() => parseTags('x'.repeat(2000)), /too long/);
  });
});
