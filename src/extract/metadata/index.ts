import type { Extraction } from '../../model/capture.ts';

/** The part of an extraction that comes from the page's metadata and byline, not from the body. */
export type Metadata = Omit<Extraction, 'body' | 'bodySource' | 'wordCount' | 'paywalled'>;

/**
 * Reads headline, kind, authors, dates, outlet, canonical URL, language, description and lead image.
 * Read-only: must not mutate `document` (the body stages run on the same tree afterwards).
 */
export function extractMetadata(document: Document, url: string): Metadata {
  void document;
  return {
    headline: null, kind: null, authors: null, published: null, modified: null, outlet: null,
    canonicalUrl: url, language: null, description: null, leadImage: null, warnings: [],
  };
}
