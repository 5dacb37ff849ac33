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
  // The heading is no name; the bio under it names its subject, who is the author (author-section.ts).
  assert.deepEqual(authors(page(`<div class="blog_author-box"><div>About the author</div><p>${bio}</p></div>`)), ['Lauren Vetter']);
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

test('roles glued to a name, and the organisation after a role, are no people', () => {
  assert.deepEqual(namesFromByline('& Zackery Cuevas Writer, Hardware'), ['Zackery Cuevas']);
  assert.deepEqual(namesFromByline('Emma Ryan Lead Writer'), ['Emma Ryan']);
  assert.deepEqual(namesFromByline('Benjamin Johnson, Sr. Director of Operations, Example Van Lines - 10+ Years'), ['Benjamin Johnson']);
  assert.deepEqual(namesFromByline('Written By: Catherine Boeckmann Executive Digital Editor and Master Gardener'), ['Catherine Boeckmann']);
  assert.deepEqual(namesFromByline('Licensed Q Arabica Grader, M.A. Journalism'), []);
  // A list of people with their roles keeps every person.
  assert.deepEqual(namesFromByline('Jane Doe, Editor, John Roe, Reporter'), ['Jane Doe', 'John Roe']);
  // An acronym before the role names a desk, not a person.
  assert.deepEqual(namesFromByline('AAA Travel Editor, SMT'), []);
  // Layouts glue the role to the surname, or leave a separator before the name.
  assert.deepEqual(namesFromByline('Juliette CarreiroTech Writer'), ['Juliette Carreiro']);
  assert.deepEqual(namesFromByline('Casey McDevitt Staff Writer'), ['Casey McDevitt']);
  assert.deepEqual(namesFromByline('2025-12-17 · | Trond Teigen'), ['Trond Teigen']);
});

test('organisations, sections and sentences do not leave a word behind as a name', () => {
  assert.deepEqual(namesFromByline('Center for Drug Evaluation and Research'), []);
  assert.deepEqual(namesFromByline('Ask the Doctors'), []);
  assert.deepEqual(namesFromByline('GURUS - Drupal', ['Gurus Solutions']), []);
  assert.deepEqual(namesFromByline('Example Lifestyle Desk / example.in / Share | Text Size'), []);
  assert.deepEqual(namesFromByline('Jane Roe is a reporter who covers rivers, towns and much else'), []);
  // The outlet's name glued to the next label ("…MakersReviewed by") and business names equal to the outlet.
  assert.deepEqual(namesFromByline('Example Mattress MakersReviewed by Ann Lee', ['Example Mattress Makers']), []);
  assert.deepEqual(namesFromByline('Example Savings Bank', ['Example Savings Bank']), []);
});

test('suffixes, parentheses, month-like names and list words are read as people write them', () => {
  assert.deepEqual(namesFromByline('John Smith, Jr.'), ['John Smith Jr.']);
  assert.deepEqual(namesFromByline('John Smith, III and Jane Roe'), ['John Smith III', 'Jane Roe']);
  assert.deepEqual(namesFromByline('Paramita (Guha) Ghosh'), ['Paramita (Guha) Ghosh']);
  assert.deepEqual(namesFromByline('Lance Ryan (Content Manager)'), ['Lance Ryan']);
  assert.deepEqual(namesFromByline('Maria & Katerina'), ['Maria', 'Katerina']);
  assert.deepEqual(namesFromByline('March'), []);
  assert.deepEqual(namesFromByline('Олена Петренко та Іван Франко'), ['Олена Петренко', 'Іван Франко']);
  // The honorific is kept apart (see credits.test.ts): the name is what the people directory matches.
  assert.deepEqual(namesFromByline('Authored by: Dr. Ehsan Jazini'), ['Ehsan Jazini']);
  assert.deepEqual(namesFromByline('Researched by Oliver Simpson'), []);
});

test('structured data: escaped and lower-case names, citation order, site name in one tag', () => {
  const ld = (author: string): string => `<script type="application/ld+json">{"@type":"BlogPosting","headline":"A headline of some length","author":${author}}</script>`;
  assert.deepEqual(authors(page('', ld('{"@type":"Person","name":"kirstin boatto"}'))), ['Kirstin Boatto']);
  assert.deepEqual(authors(page('', ld('{"@type":"Person","name":"Maria &amp; Katerina"}'))), ['Maria', 'Katerina']);
  assert.deepEqual(authors(page('', '<meta name="citation_author" content="Kaufman, Jeff T.">')), ['Jeff T. Kaufman']);
  const many = ['Jennifer Roe', 'Jeni Green', 'Chong Lee'].map((n) => `<meta name="citation_authors" content="${n}">`).join('');
  assert.deepEqual(authors(page('', many)), ['Jennifer Roe', 'Jeni Green', 'Chong Lee']);
  const site = '<meta property="og:site_name" content="Five Shelves"><meta name="author" content="Five Shelves"><meta name="twitter:data1" content="Sylvia Roe">';
  assert.deepEqual(authors(page('', site), 'https://fiveshelves.example/x'), ['Sylvia Roe']);
});

test('the visible byline completes the metadata; teasers and citations are not bylines', () => {
  const ld = '<script type="application/ld+json">{"@type":"Article","headline":"A headline of some length","author":{"@type":"Person","name":"Marna van der Merwe"}}</script>';
  const line = '<div class="hero-author">Written by Dr Marna van der Merwe, Dr Dieter Veldsman, Erik van Vulpen</div><div class="hero-author">Reviewed by Monika Roe</div>';
  assert.deepEqual(authors(page(line, ld)), ['Marna van der Merwe', 'Dieter Veldsman', 'Erik van Vulpen']);
  // A name with a title after it is one person, not two.
  assert.deepEqual(authors(page('<div class="author-line">Written By: Jane Roe Digital Editor and Master Gardener</div>', ld.replace('Marna van der Merwe', 'Jane Roe'))), ['Jane Roe']);
  const person = (name: string): string => `<span itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">${name}</span></span>`;
  const teasers = `<p>by ${person('Jeffrey Zeldman')}</p></article><h2>More</h2><article><h4>Other piece</h4><p>by ${person('Mark Roe')}</p>`;
  assert.deepEqual(authors(page(teasers)), ['Jeffrey Zeldman']);
  assert.equal(authors(page('<div class="float"><a href="/b"><i>Wakoku Chiyekurabe</i></a> by Kan Chu Sen, 1721.</div>')), null);
  assert.deepEqual(authors(page('<p>Some text.</p><div class="x">All articles by Elliot Raba</div>')), ['Elliot Raba']);
});

test('a byline in an aside beside the text, inside <main>, is the article\'s', () => {
  const html = '<html><body><main><h1>A headline of some length</h1><aside class="side-col"><p class="article-date">May 25, 2023</p><p class="article-author">Written By <span>Angela Roe-Bell, MD*</span></p></aside><p>Text.</p></main><aside><p class="byline">By Someone Else</p></aside></body></html>';
  const { document } = parseHTML(html) as unknown as { document: Document };
  const m = extractMetadata(document, 'https://www.example-outlet.org/story');
  assert.deepEqual(m.authors?.value.map((p) => p.name), ['Angela Roe-Bell']);
  assert.equal(m.published?.value, '2023-05-25');
});

test('a line of section links under the headline is no byline', () => {
  const topics = '<p class="entry-meta"><a href="/category/diy/" rel="category tag">DIY</a>, <a href="/category/home/" rel="category tag">Home Decor</a></p>';
  assert.equal(authors(page(topics)), null);
  assert.deepEqual(authors(page('<p class="entry-meta">Jane Roe</p>')), ['Jane Roe']);
});

test('people marked up as authors under a "Researched by" heading did not write the piece', () => {
  const person = (name: string): string => `<div itemprop="author" itemscope itemtype="http://schema.org/Person"><meta itemprop="name" content="${name}"><a href="/authors/x">${name}</a></div>`;
  const html = `<div class="col"><h5>Written by:</h5><div class="info">${person('Emma Roe')}</div></div><div class="col"><h5>Researched by:</h5><div class="info">${person('Oliver Doe')}</div></div>`;
  assert.deepEqual(authors(page(html)), ['Emma Roe']);
});

test('handles, e-mail addresses, agencies and "for" outlets beside names are dropped', () => {
  assert.deepEqual(namesFromByline('By Jane Roe @janeroe and John Doe @jd'), ['Jane Roe', 'John Doe']);
  assert.deepEqual(namesFromByline('By Jane Roe jane.roe@example.com'), ['Jane Roe']);
  assert.deepEqual(namesFromByline('Jane Roe for CNN', ['CNN']), ['Jane Roe']);
  assert.deepEqual(namesFromByline('Jane Roe | Reuters', ['Example Daily']), ['Jane Roe']);
  assert.deepEqual(namesFromByline('Jane Roe, John Doe, and Ann Lee'), ['Jane Roe', 'John Doe', 'Ann Lee']);
  assert.deepEqual(namesFromByline('Автор: Олена Петренко і Іван Франко'), ['Олена Петренко', 'Іван Франко']);
});

test('an account name in the metadata yields to the full name in the visible byline', () => {
  assert.deepEqual(authors(page('<div class="byline">by <a class="author-link" href="/author/x">Aoife O\'Riordan</a></div>', '<meta name="author" content="KatieS">')), ["Aoife O'Riordan"]);
  // Without a byline on the page the account name is all there is.
  assert.deepEqual(authors(page('', '<meta name="author" content="KatieS">')), ['KatieS']);
});
