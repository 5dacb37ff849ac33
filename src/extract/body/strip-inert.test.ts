import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripInert } from './strip-inert.ts';

test('removes comments, scripts, styles, templates and svg but keeps JSON-LD', () => {
  const html = '<p>a<!-- x --></p><script>var s = "<p>";</script><SCRIPT src=x></SCRIPT ><style>p{}</style>'
    + '<script type="application/ld+json">{"a":1}</script><svg viewBox="0 0 1 1"><path d="M0"/></svg><template><p>t</p></template><p>b</p>';
  assert.equal(stripInert(html), '<p>a</p><script type="application/ld+json">{"a":1}</script><p>b</p>');
});

test('removes links other than the canonical one', () => {
  const html = '<head><link rel="stylesheet" href="a.css"><LINK rel=icon href=i.png /><link rel="canonical" href="https://x.test/a"></head><p>b</p>';
  assert.equal(stripInert(html), '<head><link rel="canonical" href="https://x.test/a"></head><p>b</p>');
  assert.equal(stripInert('<p>a</p><linkage>x</linkage>'), '<p>a</p><linkage>x</linkage>');
});

test('leaves look-alike tags and plain pages alone', () => {
  assert.equal(stripInert('<scripture>x</scripture><svgx>y</svgx>'), '<scripture>x</scripture><svgx>y</svgx>');
  assert.equal(stripInert('<p>plain</p>'), '<p>plain</p>');
});

test('an unclosed script swallows the rest, in linear time', () => {
  assert.equal(stripInert('<p>a</p><script>never closed <p>b</p>'), '<p>a</p>');
  const hostile = '<script>'.repeat(200_000);
  assert.equal(stripInert(`<p>a</p>${hostile}`), '<p>a</p>');
  const comments = '<!--'.repeat(200_000);
  assert.equal(stripInert(`<p>a</p>${comments}`), '<p>a</p>');
});
