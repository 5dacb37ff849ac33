import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { highlight } from './search-page.ts';

describe('highlight', () => {
  it('escapes the text and marks words that start with a term; a one-letter term only as a word', () => {
    assert.equal(highlight('<b>Grain</b> corridors a ab', ['grain', 'corridor', 'a']).value,
      '&lt;b&gt;<mark>Grain</mark>&lt;/b&gt; <mark>corridors</mark> <mark>a</mark> ab');
  });
  it('marks Cyrillic words whatever their case, not inside other words', () => {
    assert.equal(highlight('Редакції і нередакції', ['редакці']).value, '<mark>Редакції</mark> і нередакції');
  });
  it('treats regular-expression characters in terms as text', () => {
    assert.equal(highlight('a.b (c)', []).value, 'a.b (c)');
    assert.doesNotThrow(() => highlight('x', ['(', '[', '\\']));
  });
});
