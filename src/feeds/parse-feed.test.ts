import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import type { FeedParseResult, ParsedFeed } from '../model/feed.ts';
import { parseFeedDate } from './feed-date.ts';
import { parseFeed } from './parse-feed.ts';

const NOW = new Date('2024-05-15T00:00:00Z');
const read = (name: string) => fs.readFileSync(new URL(`testdata/${name}`, import.meta.url), 'utf8');
function ok(r: FeedParseResult): ParsedFeed {
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r.feed;
}

describe('parseFeed: formats', () => {
  it('RSS 2.0 with Dublin Core, Media RSS, relative links, guid permalinks, bad dates', () => {
    const f = ok(parseFeed(read('rss-dc-media.xml'), { url: 'https://example-times.test/opinion/rss.xml', now: NOW }));
    assert.equal(f.format, 'rss');
    assert.equal(f.title, 'Example Times \u2014 Opinion');
    assert.equal(f.ttlSeconds, 3600);
    assert.equal(f.hubUrl, 'https://hub.example-times.test/');
    assert.equal(f.selfUrl, 'https://example-times.test/opinion/rss.xml');
    assert.equal(f.language, 'en-gb');
    assert.equal(f.items.length, 3);
    assert.equal(f.skipped, 1, 'the item without a link is skipped');
    const [a, b, c] = f.items;
    assert.equal(a!.url, 'https://example-times.test/opinion/2024/05/why-the-steppe-matters?utm_source=rss');
    assert.equal(a!.title, 'Why the steppe matters & what comes next');
    assert.deepEqual(a!.authors, ['Jane Doe', 'John Roe']);
    assert.equal(a!.publishedAt, '2024-05-14T07:30:00.000Z');
    assert.equal(a!.summary, 'The first paragraph explains why the region matters now.\nSecond.');
    assert.equal(a!.imageUrl, 'https://cdn.example-times.test/steppe.jpg');
    assert.equal(a!.guid, 'et-1001');
    assert.equal(b!.url, 'https://example-times.test/opinion/guid-only');
    assert.deepEqual(b!.authors, ['Ann Smith'], 'the e-mail address is never an author');
    assert.equal(b!.publishedAt, '2024-05-14T15:00:00.000Z');
    assert.equal(b!.imageUrl, 'https://cdn.example-times.test/e.png');
    assert.equal(c!.publishedAt, null, 'an invalid date is null, not a guess');
    assert.equal(c!.imageUrl, 'https://example-times.test/thumbs/bad-date.jpg');
  });

  it('Atom 1.0 with html titles, relative links, enclosure images, xml:lang', () => {
    const f = ok(parseFeed(read('atom.xml'), { url: 'https://pryklad.test/atom.xml', now: NOW }));
    assert.equal(f.format, 'atom');
    assert.equal(f.hubUrl, 'https://pubsubhubbub.test/');
    assert.equal(f.homeUrl, 'https://pryklad.test/');
    const [a, b] = f.items;
    assert.equal(a!.title, 'Казахстан обирає');
    assert.equal(a!.url, 'https://pryklad.test/news/kz');
    assert.equal(a!.publishedAt, '2024-05-14T06:00:00.000Z');
    assert.deepEqual(a!.authors, ['Олена Петренко']);
    assert.equal(a!.summary, 'Перший абзац новини про вибори.');
    assert.equal(a!.imageUrl, 'https://pryklad.test/kz.jpg');
    assert.equal(a!.language, 'uk');
    assert.equal(b!.publishedAt, '2024-05-13T08:00:00.000Z', 'updated stands in for a missing published');
  });

  it('RSS 1.0 (RDF) with dc:date and dc:creator', () => {
    const f = ok(parseFeed(read('rdf.xml'), { url: 'https://rdf.test/rss', now: NOW }));
    assert.equal(f.format, 'rdf');
    assert.equal(f.items[0]!.publishedAt, '2024-05-01T10:00:00.000Z');
    assert.deepEqual(f.items[0]!.authors, ['Max Muster']);
    assert.equal(f.items[0]!.language, 'de');
  });

  it('JSON Feed 1.1 with hubs and an untitled item', () => {
    const f = ok(parseFeed(read('feed.json'), { url: 'https://json.test/feed.json', now: NOW }));
    assert.equal(f.format, 'json');
    assert.equal(f.hubUrl, 'https://hub.json.test/');
    assert.equal(f.items[0]!.imageUrl, 'https://json.test/one.jpg');
    assert.deepEqual(f.items[0]!.authors, ['Ada']);
    assert.equal(f.items[1]!.url, 'https://json.test/two');
    assert.match(f.items[1]!.title, /^An item with no title/);
    assert.equal(f.items[1]!.publishedAt, '2024-05-13T13:00:00.000Z');
  });

  it('JSON Feed 1.0: singular author, the feed\u2019s author as the default, relative and banner images, external URLs', () => {
    const f = ok(parseFeed(read('feed-1.0.json'), { url: 'https://json10.test/feed.json', now: NOW }));
    assert.equal(f.format, 'json');
    const [first, linked, two] = f.items;
    assert.equal(first!.url, 'https://json10.test/2024/05/first');
    assert.deepEqual(first!.authors, ['Олена Петренко']);
    assert.equal(first!.imageUrl, 'https://json10.test/img/first.jpg');
    assert.equal(first!.publishedAt, '2024-05-14T06:00:00.000Z');
    assert.equal(linked!.url, 'https://elsewhere.test/story');
    assert.deepEqual(linked!.authors, ['The Desk'], 'an item without authors takes the feed\u2019s');
    assert.equal(linked!.imageUrl, 'https://json10.test/banner.png');
    assert.deepEqual(two!.authors, ['Ada Lovelace', 'Charles Babbage'], 'an author with only a URL names no one');
    assert.equal(two!.imageUrl, null);
  });

  it('JSON Feed 1.1: several authors on the feed and on items, item image before banner', () => {
    const doc = {
      version: 'https://jsonfeed.org/version/1.1', title: 'J', home_page_url: 'https://j11.test/', language: 'uk',
      authors: [{ name: 'Редакція' }, { name: 'Desk Two', avatar: 'https://j11.test/a.png' }],
      items: [
        { id: '1', url: 'https://j11.test/1', title: 'Own authors', authors: [{ name: 'Ірина Коваль' }, { name: 'Max Muster' }], image: 'https://j11.test/1.jpg', banner_image: 'https://j11.test/b.jpg', date_published: '2024-05-14T08:00:00Z' },
        { id: '2', url: 'https://j11.test/2', title: 'Feed authors', banner_image: '/b2.jpg', date_published: '2024-05-14T07:00:00Z', language: 'en' },
      ],
    };
    const f = ok(parseFeed(JSON.stringify(doc), { url: 'https://j11.test/feed.json', now: NOW }));
    assert.deepEqual(f.items.map((i) => i.authors), [['Ірина Коваль', 'Max Muster'], ['Редакція', 'Desk Two']]);
    assert.deepEqual(f.items.map((i) => i.imageUrl), ['https://j11.test/1.jpg', 'https://j11.test/b2.jpg']);
    assert.deepEqual(f.items.map((i) => i.language), ['uk', 'en']);
  });

  it('Atom: an entry without an author takes the feed\u2019s, one with its own keeps it', () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id>
<updated>2024-05-14T08:00:00Z</updated><author><name>Редакція</name></author><link rel="alternate" href="https://atom.test/"/>
<entry><title>Own</title><id>urn:1</id><link href="https://atom.test/1"/><updated>2024-05-14T08:00:00Z</updated><author><name>Ірина Коваль</name></author></entry>
<entry><title>Inherited</title><id>urn:2</id><link href="https://atom.test/2"/><updated>2024-05-14T07:00:00Z</updated></entry></feed>`;
    const f = ok(parseFeed(atom, { url: 'https://atom.test/feed.xml', now: NOW }));
    assert.deepEqual(f.items.map((i) => i.authors), [['Ірина Коваль'], ['Редакція']]);
  });

  it('news sitemaps and plain sitemaps', () => {
    const f = ok(parseFeed(read('news-sitemap.xml'), { url: 'https://sitemap.test/news.xml', now: NOW }));
    assert.equal(f.format, 'news-sitemap');
    assert.equal(f.items[0]!.title, 'Реформа: голосование');
    assert.equal(f.items[0]!.publishedAt, '2024-05-14T02:00:00.000Z');
    assert.equal(f.items[0]!.language, 'ru');
    assert.equal(f.items[0]!.imageUrl, 'https://sitemap.test/img/reform.jpg');
    assert.equal(f.items[1]!.title, 'Plain story slug');
    const index = parseFeed('<sitemapindex><sitemap><loc>https://s.test/a.xml</loc></sitemap></sitemapindex>', { url: 'https://s.test/', now: NOW });
    assert.ok(!index.ok && /sitemap index of 1/.test(index.message));
  });

  it('RSS 0.91 without dates', () => {
    const f = ok(parseFeed('<rss version="0.91"><channel><title>Old</title><link>https://old.test/</link><item><title>One</title><link>https://old.test/1</link></item></channel></rss>', { url: null }));
    assert.equal(f.items[0]!.publishedAt, null);
  });
});

describe('parseFeed: hostile and broken input', () => {
  it('never expands a billion-laughs entity', () => {
    const f = ok(parseFeed(read('billion-laughs.xml'), { url: 'https://lol.test/rss', now: NOW }));
    assert.ok(f.items[0]!.title.length < 100, `title stayed small: ${f.items[0]!.title.length}`);
    assert.doesNotMatch(f.items[0]!.title, /lollol/);
  });

  it('never resolves external entities', () => {
    const f = ok(parseFeed(read('xxe.xml'), { url: 'https://xxe.test/rss', now: NOW }));
    assert.doesNotMatch(f.items[0]!.title, /root:/);
    assert.doesNotMatch(JSON.stringify(f), /root:x:0/);
  });

  it('explains HTML, empty bodies, JSON that is not a feed, and garbage', () => {
    const html = parseFeed('<!DOCTYPE html><html><head><title>Home</title></head><body>hi</body></html>', { url: null });
    assert.equal(html.ok ? 'ok' : html.reason, 'html');
    const empty = parseFeed('  \n', { url: null });
    assert.equal(empty.ok ? 'ok' : empty.reason, 'empty');
    const json = parseFeed('{"hello": 1}', { url: null });
    assert.equal(json.ok ? 'ok' : json.reason, 'unrecognized');
    const badJson = parseFeed('{"hello": ', { url: null });
    assert.equal(badJson.ok ? 'ok' : badJson.reason, 'malformed');
    const text = parseFeed('just words', { url: null });
    assert.equal(text.ok ? 'ok' : text.reason, 'unrecognized');
    const xml = parseFeed('<note><to>x</to></note>', { url: null });
    assert.equal(xml.ok ? 'ok' : xml.reason, 'unrecognized');
  });

  it('survives truncated XML without throwing', () => {
    const r = parseFeed('<rss version="2.0"><channel><title>Cut</title><item><title>A</title><link>https://c.test/a</link></item><item><title>B', { url: null });
    assert.ok(r.ok || r.reason === 'malformed');
  });

  it('bounds 50,000 items per poll, keeping the newest', () => {
    const items = Array.from({ length: 50_000 }, (_, i) => `<item><title>Item ${i}</title><link>https://big.test/${i}</link><pubDate>${new Date(Date.UTC(2024, 0, 1) + i * 60_000).toUTCString()}</pubDate></item>`);
    const f = ok(parseFeed(`<rss version="2.0"><channel><title>Big</title><link>https://big.test/</link>${items.join('')}</channel></rss>`, { url: null, now: NOW, maxItems: 200 }));
    assert.equal(f.items.length, 200);
    assert.equal(f.truncated, 49_800);
    assert.equal(f.items[0]!.url, 'https://big.test/49999');
  });

  it('drops javascript: and data: links and duplicate links within one feed', () => {
    const f = ok(parseFeed('<rss version="2.0"><channel><title>X</title><item><title>J</title><link>javascript:alert(1)</link></item><item><title>A</title><link>https://d.test/a</link></item><item><title>A again</title><link>https://d.test/a</link></item></channel></rss>', { url: null }));
    assert.deepEqual(f.items.map((i) => i.url), ['https://d.test/a']);
    assert.equal(f.skipped, 2);
  });
});

describe('parseFeed never throws', () => {
  it('on odd shapes and random bytes', () => {
    const inputs = [
      '{"version":"https://jsonfeed.org/version/1.1","title":"x","items":"nope"}',
      '{"version":"https://jsonfeed.org/version/1","items":[null,5,{"url":{}},{"url":"https://j.test/ok","title":["a"]}]}',
      '<rss version="2.0"><channel><item><title><b>x</b></title><link><a>y</a></link></item></channel></rss>',
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href=""/><title/></entry></feed>',
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><item/></rdf:RDF>',
      '<?xml version="1.0"?>', '<', '<<<>>>', '\u0000\u0001',
    ];
    let seed = 7;
    for (let i = 0; i < 50; i++) {
      let junk = '<rss version="2.0"><channel>';
      for (let k = 0; k < 200; k++) { seed = (seed * 1103515245 + 12345) % 2147483648; junk += '<>/&;"item title link'[seed % 22]; }
      inputs.push(junk);
    }
    for (const input of inputs) {
      const r = parseFeed(input, { url: 'https://base.test/feed' });
      assert.ok(r.ok || ['empty', 'html', 'malformed', 'unrecognized'].includes(r.reason));
    }
  });
});

describe('parseFeedDate', () => {
  it('normalises the forms feeds use and rejects the rest', () => {
    assert.equal(parseFeedDate('Tue, 10 Jun 2003 04:00:00 GMT'), '2003-06-10T04:00:00.000Z');
    assert.equal(parseFeedDate('10 Jun 2003 04:00 PDT'), '2003-06-10T11:00:00.000Z');
    assert.equal(parseFeedDate('Mon, 13 May 2024 10:00:00 +0300'), '2024-05-13T07:00:00.000Z');
    assert.equal(parseFeedDate('2024-05-13T10:00:00.123456+03:00'), '2024-05-13T07:00:00.123Z');
    assert.equal(parseFeedDate('2024-05-13 10:00:00'), '2024-05-13T10:00:00.000Z');
    assert.equal(parseFeedDate('2024-05-13'), '2024-05-13T00:00:00.000Z');
    assert.equal(parseFeedDate('31 Feb 2024 10:00 GMT'), null);
    assert.equal(parseFeedDate('Tue, 10 Jun 2003 04:00:00 XYZ'), null);
    assert.equal(parseFeedDate('yesterday'), null);
    assert.equal(parseFeedDate('0000-00-00 00:00:00'), null);
    assert.equal(parseFeedDate('1970-01-01T00:00:00Z'), null);
    assert.equal(parseFeedDate('2099-01-01T00:00:00Z', NOW), null, 'far future is a clock error');
    assert.equal(parseFeedDate(42), null);
  });
});
