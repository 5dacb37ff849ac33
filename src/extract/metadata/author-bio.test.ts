import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { extractMetadata } from './index.ts';
import type { CapturedPerson } from '../../model/capture.ts';

function author(inner: string): CapturedPerson | undefined {
  const html = `<html><head><meta name="author" content="Jane Roe"></head><body><article><h1>A headline of some length</h1><p>Story text.</p>${inner}</article></body></html>`;
  const { document } = parseHTML(html) as unknown as { document: Document };
  return extractMetadata(document, 'https://www.example-outlet.org/story').authors?.value[0];
}

test('a paragraph that opens with the author\'s name and says what they do is their bio, with the portrait beside it', () => {
  const box = '<div class="wrap"><img src="/img/jane_roe-300x300.jpg" alt=""><p>Jane Roe is a freelance writer in Ohio. Read more on <a href="https://janeroe.net/">her site</a>, '
    + 'follow <a href="https://twitter.com/janeroe">her</a> or see <a href="https://acme.example/">Acme</a>, where she is an editor. Read the bio</p></div>';
  const p = author(box);
  assert.equal(p?.bio, 'Jane Roe is a freelance writer in Ohio. Read more on her site, follow her or see Acme, where she is an editor.');
  assert.equal(p?.photo, 'https://www.example-outlet.org/img/jane_roe-300x300.jpg');
  // Her own site carries her name; the employer the bio names is not her website.
  assert.equal(p?.website, 'https://janeroe.net/');
  assert.deepEqual(p?.sameAs, ['https://twitter.com/janeroe']);
});

test('a sentence about someone else, or one that says no work, is no bio', () => {
  assert.equal(author('<p>John Doe is a freelance writer in Ohio and a friend of the author.</p>')?.bio, undefined);
  assert.equal(author('<p>Jane Roe has set up the stall, and you will see it is nothing like the one last year.</p>')?.bio, undefined);
  // In a related-stories list, the same words belong to another piece.
  assert.equal(author('<div class="related-posts"><p>Jane Roe is a freelance writer in Ohio who covers city hall.</p></div>')?.bio, undefined);
});

test('an "About the author" section gives the bio under the name, in whatever person it is written', () => {
  const section = '<div class="footer-card"><div><a href="/people/jane-roe">Jane Roe</a></div><div class="desc-wrap"><div>About the author</div>'
    + '<p>I\'m a folklorist writing about nature and culture for travellers, with guides and tips on hidden spots.</p></div>'
    + '<img class="avatar" src="/img/jr.jpg" alt=""></div>';
  const p = author(section);
  assert.equal(p?.bio, 'I\'m a folklorist writing about nature and culture for travellers, with guides and tips on hidden spots.');
  assert.equal(p?.photo, 'https://www.example-outlet.org/img/jr.jpg');
});
