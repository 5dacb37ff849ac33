import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { outletName, readableHost } from './outlet-name.ts';

describe('outletName', () => {
  it('keeps a named outlet', () => {
    assert.deepEqual(outletName('  CNN ', 'https://edition.cnn.com/x'), { name: 'CNN', fellBack: false });
  });
  it('falls back to the host name and says so', () => {
    const r = outletName('  ', 'https://www.pravda.com.ua/news/1');
    assert.equal(r.name, 'pravda.com.ua');
    assert.equal(r.fellBack, true);
    assert.match(r.fellBack ? r.warning : '', /names no outlet.*pravda\.com\.ua/);
    assert.equal(outletName(undefined, 'https://m.example.org/').name, 'example.org');
  });
});

describe('readableHost', () => {
  it('shows Unicode hosts and refuses non-web URLs', () => {
    assert.equal(readableHost('https://xn--80aikifvh.xn--j1amh/'), 'приклад.укр');
    assert.equal(readableHost('https://edition.cnn.com/a'), 'edition.cnn.com');
    assert.equal(readableHost('mailto:x@example.org'), null);
    assert.equal(readableHost('not a url'), null);
  });
});
