import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { extractMetadata } from './index.ts';
import { namesFromByline } from './names.ts';

function authors(html: string, url = 'https://www.example-outlet.org/story'): string[] | null {
  const { document } = parseHTML(html) as unknown as { document: Document };
  return extractMetadata(document, url).authors?.value.map((p) => p.name) ?? null;
}

const page = (inner: string, head = ''): string => `<html><head>${head}</head><body><article><h1>A headline of some length</h1>${inner}<p>Text of the story.</p></article></body></html>`;

test('names glued to separators and profile links come out clean', () => {
  assert.deepEqual(namesFromByline('By Chris McNamara ⋅ Founder and Editor-in-Chief'), ['Chris McNamara']);
  assert.deepEqual(namesFromByline('A. J. Neal View'), ['A. J. Neal']);
});

test('a site name given as the author yields to a byline that names a person', () => {
  const head = '<meta property="og:site_name" content="One Tree Planted"><meta name="author" content="One Tree Planted">';
  assert.deepEqual(authors(page('<p class="meta">by Meaghan Weeden</p>', head), 'https://onetreeplanted.org/blog/x'), ['Meaghan Weeden']);
});

test('author boxes name their author in a sentence or above a bio that repeats the name', () => {
  assert.deepEqual(authors(page('<div class="author-bio">This post was written by Danielle Padula, Head of Marketing</div>')), ['Danielle Padula']);
  const bio = 'Lauren Vetter is a growth-focused marketing professional who writes about search for clinics and the people who run them, and about much else besides that.';
  assert.deepEqual(authors(page(`<div class="blog_author-box"><div>Lauren Vetter</div><p>${bio}</p></div>`)), ['Lauren Vetter']);
  assert.equal(authors(page(`<div class="blog_author-box"><div>About the author</div><p>${bio}</p></div>`)), null);
});

test('"Article by" labels and staff profile links name the author', () => {
  assert.deepEqual(authors(page('<h2>Article by</h2><div>Matias Heikkilä</div>')), ['Matias Heikkilä']);
  assert.deepEqual(authors(page('<div class="x"><a href="/team/matthew-check">Matt Check</a></div>')), ['Matt Check']);
  assert.deepEqual(authors(page('<div class="authors-name"><a href="/u/z">Zackery Cuevas</a></div>')), ['Zackery Cuevas']);
});

test('a person icon introduces a byline; site controls and org words are no names', () => {
  assert.deepEqual(authors(page('<ul class="entry-meta"><li><i class="bi bi-person"></i> Bence Kovács </li></ul>')), ['Bence Kovács']);
  assert.equal(authors(page('<div class="top"><i class="fa fa-user"></i> Contact Us</div>')), null);
  assert.deepEqual(namesFromByline('By Webmaster'), []);
  assert.deepEqual(namesFromByline('Accounting Software'), []);
  assert.deepEqual(namesFromByline('Reviewed by Robert Tschudi'), []);
});
