import assert from 'node:assert/strict';
import { it } from 'node:test';
import { stripControls, stripControlsDeep } from './text.ts';

it('strips C0 controls but keeps tab, newline and carriage return; vertical tab and form feed become spaces', () => {
  assert.equal(stripControls('a\u0000b\u0001c\u001fd\u001be'), 'abcde');
  assert.equal(stripControls('a\tb\nc\r\nd'), 'a\tb\nc\r\nd');
  assert.equal(stripControls('a\u000bb\u000cc'), 'a b c');
  assert.equal(stripControls('plain ünïcödé \u007f'), 'plain ünïcödé \u007f');
});

it('walks plain objects and arrays, and leaves other objects alone', () => {
  const date = new Date(0);
  const out = stripControlsDeep({ a: 'x\u0000', b: ['y\u0000', { c: 'z\u0000' }], d: 1, e: null, f: date, ['k\u0000']: true });
  assert.deepEqual(out, { a: 'x', b: ['y', { c: 'z' }], d: 1, e: null, f: date, k: true });
  assert.equal(out.f, date);
  function Dict() {}
  Dict.prototype = Object.create(null);
  const dict = new (Dict as unknown as new () => Record<string, string>)();
  dict.a = 'x\u0000';
  assert.deepEqual({ ...stripControlsDeep(dict) }, { a: 'x' });
});
