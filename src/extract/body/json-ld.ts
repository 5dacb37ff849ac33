/**
 * Reads the article facts the body stages need from JSON-LD (`articleBody`, `isAccessibleForFree`).
 * Metadata has its own reader; this one stays small and tolerant of broken blocks. Parsing JSON-LD
 * is a visible share of extraction time (blocks often carry the whole article), so the stages ask
 * for it only when it can change their answer (`JsonLdSource`).
 */
import { ELEMENT_NODE } from './dom.ts';

/** What JSON-LD says about the body. */
export interface JsonLdBody {
  articleBody: string | null;
  /** False when the page declares the article paywalled. */
  accessibleForFree: boolean | null;
}

/** The page's JSON-LD blocks, read on first use. */
export interface JsonLdSource {
  /** Characters of all blocks together: no `articleBody` in them can be longer. */
  readonly chars: number;
  /** The facts of the blocks (parsed on the first call, then remembered). */
  read(): JsonLdBody;
}

const ARTICLE_TYPE = /Article|BlogPosting|Report|NewsArticle|Posting/;
const LD_JSON = /ld\+json/i;

/**
 * The page's JSON-LD blocks in document order. `maxScripts` bounds the number of `<script>` elements
 * the tree can hold (the parser's input had no more `<script` tags), so the walk stops once it has
 * seen that many instead of visiting the whole page.
 */
export function jsonLdSource(document: Document, maxScripts = Infinity): JsonLdSource {
  const scripts = maxScripts > 0 ? scriptsOf(document, maxScripts) : [];
  const texts = scripts.filter((s) => LD_JSON.test(s.getAttribute('type') ?? '')).map((s) => s.textContent ?? '');
  let facts: JsonLdBody | null = null;
  return {
    chars: texts.reduce((sum, t) => sum + t.length, 0),
    read: () => (facts ??= readJsonLdBody(texts)),
  };
}

/** Collects `articleBody` and `isAccessibleForFree` from the texts of JSON-LD blocks. */
export function readJsonLdBody(texts: readonly string[]): JsonLdBody {
  const found: JsonLdBody = { articleBody: null, accessibleForFree: null };
  for (const text of texts) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    for (let i = 0; i < queue.length && i < 500; i++) {
      const item = queue[i];
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') inspect(item as Record<string, unknown>, found, queue);
    }
  }
  return found;
}

/**
 * `<script>` elements in document order, at most `max`. A walk of our own, not `getElementsByTagName`:
 * linkedom's upper-cases the name of every other element it passes.
 */
function scriptsOf(document: Document, max: number): Element[] {
  const out: Element[] = [];
  // The document's own children come from `childNodes`: linkedom's doctype node has no next sibling.
  for (const root of Array.from(document.childNodes)) {
    if (root.nodeType !== ELEMENT_NODE) continue;
    const stack: (Node | null)[] = [root];
    while (stack.length > 0 && out.length < max) {
      const node = stack[stack.length - 1];
      if (!node) {
        stack.pop();
        continue;
      }
      // A root is visited alone: its siblings are the loop's.
      stack[stack.length - 1] = stack.length === 1 ? null : node.nextSibling;
      if (node.nodeType !== ELEMENT_NODE) continue;
      if ((node as Element).localName === 'script') out.push(node as Element);
      stack.push(node.firstChild);
    }
  }
  return out;
}

function inspect(item: Record<string, unknown>, found: JsonLdBody, queue: unknown[]): void {
  if (Array.isArray(item['@graph'])) queue.push(...item['@graph']);
  const type = String(item['@type'] ?? '');
  if (!ARTICLE_TYPE.test(type)) return;
  const body = item['articleBody'];
  if (typeof body === 'string' && body.length > (found.articleBody?.length ?? 0)) found.articleBody = body;
  const free = item['isAccessibleForFree'];
  if (free === false || free === 'False' || free === 'false') found.accessibleForFree = false;
  else if ((free === true || free === 'True' || free === 'true') && found.accessibleForFree === null) found.accessibleForFree = true;
}
