/**
 * Reads the article facts the body stages need from JSON-LD (`articleBody`, `isAccessibleForFree`).
 * Metadata has its own reader; this one stays small and tolerant of broken blocks.
 */

/** What JSON-LD says about the body. */
export interface JsonLdBody {
  articleBody: string | null;
  /** False when the page declares the article paywalled. */
  accessibleForFree: boolean | null;
}

const ARTICLE_TYPE = /Article|BlogPosting|Report|NewsArticle|Posting/;

/** Collects `articleBody` and `isAccessibleForFree` from the page's JSON-LD blocks. */
export function readJsonLdBody(document: Document): JsonLdBody {
  const found: JsonLdBody = { articleBody: null, accessibleForFree: null };
  // getElementsByTagName, not a selector: linkedom's attribute selectors walk the tree slowly.
  for (const script of document.getElementsByTagName('script')) {
    if (!/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
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
