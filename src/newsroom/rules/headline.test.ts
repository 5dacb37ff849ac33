import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { headlineFor, joinNames } from './headline.ts';

const H = 'For Putin, Kazakhstan is a domino too big to fall';

describe('joinNames', () => {
  it('joins English names without an Oxford comma', () => {
    assert.equal(joinNames([], 'en'), '');
    assert.equal(joinNames(['A'], 'en'), 'A');
    assert.equal(joinNames(['A', 'B'], 'en'), 'A and B');
    assert.equal(joinNames(['A', 'B', 'C', 'D'], 'en'), 'A, B, C and D');
  });
  it('joins Ukrainian names with і', () => {
    assert.equal(joinNames(['Олена Петренко', 'Андрій Коваль'], 'uk'), 'Олена Петренко і Андрій Коваль');
    assert.equal(joinNames(['А', 'Б', 'В'], 'uk'), 'А, Б і В');
  });
  it('ignores blank names', () => {
    assert.equal(joinNames([' ', 'A', ''], 'en'), 'A');
  });
});

describe('headlineFor', () => {
  it('prefixes an opinion headline with its author', () => {
    assert.equal(headlineFor({ kind: 'opinion', headline: H, authors: ['Michael Bociurkiw'], lang: 'en' }), `Michael Bociurkiw: ${H}`);
  });
  it('prefixes two and three authors', () => {
    assert.equal(headlineFor({ kind: 'opinion', headline: 'X', authors: ['A B', 'C D'], lang: 'en' }), 'A B and C D: X');
    assert.equal(headlineFor({ kind: 'opinion', headline: 'X', authors: ['A B', 'C D', 'E F'], lang: 'en' }), 'A B, C D and E F: X');
    assert.equal(headlineFor({ kind: 'opinion', headline: 'Х', authors: ['А Б', 'В Г'], lang: 'uk' }), 'А Б і В Г: Х');
  });
  it('keeps the original for other kinds', () => {
    for (const kind of ['news', 'analysis', 'investigation', 'interview', 'review', 'video', 'other'] as const) {
      assert.equal(headlineFor({ kind, headline: H, authors: ['Michael Bociurkiw'], lang: 'en' }), H);
    }
  });
  it('lets a non-blank override win', () => {
    assert.equal(headlineFor({ kind: 'opinion', headline: H, authors: ['M B'], override: '  Our  headline ', lang: 'en' }), 'Our headline');
    assert.equal(headlineFor({ kind: 'opinion', headline: H, authors: ['M B'], override: '   ', lang: 'en' }), `M B: ${H}`);
  });
  it('does not double-prefix', () => {
    assert.equal(headlineFor({ kind: 'opinion', headline: `Michael Bociurkiw: ${H}`, authors: ['Michael Bociurkiw'], lang: 'en' }), `Michael Bociurkiw: ${H}`);
    assert.equal(headlineFor({ kind: 'opinion', headline: `MICHAEL BOCIURKIW — ${H}`, authors: ['Michael Bociurkiw'], lang: 'en' }), `MICHAEL BOCIURKIW — ${H}`);
  });
  it('still prefixes when the headline only starts with the same first name', () => {
    assert.equal(headlineFor({ kind: 'opinion', headline: 'Michael Jordan was right', authors: ['Michael Bociurkiw'], lang: 'en' }), 'Michael Bociurkiw: Michael Jordan was right');
  });
  it('replaces an "Opinion:" label with the author', () => {
    assert.equal(headlineFor({ kind: 'opinion', headline: `Opinion: ${H}`, authors: ['Michael Bociurkiw'], lang: 'en' }), `Michael Bociurkiw: ${H}`);
    assert.equal(headlineFor({ kind: 'opinion', headline: 'Колонка: Чому це важливо', authors: ['Олена Петренко'], lang: 'uk' }), 'Олена Петренко: Чому це важливо');
  });
  it('keeps the original when an opinion has no authors', () => {
    assert.equal(headlineFor({ kind: 'opinion', headline: ` ${H} `, authors: [], lang: 'en' }), H);
    assert.equal(headlineFor({ kind: 'opinion', headline: H, authors: ['  '], lang: 'en' }), H);
  });
});
