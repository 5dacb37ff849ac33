import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { extractMetadata } from './index.ts';
import { isLoneName } from './name-shape.ts';
import { namesFromByline } from './names.ts';

function authors(html: string, url = 'https://www.example-outlet.org/story'): string[] | null {
  const { document } = parseHTML(html) as unknown as { document: Document };
  return extractMetadata(document, url).authors?.value.map((p) => p.name) ?? null;
}

const page = (inner: string, head = ''): string => `<html><head>${head}</head><body><article><h1>A headline of some length</h1>${inner}<p>Text of the story.</p></article></body></html>`;

test('one capitalised word stated as the byline is the writer as the site credits them', () => {
  assert.deepEqual(authors(page('<p class="meta">by <a href="/author/amanda/">Amanda</a> · Dec 20, 2025</p>')), ['Amanda']);
  assert.deepEqual(authors(page('<span class="story-byline">Posted by <a href="https://social.example/x">BeauHD</a> on Friday December 19, 2025 @08:00PM</span>')), ['BeauHD']);
  assert.deepEqual(authors(page('<div class="author"><strong class="name"><a href="/blog/author/yucy/">Yucy</a></strong><span>3/4/2025</span></div>')), ['Yucy']);
  assert.deepEqual(authors(page('<div class="header-byline">By <a href="/member/MixmasterFred/" rel="author">MixmasterFred</a> in <a href="/workshop/">Workshop</a></div>')), ['MixmasterFred']);
});

test('a lone word is no name when it is a stock word, a login, a label or the outlet', () => {
  for (const w of ['Admin', 'Staff', 'Editor', 'Team', 'Guest', 'Anonymous', 'Posts', 'adminn', 'stephenlega', 'q_admin', 'h.szeyee', 'CNN', 'Jane2']) {
    assert.equal(isLoneName(w), false, w);
  }
  assert.equal(authors(page('<div class="byline">By <a href="/author/admin/">Admin</a></div>')), null);
  assert.equal(authors(page('<div class="byline">By adminn</div>')), null);
  assert.equal(authors(page('<div class="byline"><a href="/author/x/">Author</a> <span>Posts</span></div>')), null);
  // The outlet's own one-word name, and a lone word found without any byline mark.
  assert.equal(authors(page('<div class="byline">By Example</div>', '<meta property="og:site_name" content="Example">')), null);
  assert.equal(authors(page('<p class="lede">Hardware</p>')), null);
  // Topics and a day's name set in the byline row.
  assert.equal(authors(page('<p>Lead.</p><section class="byline"><time>March 20, 2023</time> | <a href="/health/wellness">Wellness &amp; Prevention</a></section>')), null);
  assert.equal(authors(page('<p>Lead.</p><div class="byline">Sat, 20 Dec, 2025 - 06:36</div>')), null);
});

test('a first name that opens a personal site\'s name is its owner; the outlet\'s own word is not', () => {
  assert.deepEqual(authors(page('', '<meta property="og:site_name" content="Ben Edelstein"><meta property="article:author" content="Ben">'), 'https://www.bedelstein.example/post/1'), ['Ben']);
  assert.deepEqual(namesFromByline('Lillie', ['Lillie Eats and Tells']), ['Lillie']);
  assert.deepEqual(namesFromByline('Buzzsprout', ['buzzsprout.com', 'buzzsprout']), []);
  assert.deepEqual(namesFromByline('Example', ['Example News Network']), []);
});

test('"at" before a date ends the name it follows', () => {
  assert.deepEqual(namesFromByline('Posted by Jane Roe at December 16, 2025 11:15 AM'), ['Jane Roe']);
  assert.deepEqual(namesFromByline('Posted by David at December 16, 2025 11:15 AM'), ['David']);
});

test('a byline in a footer-classed block inside the article is the article\'s; the page footer\'s is not', () => {
  const inArticle = '<p>The story begins here.</p><div class="article-template-footer-main"><span class="article-template-author">By Jane Roe</span></div>';
  assert.deepEqual(authors(page(inArticle)), ['Jane Roe']);
  const pageFooter = '<html><body><article><h1>A headline of some length</h1><p>Text of the story.</p></article><div class="site-footer-main"><p>By Jane Roe</p></div></body></html>';
  assert.equal(authors(pageFooter), null);
});

test('a lone "Newsdesk" byline is the outlet\'s desk, credited as an organisation, not a person', () => {
  const { document } = parseHTML(page('<p>Lead.</p><div class="byline">By Newsdesk</div>')) as unknown as { document: Document };
  const m = extractMetadata(document, 'https://www.example-outlet.org/story');
  assert.equal(m.authors, null);
  assert.equal(m.bylineOrg?.value.name, 'Newsdesk');
});
