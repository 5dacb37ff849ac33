/**
 * What sort of document a response is, from its Content-Type and, where servers are vague or
 * wrong (octet-stream, text/html on a PDF, text/xml on a feed), from the first bytes.
 */
import type { ContentKind } from './fetch-result.ts';

/** A parsed Content-Type header. */
export interface ContentType {
  /** Lower-case `type/subtype`, '' when missing. */
  mime: string;
  charset?: string;
}

/** Parses a Content-Type header value. */
export function parseContentType(header: string | undefined): ContentType {
  if (!header) return { mime: '' };
  const [type, ...params] = header.split(';');
  const mime = (type ?? '').trim().toLowerCase();
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p);
    if (m) return { mime, charset: m[1]! };
  }
  return { mime };
}

const GENERIC = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown', 'text/plain', 'text/html']);
const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/feed+json']);

function magic(head: Buffer): ContentKind | null {
  const ascii = head.subarray(0, 16).toString('latin1');
  if (ascii.startsWith('%PDF-')) return 'pdf';
  if (ascii.startsWith('\x89PNG') || ascii.startsWith('GIF8') || ascii.startsWith('\xff\xd8\xff')) return 'image';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'image';
  return null;
}

// Looks past BOM, whitespace, XML declaration and comments at the first element.
function markupKind(text: string): ContentKind | null {
  const t = text.replace(/^\uFEFF/, '').replace(/^\s+/, '');
  if (/^<!doctype\s+html|^(<!--[\s\S]*?-->\s*)*<(html|head|body)\b/i.test(t)) return 'html';
  if (/^<\?xml\b/i.test(t) || t.startsWith('<')) {
    if (/<(rss|feed|rdf:RDF|urlset|sitemapindex)\b/i.test(t)) return 'feed';
    if (/<html\b/i.test(t)) return 'html';
    if (/^<\?xml\b/i.test(t)) return 'xml';
  }
  return null;
}

/** Decides the kind of a body from its MIME type and first bytes. */
export function contentKind(mime: string, head: Buffer): ContentKind {
  if (GENERIC.has(mime)) {
    const m = magic(head);
    if (m) return m;
  }
  const text = head.subarray(0, 2048).toString('latin1');
  if (FEED_TYPES.has(mime)) return 'feed';
  if (mime === 'text/html' || mime === 'application/xhtml+xml') return markupKind(text) === 'feed' && /^\s*<\?xml/.test(text) ? 'feed' : 'html';
  if (mime === 'application/pdf') return 'pdf';
  if (mime.startsWith('image/')) return 'image';
  if (mime === 'application/json' || mime === 'text/json' || mime.endsWith('+json')) {
    return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version/.test(text) ? 'feed' : 'json';
  }
  if (mime === 'application/xml' || mime === 'text/xml' || mime.endsWith('+xml')) return markupKind(text) === 'feed' ? 'feed' : 'xml';
  if (mime.startsWith('text/')) return 'text';
  if (GENERIC.has(mime)) {
    const k = markupKind(text);
    if (k) return k;
    if (/^\s*[{[]/.test(text)) return 'json';
  }
  return 'other';
}

/** Kinds whose body is decoded to text. */
export function isTextKind(kind: ContentKind): boolean {
  return kind === 'html' || kind === 'xml' || kind === 'feed' || kind === 'json' || kind === 'text';
}
