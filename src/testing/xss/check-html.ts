import { DOMParser, parseHTML } from 'linkedom';

// Attributes whose value the browser may treat as a URL to navigate to or load.
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcset', 'ping', 'to', 'values', 'from']);
// What a URL becomes after the browser strips whitespace and control characters (WHATWG URL parsing does).
const DANGEROUS_SCHEME = /^(javascript|vbscript|data:text\/html|data:image\/svg)/i;

/** Problems in one HTML document: event-handler attributes, script URLs, srcdoc, inline or foreign scripts. */
export function htmlProblems(html: string, where: string): string[] {
  const { document } = parseHTML(html);
  const problems: string[] = [];
  for (const el of document.querySelectorAll('*')) {
    for (const { name, value } of Array.from(el.attributes) as { name: string; value: string }[]) {
      const n = name.toLowerCase();
      if (n.startsWith('on')) problems.push(`${where}: <${el.tagName.toLowerCase()} ${n}="${value.slice(0, 60)}">`);
      if (n === 'srcdoc') problems.push(`${where}: srcdoc on <${el.tagName.toLowerCase()}>`);
      // eslint-disable-next-line no-control-regex -- the browser ignores these very characters in a scheme
      const compact = value.replace(/[\u0000-\u0020]/g, '');
      if (URL_ATTRS.has(n) && DANGEROUS_SCHEME.test(compact)) problems.push(`${where}: ${n}="${value.slice(0, 60)}"`);
      if (n === 'style' && /expression|javascript:|url\(/i.test(value)) problems.push(`${where}: style="${value.slice(0, 60)}"`);
    }
  }
  for (const s of document.querySelectorAll('script')) {
    const type = (s.getAttribute('type') ?? '').toLowerCase();
    // JSON-LD is data, not script; but a `</script` inside it would have ended it early, so it must parse as JSON.
    if (type === 'application/ld+json') {
      try { JSON.parse(s.textContent ?? ''); } catch { problems.push(`${where}: JSON-LD block does not parse`); }
      continue;
    }
    const src = s.getAttribute('src') ?? '';
    if (!src.startsWith('/assets/')) problems.push(`${where}: <script${src ? ` src="${src}"` : ''}> ${(s.textContent ?? '').slice(0, 60)}`);
  }
  for (const tag of ['iframe', 'object', 'embed', 'base', 'meta[http-equiv="refresh"]', 'math', 'svg script', 'style']) {
    for (const el of document.querySelectorAll(tag)) {
      if (tag === 'style' && el.closest('head')) continue;
      problems.push(`${where}: <${el.tagName.toLowerCase()}> in output`);
    }
  }
  return problems;
}

/** The HTML a feed reader would render from an RSS, Atom or JSON feed (fields that are plain text by spec are left out). */
export function feedHtmlParts(body: string, contentType: string): string[] {
  if (contentType.includes('json')) {
    // JSON Feed 1.1: content_html is HTML; summary and title are plain text.
    const feed = JSON.parse(body) as { items?: { content_html?: string }[] };
    return (feed.items ?? []).map((i) => i.content_html ?? '');
  }
  const doc = new DOMParser().parseFromString(body, 'text/xml');
  const parts: string[] = [];
  // RSS: an item's description and content:encoded are HTML by convention (the channel's description is text).
  for (const item of doc.getElementsByTagName('item')) {
    for (const tag of ['description', 'content:encoded']) for (const el of item.getElementsByTagName(tag)) parts.push(el.textContent ?? '');
  }
  // Atom: text constructs are HTML only when type="html" (escaped) or "xhtml" (inline markup).
  for (const tag of ['summary', 'content', 'subtitle', 'title', 'rights']) {
    for (const el of doc.getElementsByTagName(tag)) {
      const type = el.getAttribute('type');
      if (type === 'html') parts.push(el.textContent ?? '');
      else if (type === 'xhtml') parts.push(el.innerHTML);
    }
  }
  return parts;
}
