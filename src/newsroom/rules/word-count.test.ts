import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { blockText, countBlockWords, countWords } from './word-count.ts';

describe('countWords', () => {
  it('counts English words, keeping contractions, hyphenations and numbers whole', () => {
    assert.equal(countWords("Putin's co-operation with 100,000 troops -- and 3.5 tanks"), 8);
  });
  it('counts Ukrainian words with apostrophes of every kind as one', () => {
    assert.equal(countWords('М’ясо, пір\'я та сімʼя — це три слова й ще два'), 10);
  });
  it('counts nothing in punctuation or whitespace', () => {
    assert.equal(countWords(' — -- … \n '), 0);
    assert.equal(countWords(''), 0);
  });
});

describe('blockText', () => {
  it('reads text from every kind of text block and none from images and embeds', () => {
    assert.equal(blockText({ type: 'list', ordered: true, items: ['<b>one</b> item', 'two'] }), 'one item two');
    assert.equal(blockText({ type: 'table', rows: [['a', 'b'], ['c', '<i>d</i>']] }), 'a b c d');
    assert.equal(blockText({ type: 'preformatted', text: 'x = 1' }), 'x = 1');
    assert.equal(blockText({ type: 'quote', html: '&ldquo;Hi&rdquo;', cite: 'https://e.example/' }), '\u201cHi\u201d');
    assert.equal(countBlockWords({ type: 'figure', image: { url: 'https://e.example/a.jpg', caption: 'three words here' } }), 0);
    assert.equal(countBlockWords({ type: 'embed', url: 'https://e.example/v', provider: 'youtube' }), 0);
  });
});
