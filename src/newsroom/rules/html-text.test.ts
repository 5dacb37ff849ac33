import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeEntities, htmlLinks, htmlToText } from './html-text.ts';

describe('decodeEntities', () => {
  it('decodes named, decimal and hex entities and keeps unknown ones', () => {
    assert.equal(decodeEntities('a&amp;b &lt;&#8217;&#x2019;&rsquo; &unknown; &#0; &colon'), 'a&b <’’’ &unknown; \ufffd :');
  });
});

describe('htmlToText', () => {
  it('joins inline tags, spaces <br>, decodes entities', () => {
    assert.equal(htmlToText('<em>Hel</em>lo<br/>world&nbsp;<a href="x">!</a>'), 'Hello world\u00a0!'.replace('\u00a0', ' '));
  });
});

describe('htmlLinks', () => {
  it('reads quoted, single-quoted and bare attribute values with entities decoded', () => {
    const links = htmlLinks('<a href="https://a.example/?x=1&amp;y=2">a</a><A HREF=\'/b\'>b</A><img src=c.png alt="x > y"><a name="n">n</a>');
    assert.deepEqual(links, [
      { tag: 'a', attr: 'href', value: 'https://a.example/?x=1&y=2' },
      { tag: 'a', attr: 'href', value: '/b' },
      { tag: 'img', attr: 'src', value: 'c.png' },
      { tag: 'a', attr: 'href', value: null },
    ]);
  });
  it('sees an empty href', () => {
    assert.deepEqual(htmlLinks('<a href="">See his website</a>'), [{ tag: 'a', attr: 'href', value: '' }]);
    assert.deepEqual(htmlLinks('<a href>x</a>'), [{ tag: 'a', attr: 'href', value: '' }]);
  });
});
