import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { extractMetadata, type Metadata } from './index.ts';
import { isAccountName } from './name-shape.ts';
import { roleCredit } from './org-byline.ts';

function meta(html: string, url = 'https://www.example-outlet.org/story'): Metadata {
  const { document } = parseHTML(html) as unknown as { document: Document };
  return extractMetadata(document, url);
}

const page = (inner: string, head = ''): string => `<html><head>${head}</head><body><article><h1>A headline of some length</h1>${inner}<p>Text of the story.</p></article></body></html>`;
const author = (v: string): string => `<meta name="author" content="${v}">`;

test('an author field that credits a role or the staff is the page\'s credit, not a person', () => {
  for (const credit of ['Staff', 'Community Editor', 'Staff Clinician', 'Resy Staff']) {
    const m = meta(page('', author(credit)));
    assert.equal(m.authors, null, credit);
    assert.equal(m.bylineOrg?.value.name, credit);
    assert.ok(m.warnings.some((w) => w.message.includes(`“${credit}”, not a named person`)), credit);
  }
  // CMS defaults and running text credit nobody.
  for (const w of ['Admin', 'Editor', 'Author', 'Guest', 'read more from our editor']) assert.equal(roleCredit(w), null, w);
  // A typed Person named by a role.
  const typed = meta(page('', '<script type="application/ld+json">{"@type":"Article","headline":"A headline of some length","author":{"@type":"Person","name":"Staff Clinician"}}</script>'));
  assert.equal(typed.bylineOrg?.value.name, 'Staff Clinician');
});

test('a byline that credits the staff alone stops the search: a teaser\'s author further down is someone else', () => {
  const html = page('<p class="byline">By <a rel="author" href="/author/resy-staff/">Resy Staff</a></p><article class="teaser"><h4>Other story</h4><p class="teaser-meta">By <a rel="author" href="/author/ben-hon/">Ben Hon</a></p></article>');
  const m = meta(html);
  assert.equal(m.authors, null);
  assert.equal(m.bylineOrg?.value.name, 'Resy Staff');
});

test('an account name in the author fields is kept as printed and flagged for the editor', () => {
  const m = meta(page('', `${author('stephenlega')}<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="stephenlega">`));
  assert.deepEqual(m.authors?.value, [{ name: 'stephenlega', account: true }]);
  assert.ok(m.warnings.some((w) => w.message.includes('account name “stephenlega”')));
  for (const w of ['sara.r.peter', 'apblackmd', 'brandon-peaktwo']) assert.equal(isAccountName(w), true, w);
  // CMS defaults, template fields, generated ids, addresses and domains are no account anyone chose.
  for (const w of ['admin', 'adminn', 'q_admin', 'undefined', 'page.head.extra.author', 'mdelatorreq6vkpg2ma0ci', 'jane@example.org', 'example.com', 'staff', 'Stephen']) {
    assert.equal(isAccountName(w), false, w);
  }
  // The outlet's own name is never a person, as an account neither.
  assert.equal(meta(page('', author('exampleoutlet')), 'https://exampleoutlet.org/story').authors, null);
});

test('a name the page prints beats the account name in the metadata', () => {
  const m = meta(page('<div class="writer-card">Denise Everheart</div>', author('andrew.keaveney')));
  assert.deepEqual(m.authors?.value.map((p) => p.name), ['Denise Everheart']);
});
