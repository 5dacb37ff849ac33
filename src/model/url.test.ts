import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalizeUrl } from './url.ts';

describe('canonicalizeUrl', () => {
  it('folds case, default ports, fragments, trackers and trailing slashes', () => {
    assert.equal(canonicalizeUrl('HTTPS://Edition.CNN.com:443/2022/01/18/opinions/x/?utm_source=tw&id=3&fbclid=1#top'), 'https://edition.cnn.com/2022/01/18/opinions/x?id=3');
    assert.equal(canonicalizeUrl('http://example.com'), 'http://example.com/');
  });
  it('refuses what is not absolute http(s)', () => {
    for (const bad of ['', 'javascript:alert(1)', '/relative', 'ftp://example.com/', 'not a url']) assert.equal(canonicalizeUrl(bad), null, bad);
  });
});
