import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { extractMetadata } from './index.ts';
import { shows } from './author-portrait.ts';

function img(attrs: string): Element {
  const { document } = parseHTML(`<html><body><img ${attrs}></body></html>`) as unknown as { document: Document };
  return document.querySelector('img')!;
}

test('a portrait names its subject by alt text or by file name', () => {
  assert.equal(shows(img('alt="Julia Gralberg" src="/x.jpg"'), 'Julia Gralberg'), true);
  assert.equal(shows(img('alt="" src="/uploads/2017/03/Julia-Gralberg-2.jpg?w=70"'), 'Julia Gralberg'), true);
  assert.equal(shows(img('alt="Julia Gralbergson at a desk" src="/a.jpg"'), 'Julia Gralberg'), false);
  // A first name alone proves nothing.
  assert.equal(shows(img('alt="Julia" src="/julia.jpg"'), 'Julia'), false);
});

const bio = 'Jane Roe is a freelance travel writer and the founder of a small agency.';
function authorsOf(inner: string): string[] | undefined {
  const html = `<html><body><div class="entry"><h1>A headline of some length</h1><p>Story text.</p>${inner}</div></body></html>`;
  const { document } = parseHTML(html) as unknown as { document: Document };
  return extractMetadata(document, 'https://www.example-outlet.org/story').authors?.value.map((p) => p.name);
}

test('a portrait above a bio that closes the piece names the writer', () => {
  assert.deepEqual(authorsOf(`<p><a href="/u/Jane-Roe.jpg"><img src="/u/Jane-Roe.jpg" alt="Jane Roe"></a></p><p>${bio}</p><p></p>`), ['Jane Roe']);
  // Inside the story, the same picture and sentence describe whom the story is about.
  const more = '<p>The rest of the story goes on for a while and says a great deal more about the agency and its clients.</p>';
  assert.equal(authorsOf(`<p><img src="/u/Jane-Roe.jpg" alt="Jane Roe"></p><p>${bio}</p>${more}`), undefined);
});

test('a card beside an image marked as the author\'s names the writer on its first line', () => {
  const card = (img: string): string => `<div class="grid"><div class="col"><div>${img}</div></div><div class="col"><p>Jane Roe</p><div>Licensed grader, M.A. Journalism</div></div></div>`;
  assert.deepEqual(authorsOf(card('<img alt="Photo of author" class="avatar avatar-50 photo" src="/a.svg">')), ['Jane Roe']);
  assert.deepEqual(authorsOf(card('<img alt="" class="dynamic-author-image" src="/a.svg">')), ['Jane Roe']);
  // A plain avatar (a commenter's) or a picture in related stories says nothing about this piece's writer.
  assert.equal(authorsOf(card('<img alt="" class="avatar photo" src="/a.svg">')), undefined);
  assert.equal(authorsOf(`<div class="related-posts">${card('<img alt="Photo of author" src="/a.svg">')}</div>`), undefined);
});
