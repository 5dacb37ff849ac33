import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dedupeUrl } from './url.ts';

describe('dedupeUrl', () => {
  it('folds AMP and mobile renderings into the desktop page', () => {
    const desktop = 'https://example.com/news/2024/story';
    for (const v of [
      'https://www.example.com/news/2024/story/amp', 'https://www.example.com/amp/news/2024/story', 'https://www.example.com/news/2024/story?amp=1',
      'https://www.example.com/news/2024/story?outputType=amp', 'https://www.example.com/news/2024/story/?utm_source=x#c', 'HTTPS://WWW.EXAMPLE.COM:443/news/2024/story',
    ]) assert.equal(dedupeUrl(v), desktop, v);
    assert.equal(dedupeUrl('https://m.example.com/news/a'), 'https://example.com/news/a');
    assert.equal(dedupeUrl('https://amp.example.com/news/a'), 'https://example.com/news/a');
    assert.equal(dedupeUrl('https://example.com/news/a.amp.html'), 'https://example.com/news/a.html');
  });
  it('keeps what is not a variant', () => {
    assert.equal(dedupeUrl('https://m.co/x'), 'https://m.co/x', 'a two-label host is not a mobile subdomain');
    assert.equal(dedupeUrl('https://example.com/campaign?id=2&format=rss'), 'https://example.com/campaign?id=2&format=rss');
    assert.equal(dedupeUrl('https://example.com/ampersand-story'), 'https://example.com/ampersand-story');
    assert.equal(dedupeUrl('mailto:x@y'), null);
  });
  it('folds www. with the mobile and AMP hosts into one key, keeping paths apart', () => {
    const keys = ['https://example.com/a', 'https://www.example.com/a', 'https://m.example.com/a', 'https://amp.example.com/a', 'https://WWW.Example.com/a/']
      .map((u) => dedupeUrl(u));
    assert.deepEqual(new Set(keys), new Set(['https://example.com/a']));
    assert.notEqual(dedupeUrl('https://www.example.com/a'), dedupeUrl('https://m.example.com/b'));
    assert.equal(dedupeUrl('https://www.co/x'), 'https://www.co/x', 'a two-label host keeps its www');
  });
});
