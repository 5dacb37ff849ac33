import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostAllowed, safeLinkUrl, safeMediaUrl } from './url.ts';

const BASE = 'https://news.example.com/world/story.html';

test('resolves relative links and keeps only safe schemes', () => {
  assert.equal(safeLinkUrl('/about', BASE), 'https://news.example.com/about');
  assert.equal(safeLinkUrl('other.html?a=1', BASE), 'https://news.example.com/world/other.html?a=1');
  assert.equal(safeLinkUrl('//cdn.example.net/x', BASE), 'https://cdn.example.net/x');
  assert.equal(safeLinkUrl('mailto:desk@example.com', BASE), 'mailto:desk@example.com');
  for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'java\u0000script:x', 'data:text/html,<b>', 'vbscript:x', '#top', '', null]) {
    assert.equal(safeLinkUrl(bad, BASE), null, String(bad));
  }
});

test('media URLs must be http(s)', () => {
  assert.equal(safeMediaUrl('/img/a.jpg', BASE), 'https://news.example.com/img/a.jpg');
  assert.equal(safeMediaUrl('mailto:x@example.com', BASE), null);
  assert.equal(safeMediaUrl('data:image/png;base64,AAAA', BASE), null);
});

test('hosts match exactly or as subdomains', () => {
  assert.equal(hostAllowed('https://www.youtube.com/embed/x', ['youtube.com']), true);
  assert.equal(hostAllowed('https://youtube.com.evil.net/embed/x', ['youtube.com']), false);
  assert.equal(hostAllowed('https://notyoutube.com/x', ['youtube.com']), false);
  assert.equal(hostAllowed('not a url', ['youtube.com']), false);
});
