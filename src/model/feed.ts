/*
 * Feeds and candidates as plain data: what the pure parsers produce and what the store keeps.
 */

/** The kinds of source newsdesk can poll. */
export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json' | 'sitemap' | 'news-sitemap';

/** One item of a feed, normalised across formats; times are ISO 8601 UTC or null. */
export interface FeedItem {
  /** Absolute http(s) link to the piece (relative links are resolved against the feed). */
  url: string;
  /** The feed's own id for the item (guid, Atom id, JSON Feed id), when given. */
  guid: string | null;
  title: string;
  authors: string[];
  publishedAt: string | null;
  /** Plain text (tags stripped), bounded in length. */
  summary: string | null;
  imageUrl: string | null;
  language: string | null;
}

/** A parsed feed: its own metadata and its items, newest-first as the source gave them. */
export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  /** The outlet's site as the feed names it. */
  homeUrl: string | null;
  language: string | null;
  /** RSS `<ttl>` in seconds: the publisher's hint on how often to poll. */
  ttlSeconds: number | null;
  /** WebSub hub advertised with `<link rel="hub">`. */
  hubUrl: string | null;
  /** The feed's own URL as it names it (`rel="self"`), the WebSub topic. */
  selfUrl: string | null;
  items: FeedItem[];
  /** Items beyond the per-poll cap, left for later polls. */
  truncated: number;
  /** Items dropped because they had no usable link or title. */
  skipped: number;
}

/** Why a document is not a feed we can read. */
export type FeedParseFailure = 'empty' | 'html' | 'malformed' | 'unrecognized';

/** The outcome of parsing: a feed, or a typed reason with one line for the feed's status. */
export type FeedParseResult =
  | { ok: true; feed: ParsedFeed }
  | { ok: false; reason: FeedParseFailure; message: string };

/** One feed of an OPML subscription list. */
export interface FeedOutline {
  xmlUrl: string;
  title: string | null;
  htmlUrl: string | null;
  /** The enclosing outline's text (OPML folders name outlets or topics). */
  category: string | null;
}

/** A feed found on an outlet's page, with how it was found. */
export interface DiscoveredFeed {
  url: string;
  title: string | null;
  type: string | null;
  source: 'link-alternate' | 'common-path' | 'anchor';
}

/** What a watch rule does to a candidate that matches it. */
export type WatchAction = 'flag' | 'capture';

/** A keyword rule: alternatives separated by `|` (`Kazakhstan|Казахстан`), each matched as a word prefix. */
export interface WatchRule {
  pattern: string;
  action: WatchAction;
}

/** States of a candidate in the editors' inbox. */
export type CandidateState = 'new' | 'flagged' | 'captured' | 'dismissed' | 'used';

/** The health of a feed as the status view shows it. */
export type FeedHealth = 'ok' | 'overdue' | 'quiet' | 'failing' | 'paused' | 'disabled' | 'new';
