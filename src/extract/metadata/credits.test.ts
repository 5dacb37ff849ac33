import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { extractMetadata, type Metadata } from './index.ts';
import { creditsFromByline } from './names.ts';
import { orgByline } from './org-byline.ts';

function meta(html: string, url = 'https://www.example-outlet.org/story'): Metadata {
  const { document } = parseHTML(html) as unknown as { document: Document };
  return extractMetadata(document, url);
}

const page = (inner: string, head = ''): string => `<html><head>${head}</head><body><article><h1>A headline of some length</h1>${inner}<p>Text of the story.</p></article></body></html>`;
const ld = (author: string): string => `<script type="application/ld+json">{"@type":"NewsArticle","headline":"A headline of some length","author":${author}}</script>`;

test('credentials after a name are kept apart from the bare name', () => {
  assert.deepEqual(creditsFromByline('Jane Roe, MS, RD').people, [{ name: 'Jane Roe', credentials: 'MS, RD' }]);
  assert.deepEqual(creditsFromByline('By Jane Roe, Ph.D.').people, [{ name: 'Jane Roe', credentials: 'Ph.D.' }]);
  assert.deepEqual(creditsFromByline('Jane Roe, M.D. FACLM').people, [{ name: 'Jane Roe', credentials: 'M.D. FACLM' }]);
  assert.deepEqual(creditsFromByline('Jane Roe, CEPF®').people, [{ name: 'Jane Roe', credentials: 'CEPF®' }]);
  // Without a comma, and with a footnote mark.
  // Without a comma the credentials stay glued to the name, as printed ("Jane Roe MW", not "Jane Roe, MW").
  assert.deepEqual(creditsFromByline('Jane A. Roe CPP, PSP').people, [{ name: 'Jane A. Roe', credentials: 'CPP, PSP', credentialsGlued: true }]);
  assert.deepEqual(creditsFromByline('By Jane Roe MW').people, [{ name: 'Jane Roe', credentials: 'MW', credentialsGlued: true }]);
  assert.deepEqual(creditsFromByline('Written By Jane Roe-Bell, MD*').people, [{ name: 'Jane Roe-Bell', credentials: 'MD' }]);
  // A role or an affiliation after a comma, "and" inside it included.
  assert.deepEqual(creditsFromByline('Jane Roe, Home and Digital Security Expert').people, [{ name: 'Jane Roe', credentials: 'Home and Digital Security Expert' }]);
  assert.deepEqual(creditsFromByline('Jane Roe, Sr. Director of Operations, Example Van Lines').people, [{ name: 'Jane Roe', credentials: 'Sr. Director of Operations, Example Van Lines' }]);
  // A role goes on over its commas, unless a person with a role of their own follows.
  assert.deepEqual(creditsFromByline('Jane Roe, Senior Director, Content & Marketing, Example Media').people, [{ name: 'Jane Roe', credentials: 'Senior Director, Content & Marketing, Example Media' }]);
  assert.deepEqual(creditsFromByline('Jane Doe, Editor, John Roe, Reporter').people, [{ name: 'Jane Doe', credentials: 'Editor' }, { name: 'John Roe', credentials: 'Reporter' }]);
  // Each person keeps their own; a typed pipe in metadata joins an affiliation.
  assert.deepEqual(creditsFromByline('Ann Lee, VMD, DACVB; Jane Roe, BA, VTS (Behavior) & John Doe, DVM').people, [
    { name: 'Ann Lee', credentials: 'VMD, DACVB' }, { name: 'Jane Roe', credentials: 'BA, VTS (Behavior)' }, { name: 'John Doe', credentials: 'DVM' }]);
  assert.deepEqual(creditsFromByline('Jane Roe | The Texas Newsroom', [], true).people, [{ name: 'Jane Roe', credentials: 'The Texas Newsroom' }]);
  assert.deepEqual(creditsFromByline('Jane Roe | Senior Editor').people, [{ name: 'Jane Roe' }]);
  // A leading honorific is kept as printed, apart from the name.
  assert.deepEqual(creditsFromByline('Dr. Jane Roe').people, [{ name: 'Jane Roe', honorific: 'Dr.' }]);
});

test('capitals are names in a capitals byline, and the outlet after its writers is nobody\'s credential', () => {
  assert.deepEqual(creditsFromByline('BY JANE DOE, JOHN ROE').people, [{ name: 'Jane Doe' }, { name: 'John Roe' }]);
  assert.deepEqual(creditsFromByline('By Jane Roe and John Doe, Example Daily', ['Example Daily']), { people: [{ name: 'Jane Roe' }, { name: 'John Doe' }], org: null });
  // A title the layout glued to a name is no part of the printed byline.
  assert.deepEqual(creditsFromByline('Jane Roe Staff Writer').people, [{ name: 'Jane Roe' }]);
});

test('organisation bylines are told apart from people and from generic words', () => {
  assert.equal(orgByline('By The Example Team'), 'The Example Team');
  assert.equal(orgByline('Our Editors'), 'Our Editors');
  assert.equal(orgByline('Example Lifestyle Desk / example.in / Share'), 'Example Lifestyle Desk');
  assert.equal(orgByline('Associated Press'), 'Associated Press');
  assert.equal(orgByline('Center for Drug Evaluation and Research'), 'Center for Drug Evaluation and Research');
  assert.equal(orgByline('Examplo', ['Examplo']), 'Examplo');
  for (const junk of ['Admin', 'Staff', 'Anonymous', 'Editor', 'team', 'Staff Writer', 'Community Editor', 'Sign up for our newsletter']) assert.equal(orgByline(junk), null, junk);
  assert.deepEqual(creditsFromByline('Jane Roe, John Doe, and Example Rankings Team'), { people: [{ name: 'Jane Roe' }, { name: 'John Doe' }], org: 'Example Rankings Team' });
  assert.deepEqual(creditsFromByline('By Jane Roe and The Associated Press'), { people: [{ name: 'Jane Roe' }], org: 'The Associated Press' });
});

test('a JSON-LD Organization author is the organisation byline, with a warning for the editor', () => {
  const m = meta(page('', ld('{"@type":"Organization","name":"Example Research Institute","url":"https://research.example.org/"}')));
  assert.equal(m.authors, null);
  assert.deepEqual(m.bylineOrg, { value: { name: 'Example Research Institute', url: 'https://research.example.org/' }, source: 'json-ld:author' });
  assert.ok(m.warnings.some((w) => w.field === 'authors' && w.message.includes('“Example Research Institute”, not a named person')));
  // A desk typed as a Person is still a desk; beside a person in the same list it is credited beside them.
  assert.deepEqual(meta(page('', ld('{"@type":"Person","name":"Example Lifestyle Desk"}'))).bylineOrg?.value, { name: 'Example Lifestyle Desk' });
  const both = meta(page('', ld('[{"@type":"Person","name":"Jane Roe"},{"@type":"NewsMediaOrganization","name":"Reuters"}]')));
  assert.deepEqual(both.authors?.value.map((p) => p.name), ['Jane Roe']);
  assert.equal(both.bylineOrg?.value.name, 'Reuters');
});

test('a visible "By The X Team" byline credits the team, never as a person', () => {
  const m = meta(page('<p class="byline">By The Example Team</p>'));
  assert.equal(m.authors, null);
  assert.deepEqual(m.bylineOrg, { value: { name: 'The Example Team' }, source: 'byline' });
  const text = meta(page('<p>By The Example Team</p>'));
  assert.equal(text.bylineOrg?.value.name, 'The Example Team');
  // A person named elsewhere on the page wins over a team the metadata credits.
  const person = meta(page('<p class="byline">By Jane Roe</p>', '<meta name="author" content="Example Staff">'));
  assert.deepEqual(person.authors?.value.map((p) => p.name), ['Jane Roe']);
  assert.equal(person.bylineOrg, null);
});

test('the outlet\'s own name stands as an organisation byline, never in authors', () => {
  const head = '<meta property="og:site_name" content="Examplo"><meta name="author" content="Examplo">';
  const m = meta(page('', head), 'https://www.examplo.com/blog/x');
  assert.equal(m.authors, null);
  assert.equal(m.bylineOrg?.value.name, 'Examplo');
  const byline = meta(page('<div class="byline">By Examplo News</div>', '<meta property="og:site_name" content="Examplo News">'), 'https://examplo.com/x');
  assert.equal(byline.authors, null);
  assert.equal(byline.bylineOrg?.value.name, 'Examplo News');
});

test('a plain "Admin" or "Anonymous" byline credits neither a person nor an organisation', () => {
  // "Staff" does credit someone: the outlet's staff (author-fields.test.ts).
  for (const who of ['Admin', 'Anonymous']) {
    const m = meta(page(`<p class="byline">By ${who}</p>`, `<meta name="author" content="${who}">`));
    assert.equal(m.authors, null, who);
    assert.equal(m.bylineOrg, null, who);
    assert.ok(m.warnings.some((w) => w.message === 'no author found'), who);
  }
});

test('metadata names take the credentials the visible byline prints with them', () => {
  const m = meta(page('<div class="byline">Written by Jane Roe, MS, RD</div>', ld('{"@type":"Person","name":"Jane Roe"}')));
  assert.deepEqual(m.authors?.value, [{ name: 'Jane Roe', credentials: 'MS, RD' }]);
  const dr = meta(page('', ld('{"@type":"Person","name":"Dr. Jane Roe, MD, FACLM"}')));
  assert.deepEqual(dr.authors?.value, [{ name: 'Jane Roe', honorific: 'Dr.', credentials: 'MD, FACLM' }]);
});

test('dated "by" lines and lists of author links name the authors', () => {
  assert.deepEqual(meta(page('<p><i>Last updated March 3, 2025 by <a href="/">Jane Roe</a>.</i></p>')).authors?.value.map((p) => p.name), ['Jane Roe']);
  const list = '<ul class="meta"><li><a href="/library/?_author=Jane%20Roe">Jane A. Roe</a></li><li><a href="/library/?_author=John%20Doe">John B. Doe</a></li></ul>';
  assert.deepEqual(meta(page(list)).authors?.value.map((p) => p.name), ['Jane A. Roe', 'John B. Doe']);
});
