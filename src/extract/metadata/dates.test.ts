import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { extractMetadata } from './index.ts';

function published(html: string, url = 'https://example.org/story'): string | null {
  const { document } = parseHTML(html) as unknown as { document: Document };
  return extractMetadata(document, url).published?.value ?? null;
}

const body = (inner: string, head = ''): string => `<html><head>${head}</head><body><article><h1>A headline of some length</h1>${inner}<p>Text of the story.</p></article></body></html>`;

test('a date the page labels "Published" is read wherever the layout puts it', () => {
  assert.equal(published(body('<div class="x"><span>Posted on April 13, 2023</span></div>')), '2023-04-13');
  // The label alone in a heading, the date in the next element.
  assert.equal(published(body('<div class="info"><h3>Published</h3><p><time datetime="2024-08-30T12:00:00Z">August 30, 2024</time></p></div>')), '2024-08-30');
  // "Published in 2019 by …" is a sentence, not a date label.
  const filler = '<p>One.</p><p>Two.</p><p>Three.</p><p>Four.</p>';
  assert.equal(published(body(`${filler}<p>Published in the journal by the team, then 3 June 2019 came.</p>`)), null);
});

test('publication-date meta keys spelled differently are read, the earliest when they disagree', () => {
  const head = '<meta name="published-time" content="2026-03-09T08:45:32Z"><meta name="published-date" content="2021-02-16">';
  assert.equal(published(body('', head)), '2021-02-16');
  assert.equal(published(body('', '<meta name="published" content="July 17, 2025">')), '2025-07-17');
});

test('says nothing when the page shows the modification day as its only date', () => {
  const head = '<meta property="article:published_time" content="2019-08-11T10:00:00Z"><meta property="article:modified_time" content="2025-11-21T10:00:00Z">';
  assert.equal(published(body('<div class="meta">November 21, 2025</div>', head)), null);
  // Labelled as an update, the shown date agrees with the metadata: the first publication stands.
  assert.equal(published(body('<div class="meta">Updated November 21, 2025</div>', head)), '2019-08-11T10:00:00Z');
});

test('an earlier date under the headline beats a later re-save stamp in the metadata', () => {
  const head = '<meta property="article:published_time" content="2024-08-07T12:01:51Z">';
  assert.equal(published(body('<div class="byline">Dec 30, 2013</div>', head)), '2013-12-30');
});

test('a time element near the headline is read by its machine value', () => {
  assert.equal(published(body('<div class="meta"><time datetime="2024-12-20">August 28, 2024</time></div>')), '2024-12-20');
  assert.equal(published(body('<div class="meta"><time datetime="2024-08-28T09:00:00Z">August 28, 2024</time></div>')), '2024-08-28T09:00:00Z');
});

test("today's date in a masthead and layout classes naming a neighbour do not mislead", () => {
  const page = `<html><body><div class="block-date"><p id="todays-date">Friday, December 19, 2025</p></div>
    <div class="under-menu"><h1>A headline of some length</h1><p>Body text.</p><div class="related-wrap"><div class="post-date">July 12, 2025</div></div>
    <div class="article-date">June 10, 2025</div></div></body></html>`;
  assert.equal(published(page), '2025-06-10');
});

test("a UTC stamp is written in the outlet's own offset when the page shows it", () => {
  const head = '<meta property="article:published_time" content="2025-12-19T03:05:00+00:00">';
  assert.equal(published(body('<div class="meta"><time datetime="2025-12-18T19:05:00-08:00">December 18, 2025</time></div>', head)), '2025-12-18T19:05:00-08:00');
  // Midnight UTC is a bare day: it keeps its day.
  const midnight = '<meta property="article:published_time" content="2025-12-17T00:00:00Z">';
  assert.equal(published(body('<p><time datetime="2025-12-16T09:00:00-05:00">Dec 16</time></p>', midnight)), '2025-12-17T00:00:00Z');
});

test('JSON-LD and meta tags days apart: the page\'s shown date decides, else nothing', () => {
  const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"A headline of some length","datePublished":"2018-04-03T16:50:31Z"}</script>';
  const head = `${ld}<meta property="article:published_time" content="2025-12-19T18:06:00Z">`;
  assert.equal(published(body('', head)), null);
  // The page shows one of the two: that one is its date.
  assert.equal(published(body('<div class="meta"><span class="posted-on">Dec 19, 2025</span></div>', head)), '2025-12-19');
  // A day apart is a time zone, not a disagreement.
  const near = `${ld}<meta property="article:published_time" content="2018-04-04T01:00:00Z">`;
  assert.equal(published(body('', near)), '2018-04-03T16:50:31Z');
});

test('dates inside links to other pages belong to those pages; a permalink or a date archive does not', () => {
  const card = '<a href="/guidance/other-piece"><span><h3>Publish date</h3> <time datetime="2019-01-17T12:00:00Z">17 Jan 2019</time></span><h3>Other piece</h3></a>';
  const far = '<p>One.</p><p>Two.</p><p>Three.</p><p>Four.</p>';
  assert.equal(published(body(`${far}<div class="list">${card}</div>`), 'https://example.org/collection/guide'), null);
  const own = '<div class="entry-meta"><a href="https://example.org/2019/01/my-post/" rel="bookmark"><time datetime="2019-01-17T12:00:00Z">17 Jan 2019</time></a></div>';
  assert.equal(published(body(own), 'https://example.org/2019/01/my-post/'), '2019-01-17T12:00:00Z');
  const archive = '<div class="posted"><a href="/2019/01/17/"><time datetime="2019-01-17">17 Jan 2019</time></a></div>';
  assert.equal(published(body(archive), 'https://example.org/a-post'), '2019-01-17');
});
