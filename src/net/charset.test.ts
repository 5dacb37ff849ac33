/** Charset detection and decoding, including lying and missing declarations. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { decodeBody, metaCharset, normalizeCharset, xmlCharset } from './charset.ts';

const UK = 'Україна: уряд ухвалив рішення щодо їхніх пенсій і податків';
const RU = 'Правительство России объявило о новых мерах поддержки экономики';
const page = (body: string, head = '') => `<html><head>${head}</head><body><p>${body}</p></body></html>`;

describe('decodeBody', () => {
  it('uses the header charset', () => {
    const d = decodeBody(iconv.encode(page(UK), 'windows-1251'), 'windows-1251', 'html');
    assert.deepEqual([d.charset, d.source], ['windows-1251', 'header']);
    assert.ok(d.text.includes(UK));
  });

  it('uses <meta charset> and http-equiv when the header has none', () => {
    const a = decodeBody(iconv.encode(page(UK, '<meta charset="koi8-u">'), 'koi8-u'), undefined, 'html');
    assert.deepEqual([a.charset, a.source], ['koi8-u', 'meta']);
    assert.ok(a.text.includes(UK));
    const b = decodeBody(iconv.encode(page(RU, '<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">'), 'koi8-r'), undefined, 'html');
    assert.deepEqual([b.charset, b.source], ['koi8-r', 'meta']);
    assert.ok(b.text.includes(RU));
  });

  it('uses the XML declaration for feeds', () => {
    const xml = `<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>${RU}</title></channel></rss>`;
    const d = decodeBody(iconv.encode(xml, 'windows-1251'), undefined, 'feed');
    assert.deepEqual([d.charset, d.source], ['windows-1251', 'xml']);
    assert.ok(d.text.includes(RU));
  });

  it('honours a BOM over everything', () => {
    const d = decodeBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page(UK))]), 'windows-1251', 'html');
    assert.equal(d.charset, 'utf-8');
    assert.ok(d.text.startsWith('<html>'));
    const le = decodeBody(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page(UK), 'utf16le')]), undefined, 'html');
    assert.ok(le.text.includes(UK));
  });

  it('ignores a UTF-8 header over windows-1251 bytes, and a windows-1251 header over UTF-8 bytes', () => {
    const a = decodeBody(iconv.encode(page(UK, '<meta charset="windows-1251">'), 'windows-1251'), 'utf-8', 'html');
    assert.ok(a.text.includes(UK));
    const b = decodeBody(Buffer.from(page(UK)), 'windows-1251', 'html');
    assert.ok(b.text.includes(UK));
  });

  it('sniffs undeclared windows-1251 and KOI8 Cyrillic', () => {
    const a = decodeBody(iconv.encode(page(RU), 'windows-1251'), undefined, 'html');
    assert.deepEqual([a.charset, a.source], ['windows-1251', 'sniff']);
    assert.ok(a.text.includes(RU));
    const b = decodeBody(iconv.encode(page(UK), 'koi8-u'), undefined, 'html');
    assert.equal(b.charset, 'koi8-u');
    assert.ok(b.text.includes(UK));
  });

  it('sniffs undeclared Western text as windows-1252', () => {
    const d = decodeBody(iconv.encode(page('Ça a été très élégant'), 'windows-1252'), undefined, 'html');
    assert.equal(d.charset, 'windows-1252');
    assert.ok(d.text.includes('Ça a été très élégant'));
  });

  it('never throws on garbage or unknown labels', () => {
    const junk = Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x82]);
    for (const label of [undefined, 'utf-8', 'x-nonsense', 'utf-16', '"windows-1251"', '']) {
      assert.equal(typeof decodeBody(junk, label, 'html').text, 'string');
    }
  });
});

describe('charset helpers', () => {
  it('normalises labels and rejects unknown ones', () => {
    assert.equal(normalizeCharset('CP1251'), 'windows-1251');
    assert.equal(normalizeCharset('"UTF8"'), 'utf-8');
    assert.equal(normalizeCharset('ISO-8859-5'), 'iso-8859-5');
    assert.equal(normalizeCharset('latin1'), 'windows-1252');
    assert.equal(normalizeCharset('no-such'), null);
  });

  it('reads meta and XML declarations', () => {
    assert.equal(metaCharset('<meta content="text/html; charset=windows-1251" http-equiv="content-type">'), 'windows-1251');
    assert.equal(metaCharset("<META CHARSET='KOI8-U'>"), 'KOI8-U');
    assert.equal(xmlCharset("<?xml version='1.0' encoding='ISO-8859-5'?>"), 'ISO-8859-5');
  });
});
