import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { extractMetadata, type Metadata } from './index.ts';

function meta(html: string, url = 'https://www.example-outlet.org/story'): Metadata {
  const { document } = parseHTML(html) as unknown as { document: Document };
  return extractMetadata(document, url);
}

const page = (inner: string, after = ''): string =>
  `<html><head></head><body><article><h1>A headline of some length</h1><p>Text of the story, long enough to read.</p>${inner}</article>${after}</body></html>`;
const names = (m: Metadata): string[] | undefined => m.authors?.value.map((p) => p.name);

test('"About the author" followed by a bio takes the bio\'s subject as the author', () => {
  const m = meta(page('<p>About the Author:</p><p>Jane Roe is a content creator with five years of experience in search.</p>'));
  assert.deepEqual(names(m), ['Jane Roe']);
  assert.equal(m.authors?.source, 'author-section');
  // The label and the bio in one paragraph.
  assert.deepEqual(names(meta(page('<p>About the author: Jane Roe has covered science for a decade.</p>'))), ['Jane Roe']);
  assert.deepEqual(names(meta(page('<p><strong>About the Author:</strong> Jane Roe is a freelance photographer.</p>'))), ['Jane Roe']);
});

test('"Article written by:" introduces a card whose first line is the name with credentials', () => {
  const m = meta(page('', '<section><h2>Article written by:</h2><div><img src="/a/jr.webp" alt="Headshot"><div><h3>Jane Roe, MD, FACP</h3></div></div></section>'));
  assert.deepEqual(m.authors?.value, [{ name: 'Jane Roe', credentials: 'MD, FACP' }]);
});

test('a labelled list of authors in a sidebar names every author', () => {
  const side = '<aside class="hero-metadata"><div><h6>Date</h6><p>November 2003</p></div><div><h6>Author(s)</h6><ul><li><a href="/library/?q=1">John A. Alic</a></li><li><a href="/library/?q=2">David C. Mowery</a></li></ul></div></aside>';
  const m = meta(`<html><body><div class="l-grid__sidebar">${side}</div><main><h1>A report of some length</h1><p>Text.</p></main></body></html>`);
  assert.deepEqual(names(m), ['John A. Alic', 'David C. Mowery']);
});

test('an author section does not outrank the byline, nor speak for related stories', () => {
  const section = '<p>About the Author:</p><p>Jane Roe is a content creator with five years of experience.</p>';
  assert.deepEqual(names(meta(page(`<p class="byline">By John Doe</p>${section}`))), ['John Doe']);
  const related = '<div class="related-posts"><h3>About the author</h3><p>Jane Roe is a reporter on the city desk.</p></div>';
  assert.equal(meta(page('', related)).authors, null);
});

test('a note "This post was written by …" names the writer: the linked name, or the words before the first comma', () => {
  const linked = meta(page('<p><em>This post was written by <a href="/find-a-provider/jane-roe">Jane Roe, MD</a>, gastroenterologist, Example Health.</em></p>'));
  assert.deepEqual(linked.authors?.value, [{ name: 'Jane Roe', credentials: 'MD' }]);
  // The byline reader's own sentence rule (`by-text`, affiliation.ts) may answer first where the note stands as a byline.
  assert.ok(['author-note', 'by-text'].includes(linked.authors?.source ?? ''), linked.authors?.source);
  assert.deepEqual(names(meta(page('<p><em>This article was written by Jane Roe, a nurse in Ohio.</em></p>'))), ['Jane Roe']);
  // Written by something other than a person names nobody.
  assert.equal(meta(page('<p>This article was written by a human, me, with a light edit.</p>')).authors, null);
});
