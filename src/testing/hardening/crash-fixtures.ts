import { startFixtureServer, type FixtureServer } from '../fixture-server.ts';

/*
 * The loopback "other outlets" of the crash suite: many distinct article pages (headline, byline, date,
 * paragraphs) for the client to capture, and RSS feeds whose items are article pages too and whose titles
 * match an auto-capture watch rule, so the worker has real work with visible side effects (candidates,
 * captures) while it is being killed. Feeds grow while the run goes on, so later polls find new items.
 */

/** The word every feed item's title carries; a global `capture` watch rule on it makes auto-capture jobs. */
export const WATCH_WORD = 'bulletin';

const AUTHORS = ['Olena Marchuk', 'Tomas Berger', 'Ines Duarte', 'Kofi Mensah', 'Hanna Lind', 'Ravi Iyer', 'Mira Sato', 'Jonas Weber',
  'Leila Haddad', 'Piotr Nowak', 'Ana Ribeiro', 'Daniel Okafor'];
const WORDS = ['harbour', 'council', 'river', 'budget', 'school', 'railway', 'market', 'library', 'bridge', 'winter', 'harvest', 'clinic',
  'museum', 'ferry', 'archive', 'tram', 'orchard', 'quarry', 'festival', 'canal'];

/** One generated article page and what its capture must yield. */
export interface ArticleFixture {
  path: string;
  headline: string;
  authors: string[];
  paragraphs: string[];
}

function word(n: number): string {
  return WORDS[n % WORDS.length]!;
}

function paragraph(seed: number, p: number): string {
  const parts: string[] = [];
  for (let w = 0; w < 42; w++) parts.push(word(seed * 7 + p * 13 + w * 3 + (w % 5)));
  return `In the ${word(seed + p)} story number ${seed}, paragraph ${p + 1}: ${parts.join(' ')}.`;
}

/** The article at `path`, deterministic in `seed` (one or two authors from a shared pool). */
export function articleFixture(path: string, seed: number, headline: string): ArticleFixture {
  const authors = seed % 3 === 0 ? [AUTHORS[seed % AUTHORS.length]!, AUTHORS[(seed + 5) % AUTHORS.length]!] : [AUTHORS[seed % AUTHORS.length]!];
  return { path, headline, authors, paragraphs: Array.from({ length: 6 }, (_, p) => paragraph(seed, p)) };
}

function slugOf(name: string): string {
  return name.toLowerCase().replace(/\s+/g, '-');
}

/** The HTML of an article fixture; `{{ORIGIN}}` is filled in by the fixture server. */
export function articleHtml(a: ArticleFixture, publishedAt: string): string {
  const people = a.authors.map((n) => ({ '@type': 'Person', name: n, url: `{{ORIGIN}}/people/${slugOf(n)}` }));
  const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: a.headline, datePublished: publishedAt, author: people,
    publisher: { '@type': 'Organization', name: 'Loopback Courier', url: '{{ORIGIN}}/' } };
  const byline = a.authors.map((n) => `<a rel="author" href="/people/${slugOf(n)}">${n}</a>`).join(' and ');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${a.headline} | Loopback Courier</title>
<link rel="canonical" href="{{ORIGIN}}${a.path}"><meta property="og:site_name" content="Loopback Courier">
<meta property="og:title" content="${a.headline}"><meta property="article:published_time" content="${publishedAt}">
<meta name="author" content="${a.authors.join(', ')}"><script type="application/ld+json">${JSON.stringify(ld)}</script></head>
<body><nav><a href="/">Home</a></nav><main><article><h1>${a.headline}</h1>
<div class="byline">By ${byline} <time datetime="${publishedAt}">${publishedAt.slice(0, 10)}</time></div>
${a.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article></main><footer>Loopback Courier</footer></body></html>`;
}

/** The pages the client captures: `/news/<n>.html`. */
export function clientArticle(n: number): ArticleFixture {
  return articleFixture(`/news/2026/story-${n}.html`, n, `The ${word(n)} and the ${word(n + 7)}: report ${n}`);
}

function feedItem(feed: number, n: number): ArticleFixture {
  return articleFixture(`/wire/${feed}/item-${n}.html`, 10_000 + feed * 1000 + n, `Wire ${WATCH_WORD} ${feed}-${n} on the ${word(n + feed)}`);
}

function rss(feed: number, count: number, at: string): string {
  const items = Array.from({ length: count }, (_, n) => feedItem(feed, n)).map((a) => `<item><title>${a.headline}</title>
<link>{{ORIGIN}}${a.path}</link><guid>{{ORIGIN}}${a.path}</guid><pubDate>${new Date(at).toUTCString()}</pubDate>
<description>${a.paragraphs[0]}</description></item>`);
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire ${feed}</title><link>{{ORIGIN}}/</link>
<description>Loopback wire ${feed}</description>${items.join('\n')}</channel></rss>`;
}

/** The fixture web: article pages, feeds, and a way to make feeds grow. */
export interface CrashFixtures {
  server: FixtureServer;
  /** Feed URLs (`{origin}/feeds/<k>.xml`). */
  feedUrls: string[];
  /** Adds `more` items to every feed (and serves their pages). */
  grow(more: number): void;
  close(): Promise<void>;
}

/** Starts the fixture server with `articles` client pages and `feeds` feeds of `items` items each. */
export async function startCrashFixtures(o: { articles: number; feeds: number; items: number }): Promise<CrashFixtures> {
  const server = await startFixtureServer();
  const at = '2026-11-20T09:30:00Z';
  for (let n = 0; n < o.articles; n++) {
    const a = clientArticle(n);
    server.set(a.path, { body: articleHtml(a, at) });
  }
  const counts = Array.from({ length: o.feeds }, () => 0);
  const grow = (more: number) => {
    counts.forEach((c, k) => {
      for (let n = c; n < c + more; n++) server.set(feedItem(k, n).path, { body: articleHtml(feedItem(k, n), at) });
      counts[k] = c + more;
      server.set(`/feeds/${k}.xml`, { body: rss(k, counts[k]!, at), headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
    });
  };
  grow(o.items);
  return { server, feedUrls: counts.map((_, k) => `${server.origin}/feeds/${k}.xml`), grow, close: () => server.close() };
}
