/** Content kinds from Content-Type and sniffing. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentKind, parseContentType } from './content-kind.ts';

describe('contentKind', () => {
  const cases: Array<[string, string, string]> = [
    ['text/html', '<!doctype html><p>x', 'html'],
    ['application/xhtml+xml', '<html>', 'html'],
    ['text/html', '%PDF-1.5', 'pdf'],
    ['application/octet-stream', '%PDF-1.5', 'pdf'],
    ['', '\x89PNG\r\n', 'image'],
    ['image/webp', 'RIFF....WEBP', 'image'],
    ['application/json', '{"a":1}', 'json'],
    ['application/ld+json', '{"a":1}', 'json'],
    ['application/json', '{"version": "https://jsonfeed.org/version/1.1"}', 'feed'],
    ['application/rss+xml', '<rss>', 'feed'],
    ['text/xml', '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', 'feed'],
    ['application/xml', '<?xml version="1.0"?><urlset>', 'feed'],
    ['application/xml', '<?xml version="1.0"?><note/>', 'xml'],
    ['text/html', '<?xml version="1.0"?><rss version="2.0">', 'feed'],
    ['text/plain', 'hello', 'text'],
    ['', '<!DOCTYPE html><html>', 'html'],
    ['', '[1,2]', 'json'],
    ['application/zip', 'PK\x03\x04', 'other'],
  ];
  for (const [mime, head, kind] of cases) {
    it(`${mime || '(none)'} + ${JSON.stringify(head.slice(0, 12))} → ${kind}`, () => {
      assert.equal(contentKind(mime, Buffer.from(head, 'latin1')), kind);
    });
  }
});

describe('parseContentType', () => {
  it('reads the MIME type and charset', () => {
    assert.deepEqual(parseContentType('Text/HTML; Charset="Windows-1251"'), { mime: 'text/html', charset: 'Windows-1251' });
    assert.deepEqual(parseContentType(undefined), { mime: '' });
  });
});
