import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capNesting } from './cap-nesting.ts';

test('leaves ordinary pages untouched', () => {
  const html = `<html><body>${'<div><p>text</p><br><img src="a"></div>'.repeat(100)}</body></html>`;
  assert.equal(capNesting(html), html);
});

test('drops tags nested beyond the limit and keeps their text', () => {
  const depth = 30_000;
  const html = `${'<div>'.repeat(depth)}<p>deep text</p>${'</div>'.repeat(depth)}`;
  const capped = capNesting(html, 100);
  assert.equal(capped, `${'<div>'.repeat(100)}deep text${'</div>'.repeat(100)}`);
});
