/**
 * Pure article extraction: `(html, url, options) → ExtractResult`. Parses once, reads metadata
 * first (read-only), then runs the body stages in order until one yields an article.
 */
import { createRequire } from 'node:module';
import { parseLight } from './dom/parse.ts';
import type { BodyBlock, ExtractResult, Extraction } from '../model/capture.ts';
import { stripControlsDeep } from '../model/text.ts';
import { extractMetadata } from './metadata/index.ts';
import { runBodyStages } from './body/stages.ts';
import { jsonLdSource } from './body/json-ld.ts';
import { looksPaywalled, TEASER_MAX_WORDS } from './body/paywall.ts';
import { textOf } from './body/dom.ts';
import { stripInert } from './body/strip-inert.ts';
import { capNesting } from './body/cap-nesting.ts';
import { blocksToText, countWords } from './body/to-text.ts';

export { blocksToText } from './body/to-text.ts';

/** Hosts whose iframes are kept as embeds unless the caller gives its own list. */
export const DEFAULT_EMBED_HOSTS: readonly string[] = [
  'youtube.com', 'youtube-nocookie.com', 'player.vimeo.com', 'w.soundcloud.com', 'open.spotify.com',
  'datawrapper.dwcdn.net', 'flo.uri.sh', 'public.flourish.studio', 'e.infogram.com',
];

/** Options of `extract`. */
export interface ExtractOptions {
  /** Hosts (and their subdomains) whose iframes may appear in the body as embeds. */
  embedHosts?: readonly string[];
  /**
   * The tree to parse into: newsdesk's light read-only DOM (the default, see dom/nodes.ts), or linkedom's full
   * DOM, the reference the parity test holds the light one to.
   */
  dom?: 'light' | 'linkedom';
}

/** Input beyond this many characters is cut: net caps bodies at 10 MB and memory must stay bounded. */
const MAX_INPUT = 16 * 1024 * 1024;
/** Below this many characters of body text a page is not an article (a list, an error page). */
const MIN_ARTICLE_CHARS = 200;

/** Extracts metadata and the sanitized body of an article page. Never throws. */
export function extract(html: string, url: string, options: ExtractOptions = {}): ExtractResult {
  try {
    const result = extractUnsafe(html, url, options);
    // Entities (&#1;) and JSON-LD escapes (\u0000) can still yield controls that PostgreSQL refuses in text.
    return result.ok ? { ok: true, extraction: stripControlsDeep(result.extraction) } : result;
  } catch (error) {
    // The parser and stages are written not to throw; this keeps a surprise from crashing a batch.
    return { ok: false, reason: 'not-an-article', message: `extraction failed: ${(error as Error).message}` };
  }
}

function extractUnsafe(html: string, url: string, options: ExtractOptions): ExtractResult {
  // 1. An empty document is not worth parsing.
  if (isBlank(html)) return { ok: false, reason: 'empty-page', message: 'the page is empty' };
  // 2. Parse once, without the scripts, styles and comments that only cost time; every stage reads this tree.
  const page = parse(html, options.dom);
  // 3. Metadata first, while the tree is untouched.
  const metadata = extractMetadata(page.document, url);
  // 4. Body stages, then the article / paywall / not-an-article decision.
  const body = bodyOf(page, metadata.canonicalUrl || url, options);
  if (!body.ok) return body;
  const warnings = body.value.paywalled
    ? [...metadata.warnings, { field: 'body', message: 'probably paywalled: the body looks like a teaser of the article' }]
    : metadata.warnings;
  return { ok: true, extraction: { ...metadata, ...body.value, warnings } };
}

/**
 * The body half of `extract` without metadata: for callers that only need the text (and for the
 * benchmark, to show what metadata extraction costs). Never throws.
 */
export function extractBody(html: string, url: string, options: ExtractOptions = {}): BodyResult {
  try {
    if (isBlank(html)) return { ok: false, reason: 'empty-page', message: 'the page is empty' };
    return bodyOf(parse(html, options.dom), url, options);
  } catch (error) {
    return { ok: false, reason: 'not-an-article', message: `extraction failed: ${(error as Error).message}` };
  }
}

/** The body fields of an extraction, or a typed refusal. */
export type BodyResult =
  | { ok: true; value: Pick<Extraction, 'body' | 'bodySource' | 'wordCount' | 'paywalled'> }
  | Extract<ExtractResult, { ok: false }>;

/** True when `html` is only whitespace (what `trim() === ''` says, without copying a page that ends in a newline). */
function isBlank(html: string): boolean {
  return !/\S/.test(html);
}

/** A parsed page and what the parser's input told about it. */
interface Parsed {
  document: Document;
  /** `<script` tags in the parser's input: the tree cannot hold more `<script>` elements. */
  scriptTags: number;
}

/** Parses a page as `extract` does, for callers that run one half of it (the metadata benchmark). */
export function parsePage(html: string, dom?: ExtractOptions['dom']): Document {
  return parse(html, dom).document;
}

function parse(html: string, dom: ExtractOptions['dom'] = 'light'): Parsed {
  // Cut to a bounded size; inert markup out (cheaper parse), nesting capped (the parser is quadratic in depth), one root.
  const input = withoutLeadingJunk(capNesting(stripInert(html.length > MAX_INPUT ? html.slice(0, MAX_INPUT) : html)));
  // The stages only read the tree (and adoptStrayRoots moves nodes), which is all the light DOM offers.
  const document = dom === 'linkedom' ? parseWithLinkedom(input) : (parseLight(input) as unknown as Document);
  adoptStrayRoots(document);
  return { document, scriptTags: countScriptTags(input) };
}

/** linkedom, loaded on first use: only the parity test and the benchmark ask for it (~10 MB a process need not hold). */
function parseWithLinkedom(input: string): Document {
  const { parseHTML } = createRequire(import.meta.url)('linkedom') as typeof import('linkedom');
  return (parseHTML(input) as unknown as { document: Document }).document;
}

/** Counts `<script` tags as the parser recognises them (name, then whitespace, `/` or `>`). */
function countScriptTags(html: string): number {
  const tag = /<script[\s/>]/gi;
  let count = 0;
  while (tag.exec(html) !== null) count++;
  return count;
}

/**
 * linkedom keeps whatever follows `</html>` (or a second `<html>`) as extra roots of the document,
 * where no walk from the document element finds it. Browsers move such content into `<body>`; so do we.
 */
function adoptStrayRoots(document: Document): void {
  const root = document.documentElement;
  if (!root) return;
  // `childNodes`, not `nextSibling`: linkedom's doctype node has no next sibling.
  const strays = [...document.childNodes].filter((n) => n !== root && (n.nodeType === 1 || n.nodeType === 3));
  if (strays.length === 0) return;
  const home = root.querySelector('body') ?? root;
  for (const n of strays) home.appendChild(n);
}

function bodyOf({ document, scriptTags }: Parsed, baseUrl: string, options: ExtractOptions): BodyResult {
  // The whole document, not `document.body`: with stray tags before <head> linkedom may report an empty body.
  const root = document.documentElement;
  if (!root) return { ok: false, reason: 'empty-page', message: 'the page has no content' };
  const jsonLd = jsonLdSource(document, scriptTags);
  const body = runBodyStages(root, jsonLd, { baseUrl, embedHosts: options.embedHosts ?? DEFAULT_EMBED_HOSTS });
  const text = blocksToText(body.blocks);
  const wordCount = countWords(text);
  // The page's full text is only needed for short bodies (empty page? paywall prompt?), so it is read only then.
  const pageText = wordCount <= TEASER_MAX_WORDS ? textOf(root, 200_000) : '';
  if (text === '' && pageText.length < 20) return { ok: false, reason: 'empty-page', message: 'the page has no readable text' };
  const paywalled = looksPaywalled(document, jsonLd, wordCount, pageText);
  if (text.length < MIN_ARTICLE_CHARS && !paywalled) {
    return { ok: false, reason: 'not-an-article', message: `no article text found (${wordCount} words of body)` };
  }
  return { ok: true, value: { body: body.blocks, bodySource: body.source, wordCount, paywalled } };
}

/**
 * Gives linkedom a single root. Markup before `<!doctype>`/`<html>` (a stray `<style>` some servers
 * print first) would become the document element, and a page without `<html>` (`<!doctype html><head>…`
 * or a bare fragment) would leave `<head>` and `<body>` as separate roots; both lose the page.
 */
function withoutLeadingJunk(html: string): string {
  const head = html.slice(0, 100_000);
  const start = /<!doctype|<html[\s>]/i.exec(head);
  if (start && start.index > 0 && /</.test(html.slice(0, start.index).replace(/<!--[\s\S]*?-->/g, ''))) {
    html = html.slice(start.index);
  }
  if (/<html[\s>]/i.test(html.slice(0, 100_000))) return html;
  return `<html>${html.replace(/^\s*<!doctype[^>]*>/i, '')}</html>`;
}

/** The blocks type, re-exported for callers that only import this module. */
export type { BodyBlock };
