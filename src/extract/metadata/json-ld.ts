/** Reads schema.org JSON-LD blocks: finds the article node and resolves `@id` references. */
import { byTag } from './page-index.ts';

/** A JSON-LD object node. */
export type LdNode = Record<string, unknown>;

/** What the page's JSON-LD says, reduced to the nodes metadata needs. */
export interface LdData {
  /** The node describing the article itself (NewsArticle, BlogPosting, …), if any. */
  article: LdNode | null;
  /** Every typed node found, for fallbacks (e.g. an Organization outside the article). */
  nodes: LdNode[];
  /** Resolves `{ "@id": … }` references to the full node when the page defines it. */
  resolve: (v: unknown) => unknown;
}

const ARTICLE_TYPE = /(Article|BlogPosting|Report|LiveBlogPosting|SocialMediaPosting|Posting|Review)$/;
const MAX_SCRIPT = 2_000_000;
const MAX_NODES = 2000;

/** Lists the `@type` values of a node as strings. */
export function ldTypes(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  const t = (node as LdNode)['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, ''));
}

/** A plain string from a JSON-LD value: a string, a number, or the first string of an array / `@value`. */
export function ldString(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.length ? ldString(v[0]) : null;
  if (v && typeof v === 'object' && '@value' in v) return ldString((v as LdNode)['@value']);
  return null;
}

/** Values of a JSON-LD property as an array (a single value becomes a one-element list). */
export function ldList(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function parseBlock(text: string): unknown {
  const t = text.trim().replace(/^<!--|-->$/g, '').replace(/^\/\*<!\[CDATA\[\*\/|\/\*\]\]>\*\/$/g, '');
  try {
    return JSON.parse(t);
  } catch {
    // Raw line breaks inside strings are the commonest defect of hand-written blocks.
    try {
      return JSON.parse(t.replace(/[\r\n\t]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

function collect(v: unknown, out: LdNode[], depth: number): void {
  if (depth > 6 || out.length >= MAX_NODES || !v || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const x of v) collect(x, out, depth + 1);
    return;
  }
  const node = v as LdNode;
  if (node['@type']) out.push(node);
  if (node['@graph']) collect(node['@graph'], out, depth + 1);
  // mainEntity / mainEntityOfPage can hold the article inside a WebPage.
  for (const k of ['mainEntity', 'mainEntityOfPage', 'hasPart', 'itemListElement']) {
    if (node[k] && typeof node[k] === 'object') collect(node[k], out, depth + 1);
  }
}

function pickArticle(nodes: LdNode[]): LdNode | null {
  const articles = nodes.filter((n) => ldTypes(n).some((t) => ARTICLE_TYPE.test(t)));
  // Prefer a node with a headline and an author: listing pages embed small teaser articles too.
  const scored = articles.map((n) => ({ n, s: (n['headline'] ? 2 : 0) + (n['author'] ? 1 : 0) + (n['datePublished'] ? 1 : 0) }));
  scored.sort((a, b) => b.s - a.s);
  if (scored[0]) return scored[0].n;
  return nodes.find((n) => ldTypes(n).some((t) => /WebPage$/.test(t)) && (n['headline'] || n['datePublished'])) ?? null;
}

/** Parses every `application/ld+json` script of the page; never throws. */
export function readJsonLd(document: Document): LdData {
  const nodes: LdNode[] = [];
  const scripts = byTag(document, 'script').filter((s) => (s.getAttribute('type') ?? '').toLowerCase().includes('ld+json')).slice(0, 50);
  for (const script of scripts) {
    const text = script.textContent ?? '';
    if (!text || text.length > MAX_SCRIPT) continue;
    collect(parseBlock(text), nodes, 0);
  }
  const byId = new Map<string, LdNode>();
  for (const n of nodes) {
    const id = n['@id'];
    // The fullest node wins when one id appears several times.
    if (typeof id === 'string' && Object.keys(n).length > Object.keys(byId.get(id) ?? {}).length) byId.set(id, n);
  }
  const resolve = (v: unknown): unknown => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const id = (v as LdNode)['@id'];
      if (typeof id === 'string' && Object.keys(v).length <= 2) return byId.get(id) ?? v;
    }
    return v;
  };
  return { article: pickArticle(nodes), nodes, resolve };
}
