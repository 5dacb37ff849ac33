/** Outlet name and home, canonical URL, language and description of a page. */
import type { Sourced } from '../../model/capture.ts';
import { absoluteUrl, bareHost, clean, looksLikeUrl } from './dom.ts';
import { byTag } from './page-index.ts';
import { ldList, ldString, ldTypes, type LdData, type LdNode } from './json-ld.ts';
import { firstMeta, type MetaTags } from './meta-tags.ts';

/** Outlet of the page: who published it. */
export type Outlet = { name: string; home?: string };

function publisherNode(ld: LdData): LdNode | null {
  const fromArticle = ld.article ? ldList(ld.article['publisher']).map(ld.resolve)[0] : undefined;
  if (fromArticle && typeof fromArticle === 'object') return fromArticle as LdNode;
  return ld.nodes.find((n) => ldTypes(n).some((t) => /^(NewsMediaOrganization|Organization|Corporation)$/.test(t)) && n['name']) ?? null;
}

/** Reads the outlet: JSON-LD publisher, `og:site_name`, `application-name`, else the host name. */
export function extractOutlet(meta: MetaTags, ld: LdData, url: string): Sourced<Outlet> {
  let origin = '';
  try {
    origin = `${new URL(url).origin}/`;
  } catch {
    /* an unparsable URL leaves the home empty */
  }
  const pub = publisherNode(ld);
  const pubName = pub ? clean(ldString(pub['name'])) : '';
  const pubHome = pub ? absoluteUrl(ldString(pub['url']), url) : null;
  const home = pubHome ?? (origin || undefined);
  if (pubName && !looksLikeUrl(pubName)) return { value: { name: pubName, ...(home ? { home } : {}) }, source: 'json-ld:publisher' };
  const m = firstMeta(meta, 'og:site_name', 'application-name', 'al:ios:app_name', 'twitter:app:name:iphone');
  if (m && m.value.length <= 80 && !looksLikeUrl(m.value)) return { value: { name: m.value, ...(home ? { home } : {}) }, source: `meta:${m.key}` };
  return { value: { name: bareHost(url) || url, ...(home ? { home } : {}) }, source: 'host' };
}

/** The page's canonical URL: `link[rel=canonical]`, then `og:url`, else the fetched URL. */
export function extractCanonical(document: Document, meta: MetaTags, url: string): string {
  const link = absoluteUrl(byTag(document, 'link').find((l) => (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'))?.getAttribute('href'), url);
  if (link) return link;
  return absoluteUrl(meta.get('og:url')?.[0], url) ?? url;
}

/** BCP 47 language: `<html lang>`, `og:locale`, `content-language`, else JSON-LD inLanguage. */
export function extractLanguage(document: Document, meta: MetaTags, ld: LdData): string | null {
  const raw = document.documentElement?.getAttribute('lang') || document.documentElement?.getAttribute('xml:lang')
    || meta.get('og:locale')?.[0] || meta.get('content-language')?.[0] || meta.get('language')?.[0]
    || (ld.article ? ldString(ld.article['inLanguage']) : null);
  const tag = clean(raw).replace(/_/g, '-').split(/[,;\s]/)[0] ?? '';
  return /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(tag) ? tag : null;
}

/** The page's own summary: `og:description`, `description`, `twitter:description`, JSON-LD description. */
export function extractDescription(meta: MetaTags, ld: LdData): string | null {
  const m = firstMeta(meta, 'og:description', 'description', 'twitter:description', 'dc.description');
  const v = m?.value ?? (ld.article ? ldString(ld.article['description']) : null);
  return v ? clean(v) : null;
}
