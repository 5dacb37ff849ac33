import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkLink, markdownLinks, safeHttpUrl, validateLinks } from './links.ts';
import { authorWebsiteLink, continueReadingLink } from './link-text.ts';

describe('safeHttpUrl', () => {
  it('returns the normalised absolute http(s) URL', () => {
    assert.equal(safeHttpUrl('https://www.cnn.com/2022/01/18/opinions/x'), 'https://www.cnn.com/2022/01/18/opinions/x');
    assert.equal(safeHttpUrl('  HTTPS://Example.COM  '), 'https://example.com/');
    assert.equal(safeHttpUrl('http://example.com./a'), 'http://example.com/a');
    assert.equal(safeHttpUrl('https://приклад.укр/шлях'), 'https://xn--80aikifvh.xn--j1amh/%D1%88%D0%BB%D1%8F%D1%85');
    assert.equal(safeHttpUrl('https://[2001:db8::1]/'), 'https://[2001:db8::1]/');
  });
  it('refuses empty and missing targets', () => {
    for (const s of ['', '   ', '#', null, undefined]) assert.equal(safeHttpUrl(s), null, String(s));
    assert.deepEqual(checkLink(''), { ok: false, problem: 'empty' });
  });
  it('refuses javascript: in any casing, with whitespace, control characters or entities', () => {
    const attacks = [
      'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)',
      '\u0001javascript:alert(1)', 'jav&#x61;script:alert(1)', '&#106;avascript:alert(1)', 'javascript&colon;alert(1)',
      'vbscript:msgbox(1)', 'data:text/html,<script>alert(1)</script>', 'java\u00adscript:alert(1)',
    ];
    for (const a of attacks) assert.deepEqual(checkLink(a), { ok: false, problem: 'script' }, JSON.stringify(a));
  });
  it('refuses relative and protocol-relative links', () => {
    assert.deepEqual(checkLink('/about'), { ok: false, problem: 'relative' });
    assert.deepEqual(checkLink('about.html'), { ok: false, problem: 'relative' });
    assert.deepEqual(checkLink('www.example.com'), { ok: false, problem: 'relative' });
    assert.deepEqual(checkLink('//evil.example/x'), { ok: false, problem: 'protocol-relative' });
    assert.deepEqual(checkLink('\\\\evil.example/x'), { ok: false, problem: 'protocol-relative' });
  });
  it('refuses other schemes, credentials, single-label hosts and garbage', () => {
    assert.deepEqual(checkLink('mailto:a@example.com'), { ok: false, problem: 'not-http' });
    assert.deepEqual(checkLink('ftp://example.com/'), { ok: false, problem: 'not-http' });
    assert.deepEqual(checkLink('https://cnn.com@evil.example/'), { ok: false, problem: 'credentials' });
    assert.deepEqual(checkLink('https://cnn/'), { ok: false, problem: 'no-public-host' });
    assert.deepEqual(checkLink('http://exa mple.com/'), { ok: false, problem: 'invalid' });
  });
});

describe('validateLinks', () => {
  it('names the field of an empty author website (the reference page defect)', () => {
    const errors = validateLinks({ originalUrl: 'https://www.cnn.com/x', authors: [{ name: 'A B', website: 'https://a.example/' }, { name: 'M B', website: '' }] });
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.field, 'authors[1].website');
    assert.equal(errors[0]?.problem, 'empty');
    assert.match(errors[0]?.message ?? '', /^authors\[1\]\.website: the link has no target/);
  });
  it('accepts absent optional fields and a fully valid piece', () => {
    assert.deepEqual(validateLinks({}), []);
    assert.deepEqual(validateLinks({ originalUrl: null, image: null, authors: [{ website: null }], readerSupport: { en: { buttonUrl: null } } }), []);
    assert.deepEqual(
      validateLinks({
        originalUrl: 'https://www.cnn.com/x',
        image: { url: 'https://cdn.example/a.jpg' },
        excerpt: [{ type: 'paragraph', html: 'see <a href="https://example.org/a?b=1&amp;c=2">this</a>' }],
        body: 'Read [the report](https://example.org/r "Report") and ![map](https://example.org/m.png).',
        readerSupport: { en: { buttonUrl: 'https://example.org/donate' }, uk: { buttonUrl: 'https://example.org/uk/donate' } },
      }),
      [],
    );
  });
  it('finds bad links inside excerpt HTML, including an <a> with no href', () => {
    const errors = validateLinks({
      excerpt: [
        { type: 'paragraph', html: 'ok' },
        { type: 'paragraph', html: '<a href="JAVASCRIPT:alert(1)">x</a> and <a>y</a>' },
        { type: 'list', ordered: false, items: ['<a href=\'/relative\'>z</a>'] },
        { type: 'quote', html: 'q', cite: '' },
        { type: 'figure', image: { url: '//cdn.example/a.jpg' } },
      ],
    });
    assert.deepEqual(errors.map((e) => [e.field, e.problem]), [
      ['excerpt[1]', 'script'], ['excerpt[1]', 'empty'], ['excerpt[2]', 'relative'], ['excerpt[3]', 'empty'], ['excerpt[4]', 'protocol-relative'],
    ]);
  });
  it('finds bad links in a Markdown body but not inside code', () => {
    const body = [
      '[empty]() and [js](javascript:alert(1)) and <javascript:alert(2)>',
      '[ref]: /relative',
      '<a href="">html</a>',
      '`[code](javascript:no)`',
      '```',
      '[fenced](javascript:no)',
      '```',
    ].join('\n');
    const errors = validateLinks({ body });
    assert.deepEqual(errors.map((e) => e.problem), ['empty', 'script', 'relative', 'script', 'empty']);
    assert.ok(errors.every((e) => e.field === 'body'));
  });
  it('checks the reader-support button, image, outlet and profiles', () => {
    const errors = validateLinks({
      image: { url: 'data:image/png;base64,AAAA' },
      outlet: { homeUrl: 'cnn.com' },
      authors: [{ profiles: ['https://x.example/a', ''] }],
      readerSupport: { uk: { buttonUrl: '' } },
    });
    assert.deepEqual(errors.map((e) => e.field), ['image.url', 'outlet.homeUrl', 'authors[0].profiles[1]', 'readerSupport.uk.buttonUrl']);
  });
});

describe('markdownLinks', () => {
  it('reads angle-bracket destinations and titles', () => {
    assert.deepEqual(markdownLinks('[a](<https://e.example/a b>) [b](https://e.example/b \'t\')'), ['https://e.example/a b', 'https://e.example/b']);
  });
});

describe('rendered links', () => {
  it('never yields an author website link without a valid target', () => {
    assert.equal(authorWebsiteLink('', 'he', 'en'), null);
    assert.equal(authorWebsiteLink(undefined, 'he', 'en'), null);
    assert.equal(authorWebsiteLink('javascript:alert(1)', 'she', 'en'), null);
    assert.deepEqual(authorWebsiteLink('https://bociurkiw.example', 'he', 'en'), { href: 'https://bociurkiw.example/', text: 'See his website' });
  });
  it('builds the continue-reading link only from a valid original URL', () => {
    assert.deepEqual(continueReadingLink('https://www.cnn.com/x', 'CNN', 'en'), { href: 'https://www.cnn.com/x', text: 'Continue reading on CNN website' });
    assert.equal(continueReadingLink('/x', 'CNN', 'en'), null);
  });
});
