import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { escapeHtml, inlineHtml, inlineText } from './inline-html.ts';

function paragraph(html: string): Element {
  const { document } = parseHTML(`<html><body><p>${html}</p></body></html>`) as unknown as { document: Document };
  return document.querySelector('p')!;
}

test('collapses every whitespace run to one space and trims, whatever the characters', () => {
  const pieces = ['word', ' ', '  ', '\n', '\t', '\u00a0', '\u2003', '\u3000', '<b>bold</b>', '&amp;', 'x'];
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 500; i++) {
    let source = '';
    for (let n = Math.floor(next() * 12); n > 0; n--) source += pieces[Math.floor(next() * pieces.length)];
    const p = paragraph(source);
    const html = inlineHtml(p.childNodes, 'https://example.test/');
    assert.doesNotMatch(html, /[\s\u00a0]{2,}|[^\S ]/, JSON.stringify(source));
    assert.doesNotMatch(html, /^ | $/, JSON.stringify(source));
    // The text is the page's text with its whitespace collapsed.
    assert.equal(inlineText(html), (p.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim(), JSON.stringify(source));
  }
});

test('escapes and decodes the five special characters', () => {
  const raw = `Tom & "Jerry" <tag> 'quoted'`;
  assert.equal(escapeHtml(raw), 'Tom &amp; &quot;Jerry&quot; &lt;tag&gt; &#39;quoted&#39;');
  assert.equal(inlineText(escapeHtml(raw)), raw);
  assert.equal(escapeHtml('plain text'), 'plain text');
});
