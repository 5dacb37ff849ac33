import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commonFeedUrls, discoverFeeds, siteNameOf } from './discover.ts';
import { buildOpml, parseOpml } from './opml.ts';
import { cacheMaxAge, clampInterval, delayAfterFailure, delayAfterSuccess, retryAfterSeconds, shouldPause } from './poll-policy.ts';
import { compileRules, matchRules, parseRulesJson } from './watch-rules.ts';

describe('watch rules', () => {
  const rules = compileRules([{ pattern: 'Kazakhstan|Казахстан|Казахстан', action: 'flag' }, { pattern: '"ЄС"|European Union', action: 'capture' }]);
  const hit = (t: string) => matchRules(rules, t).map((r) => r.action);
  it('matches English, Ukrainian and Russian forms, inflections included', () => {
    assert.deepEqual(hit('Kazakhstan votes'), ['flag']);
    assert.deepEqual(hit("KAZAKHSTAN's reform"), ['flag']);
    assert.deepEqual(hit('Вибори в Казахстані'), ['flag']);
    assert.deepEqual(hit('Новости Казахстана'), ['flag']);
    assert.deepEqual(hit('Посол Казахстану'), ['flag']);
  });
  it('matches at word starts only, and quoted words whole', () => {
    assert.deepEqual(hit('Ukazakhstan is not a word'), []);
    assert.deepEqual(hit('Рішення ЄС щодо'), ['capture']);
    assert.deepEqual(hit('ЄСПЧ рішення'), [], 'a quoted word does not match a longer word');
    assert.deepEqual(hit('the European  Union said'), ['capture'], 'phrases tolerate extra spaces');
  });
  it('reads rules from JSON, tolerating junk', () => {
    assert.deepEqual(parseRulesJson('["Kazakhstan", {"pattern":"x","action":"capture"}, 5]'), [{ pattern: 'Kazakhstan', action: 'flag' }, { pattern: 'x', action: 'capture' }]);
    assert.deepEqual(parseRulesJson('{bad'), []);
    assert.deepEqual(compileRules([{ pattern: ' | ', action: 'flag' }]), []);
  });
});

describe('feed discovery', () => {
  it('finds <link rel=alternate> feeds, resolved against <base>, and ignores comment feeds', () => {
    const html = `<html><head><base href="https://news.test/uk/">
      <link rel="alternate" type="application/rss+xml" title="Головне" href="rss.xml">
      <link rel="alternate" type="application/atom+xml" href="/atom.xml">
      <link rel="alternate" type="application/rss+xml" title="Comments" href="/comments/feed">
      <link rel="alternate" hreflang="en" href="/en/">
      <link rel="alternate" type="application/feed+json" href="https://news.test/feed.json">
      </head><body><a href="/rss/">RSS</a></body></html>`;
    assert.deepEqual(discoverFeeds(html, 'https://news.test/').map((f) => [f.url, f.title]), [
      ['https://news.test/uk/rss.xml', 'Головне'], ['https://news.test/atom.xml', null], ['https://news.test/feed.json', null],
    ]);
  });
  it('falls back to anchors that look like feeds, then to common paths', () => {
    const found = discoverFeeds('<a href="/section/feed">Subscribe</a><a href="/about">About</a>', 'https://blog.test/');
    assert.deepEqual(found.map((f) => [f.url, f.source]), [['https://blog.test/section/feed', 'anchor']]);
    assert.equal(commonFeedUrls('https://blog.test/x')[0]!.url, 'https://blog.test/feed');
  });
  it('names the outlet from og:site_name, else the first part of the title', () => {
    assert.equal(siteNameOf('<head><meta property="og:site_name" content="Orda.kz"><title>Home | Orda</title></head>'), 'Orda.kz');
    assert.equal(siteNameOf('<title>Українська правда — Новини</title>'), 'Українська правда');
    assert.equal(siteNameOf('<p>no head</p>'), null);
  });
});

describe('OPML', () => {
  it('round-trips feeds with folders', () => {
    const xml = buildOpml([{ xmlUrl: 'https://a.test/rss', title: 'A & Co', htmlUrl: 'https://a.test/', category: 'Wires' }, { xmlUrl: 'https://b.test/atom', title: null, htmlUrl: null, category: null }], { title: 'newsdesk feeds', now: new Date('2024-05-14T00:00:00Z') });
    const back = parseOpml(xml);
    assert.ok(back.ok);
    assert.deepEqual(back.feeds, [
      { xmlUrl: 'https://a.test/rss', title: 'A & Co', htmlUrl: 'https://a.test/', category: 'Wires' },
      { xmlUrl: 'https://b.test/atom', title: 'https://b.test/atom', htmlUrl: null, category: null },
    ]);
  });
  it('rejects what is not OPML and skips outlines without a usable xmlUrl', () => {
    assert.equal(parseOpml('<html></html>').ok, false);
    const r = parseOpml('<opml version="1.0"><body><outline text="x" xmlUrl="javascript:1"/><outline text="y" xmlUrl="https://y.test/f"/></body></opml>');
    assert.ok(r.ok);
    assert.deepEqual(r.feeds.map((f) => f.xmlUrl), ['https://y.test/f']);
  });
});

describe('poll policy', () => {
  const fixed = () => 0.5;
  it('honours max-age and ttl only to poll less often, within limits', () => {
    assert.equal(delayAfterSuccess({ intervalSeconds: 900, random: fixed }), 900);
    assert.equal(delayAfterSuccess({ intervalSeconds: 900, maxAgeSeconds: 3600, random: fixed }), 3600);
    assert.equal(delayAfterSuccess({ intervalSeconds: 900, maxAgeSeconds: 10, random: fixed }), 900, 'a short max-age never speeds polling up');
    assert.equal(delayAfterSuccess({ intervalSeconds: 900, ttlSeconds: 10 * 86400, random: fixed }), 86400, 'capped at a day');
    assert.equal(delayAfterSuccess({ intervalSeconds: 30, random: fixed }), 120, 'never under 2 minutes');
    assert.equal(delayAfterSuccess({ intervalSeconds: 900, random: () => 0 }), 810, 'jitter is ±10%');
  });
  it('backs off exponentially with jitter, capped, never before Retry-After', () => {
    const d = (n: number, r = fixed) => delayAfterFailure({ intervalSeconds: 900, consecutiveErrors: n, random: r });
    assert.equal(d(1), 675);
    assert.equal(d(2), 1350);
    assert.equal(d(3), 2700);
    assert.equal(d(20, () => 1), 21600, 'capped at 6 h');
    assert.equal(d(20, () => 0), 10800, 'half the ceiling is fixed, half random');
    assert.equal(delayAfterFailure({ intervalSeconds: 900, consecutiveErrors: 1, retryAfterSeconds: 7200, random: fixed }), 7200);
  });
  it('parses Cache-Control, Retry-After and pauses after N failures', () => {
    assert.equal(cacheMaxAge('public, max-age=600'), 600);
    assert.equal(cacheMaxAge('no-cache'), null);
    assert.equal(retryAfterSeconds('120', new Date()), 120);
    assert.equal(retryAfterSeconds('Wed, 21 Oct 2015 07:30:00 GMT', new Date('2015-10-21T07:28:00Z')), 120);
    assert.equal(retryAfterSeconds('soon', new Date()), null);
    assert.equal(shouldPause(9), false);
    assert.equal(shouldPause(10), true);
    assert.equal(clampInterval(60), 120);
  });
});
