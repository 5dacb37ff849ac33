import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { extractMetadata } from './index.ts';
import { creditsFromByline } from './names.ts';

/** The byline as printed: each person with the credentials kept beside the name, then the organisation credited. */
function printed(html: string, url = 'https://www.example-outlet.org/story'): string[] {
  const { document } = parseHTML(html) as unknown as { document: Document };
  const m = extractMetadata(document, url);
  const people = m.authors?.value.map((p) => (p.credentials ? `${p.name}${p.credentialsGlued ? ' ' : ', '}${p.credentials}` : p.name)) ?? [];
  return [...people, ...(m.bylineOrg ? [m.bylineOrg.value.name] : [])];
}

const page = (inner: string, head = ''): string => `<html><head>${head}</head><body><article><h1>A headline of some length</h1>${inner}<p>Text of the story.</p></article></body></html>`;
const ld = (author: unknown): string => `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'A headline', author })}</script>`;

test('a role the layout sets apart from a linked name is no part of the byline', () => {
  assert.deepEqual(printed(page('<p class="meta">by <span class="author"><a href="/about/#jane">Jane Roe</a>, Senior Director, Content, Example Institute</span></p>')), ['Jane Roe']);
  assert.deepEqual(printed(page('<div class="x"><span>Written by: <a href="/author/jane-roe/"><span class="NameText">Jane Roe, </span></a><span class="TypeText">Senior Analyst</span></span></div>')), ['Jane Roe']);
  // Metadata names the person; the visible byline adds a role in its own element.
  const head = '<meta name="author" content="Jane Roe">';
  assert.deepEqual(printed(page('<address><span>By <a rel="author" href="/authors/jane-roe">Jane Roe</a>, Executive Editor, <a href="/letter"><em>Example Letter</em></a></span></address>', head)), ['Jane Roe']);
});

test('a role printed in the same text as the name, or inside the element named for the name, stays', () => {
  assert.deepEqual(printed(page('<div class="post-author-name">Mike Roe, Shipping Expert</div>')), ['Mike Roe, Shipping Expert']);
  assert.deepEqual(printed(page('<p class="meta">by Agatha Roe, Candidate Representative to the Liaison Committee</p>')), ['Agatha Roe, Candidate Representative to the Liaison Committee']);
  assert.deepEqual(printed(page('<span class="author-name"><a href="/author/paul-roe/">Paul Roe</a><span>, Home Security Expert</span></span>')), ['Paul Roe, Home Security Expert']);
});

test('a sentence that names the writer describes them; its role is no byline', () => {
  assert.deepEqual(printed(page('<div class="author-bio">This post was written by Danielle Roe, Head of Marketing and Community Development</div>')), ['Danielle Roe']);
});

test('the outlet\'s own name or team beside a writer is where every writer works, not a credential', () => {
  const head = '<meta property="og:site_name" content="EXAMPLE DAILY">';
  assert.deepEqual(printed(page('<div class="attribution"><span class="author"><a href="/staff/1/brian-roe/">Brian Roe</a></span> <span class="credit">EXAMPLE DAILY</span></div>', head)), ['Brian Roe']);
  const team = `<meta property="og:site_name" content="FullDesk">${ld({ '@type': 'Person', name: 'David Roe - FullDesk Editorial Team' })}`;
  assert.deepEqual(printed(page('', team), 'https://www.fulldesk.com/blog/x'), ['David Roe']);
  // Another organisation after the pipe is the writer's own affiliation, printed as part of the byline.
  assert.deepEqual(creditsFromByline('Sergio Roe | The Texas Newsroom', ['NPR'], true).people, [{ name: 'Sergio Roe', credentials: 'The Texas Newsroom' }]);
});

test('a plural role after several names describes them all', () => {
  assert.deepEqual(creditsFromByline('Authors: Julie Roe and Natalie Doe, Extension horticulture educators', ['extension']).people, [{ name: 'Julie Roe' }, { name: 'Natalie Doe' }]);
  // One writer's role stays with them.
  assert.deepEqual(creditsFromByline('Julie Roe, Extension horticulture educator', ['extension']).people, [{ name: 'Julie Roe', credentials: 'Extension horticulture educator' }]);
});

test('a social profile\'s link label credits nobody; a credential keeps its level number', () => {
  const head = ld([{ '@type': 'Person', name: 'By Arlene Roe' }, { '@type': 'Person', name: 'South Carolina Garden Learning Network on Facebook' }]);
  assert.deepEqual(printed(page('', head)), ['Arlene Roe']);
  assert.deepEqual(creditsFromByline('Holly Roe, E-RYT 200').people, [{ name: 'Holly Roe', credentials: 'E-RYT 200' }]);
  // A date after a name is still cut.
  assert.deepEqual(creditsFromByline('Jane Roe, MD 12 hours ago').people, [{ name: 'Jane Roe', credentials: 'MD' }]);
});

test('a parenthesis printed after the name is part of the byline, out of the name', () => {
  assert.deepEqual(creditsFromByline('Lance Roe (Content Manager)').people, [{ name: 'Lance Roe', credentials: '(Content Manager)', credentialsGlued: true }]);
  assert.deepEqual(printed(page('', '<meta name="author" content="Jean-Luc Roe (ExampleSoft)">')), ['Jean-Luc Roe (ExampleSoft)']);
  // A lower-case aside is not.
  assert.deepEqual(creditsFromByline('Jane Roe (he/him)').people, [{ name: 'Jane Roe' }]);
  assert.deepEqual(creditsFromByline('Jane Roe (She/Her)').people, [{ name: 'Jane Roe' }]);
});

test('the element named for the author\'s name prints the role beside the name the metadata gives', () => {
  const head = ld({ '@type': 'Person', name: 'Mike Roe' });
  assert.deepEqual(printed(page('<div class="post-author-name">Mike Roe, Shipping Expert</div>', head)), ['Mike Roe, Shipping Expert']);
  // Someone else's name element (a reviewer's) lends nothing to the metadata's author.
  assert.deepEqual(printed(page('<div class="reviewer-name">John Doe, Shipping Expert</div>', head)), ['Mike Roe']);
});

test('a sentence stating who wrote the piece gives the writer with their degrees, not their job or employer', () => {
  const inner = '<p><em>This post was written by <a href="/providers/1/vanessa-roe">Vanessa Roe, MD</a>, gastroenterologist, Example Health.</em></p>';
  assert.deepEqual(printed(page(inner)), ['Vanessa Roe, MD']);
});

test('a long line under the headline is a byline when it lists several people with their degrees', () => {
  const list = 'Ellen Lindqvist, VMD, DACVB; Monique Feyrecilde, BA, LVT, VTS (Behavior); Debra Horwitzberg, DVM, DACVB &amp; Gary Landsbergen, DVM, DACVB';
  const html = (line: string): string => `<html><body><main><h1>Puppy training: the basics</h1><div class="subtitle">${line}</div><p>Text.</p></main></body></html>`;
  assert.deepEqual(printed(html(list)), ['Ellen Lindqvist, VMD, DACVB', 'Monique Feyrecilde, BA, LVT, VTS (Behavior)', 'Debra Horwitzberg, DVM, DACVB', 'Gary Landsbergen, DVM, DACVB']);
  // A subtitle as long, naming people without degrees, is no byline.
  assert.deepEqual(printed(html('How Ellen Roe, Monique Doe, Debra Poe and Gary Loe Trained Forty Puppies In One Long And Very Busy Summer At The Shelter')), []);
});
