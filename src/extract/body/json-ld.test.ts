import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { jsonLdSource } from './json-ld.ts';

function doc(html: string): Document {
  return (parseHTML(html) as unknown as { document: Document }).document;
}

const block = (data: unknown): string => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
const TEASER = { '@type': 'NewsArticle', articleBody: 'Short teaser.' };
const FULL = { '@graph': [{ '@type': 'WebPage' }, { '@type': 'NewsArticle', articleBody: 'The whole article, much longer than the teaser.', isAccessibleForFree: 'False' }] };

test('reads JSON-LD blocks from the head and the end of the body, skipping broken ones', () => {
  const html = `<html><head>${block(TEASER)}<script type="application/ld+json">{broken</script></head>`
    + `<body><p>text</p><div><div>${block(FULL)}</div></div></body></html>`;
  const source = jsonLdSource(doc(html), 3);
  const facts = source.read();
  assert.equal(facts.articleBody, FULL['@graph'][1]!.articleBody);
  assert.equal(facts.accessibleForFree, false);
  // `chars` bounds every articleBody, which is what lets the stages skip parsing.
  assert.ok(source.chars >= (facts.articleBody ?? '').length);
  assert.equal(source.read(), facts, 'parsed once, then remembered');
});

test('stops after as many scripts as the input had tags, and finds none with none', () => {
  const html = `<html><head>${block(TEASER)}</head><body><p>text</p>${block(FULL)}</body></html>`;
  assert.equal(jsonLdSource(doc(html), 1).read().articleBody, TEASER.articleBody);
  assert.equal(jsonLdSource(doc(html), 2).read().articleBody, FULL['@graph'][1]!.articleBody);
  const none = jsonLdSource(doc(html), 0);
  assert.equal(none.chars, 0);
  assert.deepEqual(none.read(), { articleBody: null, accessibleForFree: null });
});
