/*
 * parseFeed: any feed document → ParsedFeed, or a typed reason it is not one. Pure: no I/O, no clock
 * (the caller passes `now`). XML entities declared in a DOCTYPE are never expanded (the DOCTYPE is
 * removed before parsing and the parser does not process entities), so billion-laughs and external
 * entity documents cost nothing and fetch nothing.
 */
import { parseFeed as parseAny } from 'feedsmith';
import type { FeedFormat, FeedItem, FeedParseResult, ParsedFeed } from '../model/feed.ts';
import { atomEntry, jsonItem, rssItem, splitAuthors, type ItemContext } from './feed-items.ts';
import { absoluteUrl, arr, obj, str } from './loose.ts';
import { parseSitemap } from './sitemap.ts';
import { stripControlsDeep } from '../model/text.ts';

/** Parsing options: the feed's own URL (for relative links), the clock, the per-poll item cap. */
export interface ParseFeedOptions {
  url: string | null;
  now?: Date;
  /** Most items taken from one document (newest first); the rest count as `truncated`. Default 500. */
  maxItems?: number;
}

// The whole DOCTYPE, internal subset included; bounded so a pathological one cannot stall the regex.
const DOCTYPE = /<!DOCTYPE[^[>]{0,1000}(?:\[[\s\S]{0,1000000}?\])?\s*>/i;

function looksLikeHtml(head: string): boolean {
  return /^(?:<!--[\s\S]*?-->\s*)*<!doctype html|^<html[\s>]|^<head[\s>]|^<body[\s>]/i.test(head) || (/<html[\s>]/i.test(head) && !/<(rss|feed|rdf:RDF|urlset)[\s>]/i.test(head));
}

function fail(reason: 'empty' | 'html' | 'malformed' | 'unrecognized', message: string): FeedParseResult {
  return { ok: false, reason, message };
}

/** Parses RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0, JSON Feed 1.0/1.1 and (news) sitemaps. */
export function parseFeed(input: string, opts: ParseFeedOptions): FeedParseResult {
  const result = parseFeedText(input, opts);
  // A feed's text may carry C0 controls (a NUL fails a PostgreSQL write); none of them is meant as text.
  return result.ok ? { ...result, feed: stripControlsDeep(result.feed) } : result;
}

function parseFeedText(input: string, opts: ParseFeedOptions): FeedParseResult {
  const text = input.replace(/^\uFEFF/, '').trim();
  if (!text) return fail('empty', 'the feed is empty (the server sent no content)');
  if (text.startsWith('{')) return parseJson(text, opts);
  const head = text.slice(0, 2048);
  if (looksLikeHtml(head.replace(/^<\?xml[^>]*>\s*/i, ''))) return fail('html', 'this is an HTML page, not a feed (was the feed moved? try adding the outlet by its home page)');
  if (!text.startsWith('<')) return fail('unrecognized', 'this is neither XML nor JSON, so not a feed');
  const xml = text.replace(DOCTYPE, '');
  if (/<(?:[a-z]+:)?(urlset|sitemapindex)[\s>]/i.test(xml.slice(0, 4096))) return sitemapResult(xml, opts);
  let parsed: ReturnType<typeof parseAny>;
  try {
    parsed = parseAny(xml);
  } catch (err) {
    const name = (err as Error).name;
    return name === 'DetectError'
      ? fail('unrecognized', 'this XML is not RSS, Atom, RDF or a sitemap')
      : fail('malformed', `the feed is malformed XML (${(err as Error).message.slice(0, 120)})`);
  }
  return safeNormalise(parsed.format, parsed.feed, opts);
}

// The parser's output for hostile input can be any shape; a surprise there is a bad feed, never a crash.
function safeNormalise(format: 'rss' | 'atom' | 'rdf' | 'json', feed: unknown, opts: ParseFeedOptions): FeedParseResult {
  try {
    return { ok: true, feed: normalise(format, feed, opts) };
  } catch (err) {
    return fail('malformed', `the feed could not be read (${(err as Error).message.slice(0, 120)})`);
  }
}

function parseJson(text: string, opts: ParseFeedOptions): FeedParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('malformed', 'the JSON Feed is not valid JSON');
  }
  try {
    const parsed = parseAny(data);
    return safeNormalise(parsed.format, parsed.feed, opts);
  } catch {
    return fail('unrecognized', 'this JSON is not a JSON Feed');
  }
}

function sitemapResult(xml: string, opts: ParseFeedOptions): FeedParseResult {
  const s = parseSitemap(xml, opts.url, { now: opts.now });
  if (s.kind === 'index') {
    const first = s.sitemaps.slice(0, 3).join(', ');
    return fail('unrecognized', `this is a sitemap index of ${s.sitemaps.length} sitemaps; add one of them instead (${first})`);
  }
  return { ok: true, feed: finish({ format: s.kind, title: null, homeUrl: null, language: null, ttlSeconds: null, hubUrl: null, selfUrl: null }, s.items, 0, opts) };
}

type Meta = Omit<ParsedFeed, 'items' | 'truncated' | 'skipped'>;

function linkRel(links: unknown, rel: string, base: string | null): string | null {
  const hit = arr(links).map(obj).find((l) => (str(l.rel) ?? 'alternate') === rel);
  return hit ? absoluteUrl(hit.href, base) : null;
}

function normalise(format: 'rss' | 'atom' | 'rdf' | 'json', feed: unknown, opts: ParseFeedOptions): ParsedFeed {
  const f = obj(feed);
  const base = opts.url;
  const raw = format === 'atom' ? arr(f.entries) : arr(f.items);
  let meta: Meta;
  if (format === 'json') {
    const hub = arr(f.hubs).map(obj).find((h) => /websub|pubsubhubbub/i.test(String(h.type ?? '')));
    meta = { format, title: str(f.title), homeUrl: absoluteUrl(f.home_page_url, base), language: str(f.language), ttlSeconds: null, hubUrl: absoluteUrl(hub?.url, base), selfUrl: absoluteUrl(f.feed_url, base) };
  } else if (format === 'atom') {
    meta = { format, title: str(f.title), homeUrl: linkRel(f.links, 'alternate', base), language: str(obj(f.xml).lang), ttlSeconds: null, hubUrl: linkRel(f.links, 'hub', base), selfUrl: linkRel(f.links, 'self', base) };
  } else {
    const atomLinks = obj(f.atom).links;
    const ttl = Number(f.ttl);
    meta = {
      format, title: str(f.title), homeUrl: absoluteUrl(f.link, base), language: str(f.language) ?? str(arr(obj(f.dc).languages)[0]),
      ttlSeconds: Number.isFinite(ttl) && ttl > 0 ? Math.min(ttl, 7 * 24 * 60) * 60 : null,
      hubUrl: linkRel(atomLinks, 'hub', base), selfUrl: linkRel(atomLinks, 'self', base),
    };
  }
  // The default for items that name none: JSON Feed 1.1 `authors`, 1.0 `author`; Atom's feed-level author (RFC 4287 4.2.1).
  const feedAuthors = format === 'json' ? splitAuthors([...arr(f.authors), ...arr(f.author)])
    : format === 'atom' ? splitAuthors(arr(f.authors)) : undefined;
  const ctx: ItemContext = { base: base ?? meta.homeUrl, now: opts.now, language: meta.language, feedAuthors };
  const map = format === 'atom' ? atomEntry : format === 'json' ? jsonItem : rssItem;
  // Feeds list newest-first or oldest-first; mapping only both ends bounds the work on a 50,000-item feed.
  const max = opts.maxItems ?? 500;
  const considered = raw.length > 2 * max ? [...raw.slice(0, max), ...raw.slice(-max)] : raw;
  let skipped = 0;
  const items: FeedItem[] = [];
  for (const r of considered) {
    const it = map(r, ctx);
    if (it && !it.title && it.summary) it.title = it.summary.slice(0, 140);
    if (it && it.title) items.push(it);
    else skipped++;
  }
  const parsed = finish(meta, items, skipped, opts);
  parsed.truncated += raw.length - considered.length;
  return parsed;
}

function finish(meta: Meta, all: FeedItem[], skipped: number, opts: ParseFeedOptions): ParsedFeed {
  const seen = new Set<string>();
  const unique = all.filter((i) => !seen.has(i.url) && seen.add(i.url));
  const max = opts.maxItems ?? 500;
  let items = unique;
  if (unique.length > max) {
    // Keep the newest: a feed listed oldest-first must not hide today's items behind the cap.
    items = unique.map((it, ix) => ({ it, ix }))
      .sort((a, b) => (b.it.publishedAt ?? '').localeCompare(a.it.publishedAt ?? '') || a.ix - b.ix)
      .slice(0, max).map((x) => x.it);
  }
  return { ...meta, format: meta.format as FeedFormat, items, truncated: unique.length - items.length, skipped: skipped + all.length - unique.length };
}
