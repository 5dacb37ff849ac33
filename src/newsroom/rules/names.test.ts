import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nameKey, stripBylinePrefix } from './names.ts';

describe('stripBylinePrefix', () => {
  it('removes byline labels in English and Ukrainian', () => {
    assert.equal(stripBylinePrefix('By Michael Bociurkiw'), 'Michael Bociurkiw');
    assert.equal(stripBylinePrefix('by: Jane Doe'), 'Jane Doe');
    assert.equal(stripBylinePrefix('Opinion by Jane Doe'), 'Jane Doe');
    assert.equal(stripBylinePrefix('Авторка: Олена Петренко'), 'Олена Петренко');
    assert.equal(stripBylinePrefix('Від Олени Петренко'), 'Олени Петренко');
  });
  it('leaves names that merely start with the letters', () => {
    assert.equal(stripBylinePrefix('Byron Katie'), 'Byron Katie');
    assert.equal(stripBylinePrefix('Автономов Ілля'), 'Автономов Ілля');
  });
});

describe('nameKey', () => {
  it('folds case, accents, initials and apostrophes', () => {
    assert.equal(nameKey('  Seán  O’Brien-Smith '), 'sean obrien smith');
    assert.equal(nameKey('Michael J. Bociurkiw'), nameKey('michael j bociurkiw'));
    assert.equal(nameKey('Сім’я Їжак'), nameKey("сім'я їжак"));
  });
});
