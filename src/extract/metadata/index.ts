import type { Extraction } from '../../model/capture.ts';
import { enrichFromAuthorBoxes } from './author-box.ts';
import { extractCredits } from './byline.ts';
import { extractDates } from './dates.ts';
import { bareHost } from './dom.ts';
import { extractHeadline } from './headline.ts';
import { extractLeadImage } from './image.ts';
import { readJsonLd } from './json-ld.ts';
import { extractKind } from './kind.ts';
import { readMetaTags } from './meta-tags.ts';
import { readMicrodata } from './microdata.ts';
import { extractCanonical, extractDescription, extractLanguage, extractOutlet } from './page-info.ts';
import { withPageIndex } from './page-index.ts';
import { orgWarning } from './org-byline.ts';

/** The part of an extraction that comes from the page's metadata and byline, not from the body. */
export type Metadata = Omit<Extraction, 'body' | 'bodySource' | 'wordCount' | 'paywalled'>;

function empty(url: string, message: string): Metadata {
  return {
    headline: null, kind: null, authors: null, bylineOrg: null, published: null, modified: null, outlet: null,
    canonicalUrl: url, language: null, description: null, leadImage: null, warnings: [{ field: 'page', message }],
  };
}

function read(document: Document, url: string): Metadata {
  // 1. Read the machine-readable layers once.
  const meta = readMetaTags(document);
  const ld = readJsonLd(document);
  const micro = readMicrodata(document);
  // 2. Outlet first: its names are stripped from titles and refused as authors.
  const outlet = extractOutlet(meta, ld, url);
  const host = bareHost(url);
  const siteNames = [outlet.value.name, meta.get('og:site_name')?.[0] ?? '', meta.get('application-name')?.[0] ?? '', host, host.split('.')[0] ?? ''].filter(Boolean);
  // 3. Headline, then the kind (which also reads the headline's prefix).
  const { headline, raw } = extractHeadline(document, meta, ld, siteNames);
  const kind = extractKind(url, meta, ld, raw);
  // 4. Authors, enriched by author boxes, and an organisation credited instead of or beside them.
  const { authors: found, org: bylineOrg } = extractCredits(document, url, meta, ld, micro, siteNames);
  const authors = found ? { ...found, value: enrichFromAuthorBoxes(document, url, found.value) } : null;
  // 5. Dates and lead image.
  const dates = extractDates(document, url, meta, ld, micro);
  const image = extractLeadImage(document, url, meta, ld);
  const warnings = [...dates.warnings, ...image.warnings];
  if (!headline) warnings.push({ field: 'headline', message: 'no headline found' });
  // An organisation credit explains an empty author list better than "no author found".
  if (bylineOrg) warnings.push(orgWarning(bylineOrg.value.name, !!authors));
  if (!authors) {
    if (!bylineOrg) warnings.push({ field: 'authors', message: 'no author found' });
  } else if (authors.value.some((p) => p.account)) {
    const names = authors.value.filter((p) => p.account).map((p) => `“${p.name}”`).join(', ');
    warnings.push({ field: 'authors', message: `the page credits the account name ${names}, not the writer's name: check it` });
  } else if (!authors.source.startsWith('json-ld') && !authors.source.startsWith('meta') && !authors.source.startsWith('itemprop')) warnings.push({ field: 'authors', message: 'author guessed from the page layout, not from metadata: check it' });
  return {
    headline, kind, authors, bylineOrg, published: dates.published, modified: dates.modified, outlet,
    canonicalUrl: extractCanonical(document, meta, url), language: extractLanguage(document, meta, ld),
    description: extractDescription(meta, ld), leadImage: image.image, warnings,
  };
}

/**
 * Reads headline, kind, authors, dates, outlet, canonical URL, language, description and lead image.
 * Read-only: must not mutate `document` (the body stages run on the same tree afterwards). Never throws.
 */
export function extractMetadata(document: Document, url: string): Metadata {
  try {
    // One walk indexes the page's elements for every reader below (instead of many whole-document selectors).
    return withPageIndex(document, () => read(document, url));
  } catch (err) {
    // A page that defeats the DOM engine still yields a capture; the editor sees why fields are empty.
    return empty(url, `metadata could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
}
