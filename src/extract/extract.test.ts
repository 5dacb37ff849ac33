import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blocksToText, extract, extractBody, type ExtractOptions } from './extract.ts';
import type { BodyBlock, Extraction } from '../model/capture.ts';

const URL_ = 'https://news.example.com/world/2024/05/01/story.html';
const PROSE = [
  'The city council voted on Tuesday to expand the tram network, ending a debate that has lasted for more than a decade, officials said.',
  'Supporters argued that the new lines would cut commuting times, reduce traffic and bring investment to neighbourhoods long left behind.',
  'Opponents, including several shop owners, warned that years of construction would hurt business along the main avenues of the old town.',
  'The first section is expected to open in 2027, and the council said it would publish a detailed timetable for the works next month.',
];

function page(article: string, extra = ''): string {
  return `<!doctype html><html><head><title>Council backs trams - Example News</title></head><body>
    <nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
    <div id="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
    <main><article><h1>Council backs trams</h1>${article}</article>
    <aside class="related-stories"><h2>Related</h2><ul><li><a href="/a">Another story about something else entirely in town</a></li><li><a href="/b">Yet another story that readers also liked this week</a></li></ul></aside>
    ${extra}</main>
    <footer class="site-footer"><p>© 2024 Example News. All rights reserved. Contact us, privacy policy, terms of use.</p></footer>
  </body></html>`;
}

function paragraphs(list = PROSE): string {
  return list.map((p) => `<p>${p}</p>`).join('\n');
}

function ok(html: string, options?: ExtractOptions): Extraction {
  const result = extract(html, URL_, options);
  assert.ok(result.ok, result.ok ? '' : `expected an article, got ${result.reason}: ${result.message}`);
  return result.extraction;
}

function text(blocks: BodyBlock[]): string {
  return blocksToText(blocks);
}

test('extracts the paragraphs of a plain article, one per line, without page furniture', () => {
  const x = ok(page(paragraphs()));
  assert.equal(text(x.body), PROSE.join('\n'));
  assert.equal(x.bodySource, 'article-density');
  assert.equal(x.paywalled, false);
  assert.ok(x.wordCount > 80);
});

test('strips share bars, newsletter boxes, comments, ads and "Read more" teasers inside the article', () => {
  const article = `${paragraphs(PROSE.slice(0, 2))}
    <div class="share-bar"><a href="https://facebook.com/share">Share on Facebook</a> <a href="#">Tweet</a></div>
    <p><strong>Read more:</strong> <a href="/other">Why the tram debate took ten years</a></p>
    <div class="ad-slot">Advertisement</div>
    <div class="newsletter-signup"><p>Sign up for our daily newsletter to get the best stories delivered to your inbox every morning.</p></div>
    ${paragraphs(PROSE.slice(2))}
    <section id="comments"><p>Great article, I have been waiting for this tram line for years and I am glad it is happening!</p></section>`;
  const x = ok(page(article));
  assert.equal(text(x.body), PROSE.join('\n'));
});

test("drops an op-ed's editor's note boilerplate", () => {
  const note = "<p><em>Editor's Note: Jane Doe is a professor of urban planning. The views expressed in this commentary are her own.</em></p>";
  const x = ok(page(note + paragraphs()));
  assert.equal(text(x.body), PROSE.join('\n'));
});

test('keeps headings, lists and quotes as structured blocks', () => {
  const article = `${paragraphs(PROSE.slice(0, 2))}<h2>What happens next</h2>
    <ul><li>Consultation in June</li><li>Works start in 2025</li></ul>
    <blockquote cite="/quotes/1"><p>This is a historic day for the city and for everyone who takes the tram.</p></blockquote>${paragraphs(PROSE.slice(2))}`;
  const x = ok(page(article));
  const types = x.body.map((b) => b.type);
  assert.deepEqual(types, ['paragraph', 'paragraph', 'heading', 'list', 'quote', 'paragraph', 'paragraph']);
  const quote = x.body[4];
  assert.ok(quote?.type === 'quote' && quote.cite === 'https://news.example.com/quotes/1');
});

test('sanitizes inline HTML: no scripts, handlers, javascript:/data: links; relative links made absolute', () => {
  const article = `<p onclick="steal()">The <a href="/council" onmouseover="x()">council</a> met <b style="color:red">today</b><script>alert(1)</script>
    and <a href="javascript:alert(1)">voted</a> <a href="data:text/html,hi">twice</a> <a href="JaVa&#9;script:alert(2)">again</a>, said <img src="x" onerror="alert(1)">officials, in a long meeting that went on until late at night.</p>${paragraphs()}`;
  const x = ok(page(article));
  const first = x.body[0];
  assert.ok(first?.type === 'paragraph');
  assert.equal(first.html, 'The <a href="https://news.example.com/council">council</a> met <b>today</b> and voted twice again, said officials, in a long meeting that went on until late at night.');
  const all = JSON.stringify(x.body);
  for (const bad of ['script', 'onclick', 'onerror', 'javascript:', 'data:', 'style=']) assert.ok(!all.toLowerCase().includes(bad), bad);
});

test('keeps iframes only from allowed hosts, as embeds', () => {
  const article = `${paragraphs(PROSE.slice(0, 2))}<iframe src="https://www.youtube.com/embed/abc"></iframe>
    <iframe src="https://evil.example.net/x"></iframe>${paragraphs(PROSE.slice(2))}`;
  const embeds = ok(page(article)).body.filter((b) => b.type === 'embed');
  assert.deepEqual(embeds, [{ type: 'embed', url: 'https://www.youtube.com/embed/abc', provider: 'youtube.com' }]);
  assert.equal(ok(page(article), { embedHosts: [] }).body.filter((b) => b.type === 'embed').length, 0);
});

test('figures keep an absolute image URL and the caption', () => {
  const article = `${paragraphs(PROSE.slice(0, 2))}<figure><img data-src="/img/tram.jpg" src="data:image/gif;base64,R0l" alt="A tram"><figcaption>A tram in the old town.</figcaption></figure>${paragraphs(PROSE.slice(2))}`;
  const figure = ok(page(article)).body.find((b) => b.type === 'figure');
  assert.deepEqual(figure, { type: 'figure', image: { url: 'https://news.example.com/img/tram.jpg', alt: 'A tram', caption: 'A tram in the old town.' } });
});

test('reads loose text separated by <br> in a bare <div> as paragraphs', () => {
  const article = `<div class="text">${PROSE.join('<br><br>')}</div>`;
  assert.equal(text(ok(page(article)).body), PROSE.join('\n'));
});

test('flags a teaser behind a paywall', () => {
  const article = `${paragraphs(PROSE.slice(0, 2))}<div class="paywall"><p>Subscribe to continue reading this article. Already a subscriber? Log in.</p></div>`;
  const x = ok(page(article));
  assert.equal(x.paywalled, true);
  assert.ok(x.warnings.some((w) => w.field === 'body' && w.message.startsWith('probably paywalled')));
  assert.equal(text(x.body), PROSE.slice(0, 2).join('\n'));
});

test('uses JSON-LD articleBody when the markup lost the article', () => {
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', articleBody: PROSE.join('\n') });
  const html = `<html><head><script type="application/ld+json">${ld}</script></head><body><div id="app">Loading…</div></body></html>`;
  const x = ok(html);
  assert.equal(x.bodySource, 'json-ld');
  assert.equal(text(x.body), PROSE.join('\n'));
});

test('returns typed refusals for empty pages and pages that are not articles', () => {
  const empty = extract('   ', URL_);
  assert.deepEqual(empty.ok ? null : empty.reason, 'empty-page');
  const blank = extract('<html><body><div></div></body></html>', URL_);
  assert.equal(blank.ok ? null : blank.reason, 'empty-page');
  const links = Array.from({ length: 30 }, (_, i) => `<li><a href="/s${i}">Story number ${i} headline</a></li>`).join('');
  const home = extract(`<html><body><ul>${links}</ul></body></html>`, URL_);
  assert.equal(home.ok ? null : home.reason, 'not-an-article');
  assert.ok(!home.ok && home.message.length > 0);
});

test('never throws on malformed HTML', () => {
  const inputs = ['<p>unclosed <b>bold <i>italic', '</div></div><p>stray closers', '<<<>>>&&&;', '<html><body><table><p>x</td></tr>', '\u0000\uffff<svg><p>'];
  for (const html of inputs) assert.doesNotThrow(() => extract(html, URL_));
  assert.ok(ok(`<div><p>${PROSE.join('</p><p>')}`).body.length >= 4);
});

test('survives 100k nested elements without overflowing the stack', () => {
  const depth = 100_000;
  const html = `<html><body>${'<div>'.repeat(depth)}<p>${PROSE.join(' ')}</p>${'</div>'.repeat(depth)}</body></html>`;
  const result = extract(html, URL_);
  assert.ok(result.ok);
  assert.ok(blocksToText(result.extraction.body).includes('tram network'));
});

test('handles a 10 MB single text node', () => {
  const huge = 'word '.repeat(2_000_000);
  const result = extract(`<html><body><article><p>${huge}</p></article></body></html>`, URL_);
  assert.ok(result.ok);
  assert.equal(result.extraction.wordCount, 2_000_000);
});

test('survives stray markup before <html>', () => {
  const html = `<style>.x{}</style>\n<!DOCTYPE html>${page(paragraphs())}`;
  assert.equal(text(ok(html).body), PROSE.join('\n'));
});

test('extractBody gives the same body without metadata', () => {
  const result = extractBody(page(paragraphs()), URL_);
  assert.ok(result.ok);
  assert.equal(blocksToText(result.value.body), PROSE.join('\n'));
  assert.equal(extractBody('', URL_).ok, false);
});

test('reads paragraphs placed straight into <body>, and leaves out captions outside figures', () => {
  const html = `<html><body>${paragraphs()}<div class="image-caption">The council chamber on Tuesday. Photo: J. Doe</div></body></html>`;
  assert.equal(text(ok(html).body), PROSE.join('\n'));
});

test('reads pages without an <html> element and bare fragments', () => {
  assert.equal(text(ok(`<!DOCTYPE html>\n<head><title>t</title></head><body>${paragraphs()}</body>`).body), PROSE.join('\n'));
  assert.equal(text(ok(`<header><a href="/">Home</a></header>${paragraphs()}`).body), PROSE.join('\n'));
});

test('finds an article that the markup left after </html>', () => {
  const html = `<!DOCTYPE html><html><head><title>t</title></head><body><nav><a href="/">Home</a></nav></body></html><div class="post">${paragraphs()}</div>`;
  assert.equal(text(ok(html).body), PROSE.join('\n'));
});

test('reads a paywall declared in JSON-LD at the end of the body', () => {
  const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Council backs trams', isAccessibleForFree: false });
  const x = ok(page(paragraphs(PROSE.slice(0, 2)), `<script type="application/ld+json">${ld}</script>`));
  assert.equal(x.paywalled, true);
});

test('a box named like furniture is kept when it holds the article, and dropped elsewhere', () => {
  const long = PROSE.map((p) => `<p>${p} ${p}</p>`).join('');
  const html = page(`<div class="promo-box">${long}</div>`, '<div class="promo-box"><p>Try our new app today, it is free for readers.</p></div>');
  const body = text(ok(html).body);
  assert.ok(body.includes(PROSE[3]!));
  assert.ok(!body.includes('Try our new app'));
});
