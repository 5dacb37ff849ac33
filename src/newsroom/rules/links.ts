/**
 * Links are valid or absent: every outbound link a piece renders must be an absolute http(s) URL.
 * The reference page shipped `<a href="">See his website</a>`; validateLinks makes publishing
 * such a piece fail with the field named.
 */
import type { BodyBlock } from '../../model/capture.ts';
import { decodeEntities, htmlLinks } from './html-text.ts';

/** Why a link was refused. */
export type LinkProblem = 'empty' | 'relative' | 'protocol-relative' | 'script' | 'not-http' | 'invalid' | 'credentials' | 'no-public-host';

/** The verdict on one link: its normalised form, or the problem. */
export type LinkVerdict = { ok: true; url: string } | { ok: false; problem: LinkProblem };

const PROBLEM_TEXT: Record<LinkProblem, string> = {
  empty: 'the link has no target',
  relative: 'the link is relative; use a full address starting with https://',
  'protocol-relative': 'the link starts with //; use a full address starting with https://',
  script: 'the link runs a script (javascript:, vbscript: or data:)',
  'not-http': 'the link is not a web address (only http and https are allowed)',
  invalid: 'the link is not a valid web address',
  credentials: 'the link contains a user name or password',
  'no-public-host': 'the link has no public host name',
};

// Browsers ignore ASCII whitespace and control characters inside a scheme, so `java\tscript:`
// and ` JaVaScRiPt:` both run; compare with all of them removed and entities decoded.
function squashed(s: string): string {
  // eslint-disable-next-line no-control-regex
  return decodeEntities(s).replace(/[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200d\u2060\ufeff]/g, '').toLowerCase();
}

/** Classifies a link target as a normalised absolute http(s) URL or a named problem. */
export function checkLink(raw: string | null | undefined): LinkVerdict {
  const bad = (problem: LinkProblem): LinkVerdict => ({ ok: false, problem });
  if (raw === null || raw === undefined) return bad('empty');
  const s = squashed(raw);
  if (s === '' || s === '#') return bad('empty');
  if (/^(javascript|vbscript|data|livescript):/.test(s)) return bad('script');
  if (s.startsWith('//') || s.startsWith('\\\\')) return bad('protocol-relative');
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(s)?.[1];
  if (scheme === undefined) return bad('relative');
  if (scheme !== 'http' && scheme !== 'https') return bad('not-http');
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return bad('invalid');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return bad('not-http');
  if (url.username !== '' || url.password !== '') return bad('credentials');
  // A single-label host (`https://cnn`) is a typo or an intranet name, never a reader's link.
  if (!url.hostname.startsWith('[') && !url.hostname.includes('.')) return bad('no-public-host');
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.replace(/\.+$/, '');
  return { ok: true, url: url.href };
}

/** The normalised absolute http(s) URL, or null when the link must not be rendered. */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  const v = checkLink(raw);
  return v.ok ? v.url : null;
}

/** A refused link, named by the field that holds it. */
export interface LinkError {
  /** Path of the field, e.g. `authors[0].website`, `excerpt[2]`, `readerSupport.uk.buttonUrl`. */
  field: string;
  value: string | null;
  problem: LinkProblem;
  message: string;
}

/** The links of a piece as it will be rendered; absent optional fields are fine, empty strings are not. */
export interface LinkCheckInput {
  originalUrl?: string | null;
  image?: { url?: string | null } | null;
  excerpt?: readonly BodyBlock[];
  /** Markdown body of a story (may contain inline HTML). */
  body?: string | null;
  authors?: readonly { name?: string; website?: string | null; photo?: string | null; profiles?: readonly string[] }[];
  outlet?: { homeUrl?: string | null; logo?: string | null } | null;
  readerSupport?: Partial<Record<string, { buttonUrl?: string | null }>> | null;
}

function blockLinks(block: BodyBlock): (string | null)[] {
  const fromHtml = (html: string) => htmlLinks(html).map((l) => l.value);
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return fromHtml(block.html);
    case 'quote':
      return [...fromHtml(block.html), ...(block.cite === undefined ? [] : [block.cite])];
    case 'list':
      return block.items.flatMap(fromHtml);
    case 'table':
      return block.rows.flat().flatMap(fromHtml);
    case 'figure':
      return [block.image.url];
    case 'embed':
      return [block.url];
    case 'preformatted':
      return [];
  }
}

/** Link targets in Markdown: inline links and images, reference definitions, autolinks and inline HTML. */
export function markdownLinks(md: string): (string | null)[] {
  // Code is shown literally, so links inside it are not links.
  const text = md.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
  const out: (string | null)[] = [];
  for (const m of text.matchAll(/!?\[[^\]]*\]\(\s*(?:<([^>]*)>|([^\s)]*))(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g)) out.push(m[1] ?? m[2] ?? '');
  for (const m of text.matchAll(/^ {0,3}\[[^\]]+\]:\s*(?:<([^>]*)>|(\S*))/gm)) out.push(m[1] ?? m[2] ?? '');
  for (const m of text.matchAll(/<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>/g)) out.push(m[1] ?? '');
  for (const l of htmlLinks(text)) out.push(l.value);
  return out;
}

type LinkVisitor = (field: string, value: string | null | undefined, optional: boolean) => void;

/** Every link of the piece that is not a valid absolute http(s) URL, named by field. Empty means all good. */
export function validateLinks(input: LinkCheckInput): LinkError[] {
  const errors: LinkError[] = [];
  eachLink(input, (field, value, optional) => {
    if (value === undefined || (value === null && optional)) return;
    const v = checkLink(value);
    if (!v.ok) errors.push({ field, value, problem: v.problem, message: `${field}: ${PROBLEM_TEXT[v.problem]}` });
  });
  return errors;
}

/** The valid outbound links of the piece with the field of each, once per field (what the link checker watches). */
export function outboundLinks(input: LinkCheckInput): { field: string; url: string }[] {
  const out = new Map<string, { field: string; url: string }>();
  eachLink(input, (field, value) => {
    const url = safeHttpUrl(value);
    if (url) out.set(`${field} ${url}`, { field, url });
  });
  return [...out.values()];
}

function eachLink(input: LinkCheckInput, check: LinkVisitor): void {
  check('originalUrl', input.originalUrl, true);
  check('image.url', input.image?.url, true);
  check('outlet.homeUrl', input.outlet?.homeUrl, true);
  check('outlet.logo', input.outlet?.logo, true);
  input.authors?.forEach((a, i) => {
    check(`authors[${i}].website`, a.website, true);
    check(`authors[${i}].photo`, a.photo, true);
    a.profiles?.forEach((p, j) => check(`authors[${i}].profiles[${j}]`, p, false));
  });
  input.excerpt?.forEach((b, i) => blockLinks(b).forEach((href) => check(`excerpt[${i}]`, href, false)));
  if (typeof input.body === 'string') markdownLinks(input.body).forEach((href) => check('body', href, false));
  for (const [lang, block] of Object.entries(input.readerSupport ?? {})) check(`readerSupport.${lang}.buttonUrl`, block?.buttonUrl, true);
}
