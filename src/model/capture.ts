/** Types of a capture: what newsdesk extracted from one fetched page. Pure data, no behaviour. */

/** A value together with the name of the source it was read from (e.g. `json-ld`, `og:title`, `byline`). */
export interface Sourced<T> {
  value: T;
  source: string;
}

/** What sort of piece the original is; drives headline and editor's-note templates. */
export const ARTICLE_KINDS = ['opinion', 'news', 'analysis', 'investigation', 'interview', 'review', 'video', 'other'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

/** A person named by the page (author), with what the page says about them. */
export interface CapturedPerson {
  /** The bare name, as matched against the newsroom's people directory ("Jillian Kubala"). */
  name: string;
  /** An honorific the byline prints before the name ("Dr."), kept as printed. */
  honorific?: string;
  /**
   * What the byline prints after the name: post-nominal letters ("MS, RD", "CFP") or a role or affiliation
   * after a comma, a pipe or in parentheses ("Home and Digital Security Expert", "The Texas Newsroom", "(Content Manager)").
   */
  credentials?: string;
  /** True when the byline prints the credentials right after the name, without a comma ("Sarah Knowles MW"). */
  credentialsGlued?: boolean;
  /**
   * True when the page credits an account name, not a personal name ("stephenlega"): it is what the page prints,
   * so it is kept, and the editor is asked to put the person's name.
   */
  account?: boolean;
  /** The author's profile page on the outlet, absolute http(s). */
  url?: string;
  bio?: string;
  photo?: string;
  /** The author's own website, absolute http(s). */
  website?: string;
  /** Other profiles (social networks), absolute http(s). */
  sameAs?: string[];
}

/** An image with its caption and credit kept apart. */
export interface CapturedImage {
  /** Absolute http(s) URL. */
  url: string;
  width?: number;
  height?: number;
  alt?: string;
  caption?: string;
  credit?: string;
}

/**
 * One block of an article body. `html` fields hold sanitized inline HTML only
 * (a[href], em, strong, b, i, u, s, sub, sup, code, br, q, abbr, mark, small, cite, span without attributes).
 */
export type BodyBlock =
  | { type: 'paragraph'; html: string }
  | { type: 'heading'; level: 2 | 3 | 4 | 5 | 6; html: string }
  | { type: 'quote'; html: string; cite?: string }
  | { type: 'list'; ordered: boolean; items: string[] }
  | { type: 'figure'; image: CapturedImage }
  | { type: 'preformatted'; text: string }
  | { type: 'table'; rows: string[][] }
  | { type: 'embed'; url: string; provider: string };

/** Everything extracted from one article page. */
export interface Extraction {
  headline: Sourced<string> | null;
  kind: Sourced<ArticleKind> | null;
  authors: Sourced<CapturedPerson[]> | null;
  /**
   * An organisation, team or desk the page credits as author instead of or beside people ("The Investopedia
   * Team", "Associated Press", the outlet itself). Never a person: people are only in `authors`. Absent from
   * captures stored before it was read.
   */
  bylineOrg?: Sourced<{ name: string; url?: string }> | null;
  /** ISO 8601 instant with offset, e.g. `2022-01-18T15:54:00.000Z`. */
  published: Sourced<string> | null;
  modified: Sourced<string> | null;
  outlet: Sourced<{ name: string; home?: string }> | null;
  /** The page's canonical URL (absolute), or the fetched URL when the page names none. */
  canonicalUrl: string;
  /** BCP 47 language tag, e.g. `en`, `uk`, `en-US`. */
  language: string | null;
  description: string | null;
  leadImage: Sourced<CapturedImage> | null;
  body: BodyBlock[];
  /** Name of the body stage that produced `body` (e.g. `article-density`, `readability`). */
  bodySource: string;
  wordCount: number;
  /** True when the body looks like a teaser behind a paywall or login wall. */
  paywalled: boolean;
  /** Problems an editor should see next to the field they affect. */
  warnings: { field: string; message: string }[];
}

/** Why a page yielded no article. */
export type NotAnArticleReason = 'not-an-article' | 'empty-page' | 'not-html';

/** Result of `extract(html, url, options)`: an article, or a typed refusal with a reason. */
export type ExtractResult =
  | { ok: true; extraction: Extraction }
  | { ok: false; reason: NotAnArticleReason; message: string };
