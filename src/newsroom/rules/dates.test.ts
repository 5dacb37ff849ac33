import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatBylineTime, formatMastheadDate, formatShortDate, isValidTimeZone, isoInstant, zonedIsoString } from './dates.ts';

const KYIV = 'Europe/Kyiv';

describe('formatMastheadDate', () => {
  it('writes the reference masthead in English', () => {
    assert.equal(formatMastheadDate('2022-12-10T08:00:00Z', 'en', KYIV), 'Saturday, December 10, 2022');
  });
  it('writes the Ukrainian masthead with the genitive month', () => {
    assert.equal(formatMastheadDate('2022-12-10T08:00:00Z', 'uk', KYIV), 'субота, 10 грудня 2022 р.');
  });
  it('uses the site day, which can differ from the UTC day', () => {
    assert.equal(formatMastheadDate('2022-12-09T22:30:00Z', 'en', KYIV), 'Saturday, December 10, 2022');
    assert.equal(formatMastheadDate('2022-12-09T22:30:00Z', 'en', 'UTC'), 'Friday, December 9, 2022');
  });
});

describe('formatBylineTime', () => {
  it('writes the reference byline time in English with a lower-case day period', () => {
    assert.equal(formatBylineTime('2022-01-18T13:54:00Z', 'en', KYIV), 'January 18, 2022 3:54 pm');
    assert.equal(formatBylineTime('2022-01-18T22:05:00Z', 'en', KYIV), 'January 19, 2022 12:05 am');
  });
  it('writes a 24-hour Ukrainian byline time', () => {
    assert.equal(formatBylineTime('2022-01-18T13:54:00Z', 'uk', KYIV), '18 січня 2022, 15:54');
    assert.equal(formatBylineTime('2022-07-01T06:05:00Z', 'uk', KYIV), '1 липня 2022, 09:05');
  });
  it('follows summer time', () => {
    // Kyiv is UTC+3 in July.
    assert.equal(formatBylineTime('2022-07-01T12:00:00Z', 'en', KYIV), 'July 1, 2022 3:00 pm');
  });
  it('rejects an invalid instant', () => {
    assert.throws(() => formatBylineTime('yesterday', 'en', KYIV), RangeError);
  });
});

describe('short and machine forms', () => {
  it('formats short dates', () => {
    assert.equal(formatShortDate('2022-01-18T13:54:00Z', 'en', KYIV), 'Jan 18, 2022');
    assert.equal(formatShortDate('2022-01-18T13:54:00Z', 'uk', KYIV), '18.01.2022');
  });
  it('gives the UTC instant for <time datetime>', () => {
    assert.equal(isoInstant('2022-01-18T15:54:00+02:00'), '2022-01-18T13:54:00.000Z');
    assert.equal(isoInstant(new Date(Date.UTC(2022, 0, 18, 13, 54))), '2022-01-18T13:54:00.000Z');
  });
  it('gives the zoned ISO string with the offset of that day', () => {
    assert.equal(zonedIsoString('2022-01-18T13:54:00Z', KYIV), '2022-01-18T15:54:00+02:00');
    assert.equal(zonedIsoString('2022-07-01T12:00:00Z', KYIV), '2022-07-01T15:00:00+03:00');
    assert.equal(zonedIsoString('2022-07-01T12:00:00Z', 'America/New_York'), '2022-07-01T08:00:00-04:00');
    assert.equal(zonedIsoString('2022-07-01T12:00:00Z', 'Asia/Kolkata'), '2022-07-01T17:30:00+05:30');
  });
});

describe('isValidTimeZone', () => {
  it('knows IANA zones, including the old Kiev spelling', () => {
    assert.ok(isValidTimeZone('Europe/Kyiv'));
    assert.ok(isValidTimeZone('Europe/Kiev'));
    assert.ok(isValidTimeZone('UTC'));
    assert.equal(isValidTimeZone('Mars/Olympus'), false);
    assert.equal(isValidTimeZone(''), false);
  });
});
