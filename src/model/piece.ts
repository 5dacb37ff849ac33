/** Types of outlets, tags and pieces (recommendations and stories). Pure data, no behaviour. */
import type { ArticleKind, BodyBlock } from './capture.ts';
import type { PersonId } from './person.ts';
import type { ExcerptPolicy, ImageDecision, Language, Localized, SeoPolicy } from './site.ts';

/** Identifier of an outlet record. */
export type OutletId = string;
/** Identifier of a piece record. */
export type PieceId = string;

/** A publisher whose work we recommend (CNN). */
export interface Outlet {
  id: OutletId;
  name: string;
  /** Home page, absolute http(s). */
  homeUrl: string;
  logo?: { url: string; alt?: string };
  /** Fields set here replace the site's excerpt policy for this outlet (tighter or wider). */
  excerptPolicy?: Partial<ExcerptPolicy>;
  /** What we agreed with the outlet, e.g. "partner: may quote up to 300 words". */
  permissionNotes?: string;
}

/** A tag; its slug is Latin (Ukrainian names transliterated by the KMU 2010 table). */
export interface Tag {
  id: string;
  slug: string;
  names: Localized<string>;
}

/** Our page about someone else's piece, or our own piece. */
export type PieceType = 'recommendation' | 'story';

/** Where a piece is in the workflow. "Updated" is a published piece with a later `updatedAt`. */
export const PIECE_STATES = ['draft', 'review', 'scheduled', 'published', 'retracted'] as const;
export type PieceState = (typeof PIECE_STATES)[number];

/** The lead image and what we decided to do with it; caption and credit are kept apart. */
export interface PieceImage {
  decision: ImageDecision;
  /** Absolute http(s) URL of the original image (absent when decision is `none` and none was found). */
  url?: string;
  caption?: string;
  /** Shown in parentheses after the caption. */
  credit?: string;
  alt?: string;
  width?: number;
  height?: number;
}

/** A dated correction note shown on a published piece. */
export interface Correction {
  /** ISO 8601 instant. */
  at: string;
  text: string;
}

/**
 * A recommendation or a story. Fields marked (rec) apply to recommendations, (story) to stories.
 * All instants are ISO 8601 strings in UTC.
 */
export interface Piece {
  id: PieceId;
  type: PieceType;
  kind: ArticleKind;
  state: PieceState;
  language: Language;
  slug: string;
  /** The original headline (rec) or our headline (story). */
  headline: string;
  /** An editor's headline; wins over the one derived from the kind. */
  headlineOverride?: string;
  authors: PersonId[];
  /** (rec) Canonical URL of the original, absolute http(s). */
  originalUrl?: string;
  /** (rec) The outlet that published the original. */
  outletId?: OutletId;
  /** (rec) The capture this recommendation was built from. */
  captureId?: string;
  /** The user who created the piece (contributors may edit only their own drafts). */
  ownerId?: string;
  createdAt: string;
  updatedAt: string;
  /** When we published it (or will, when scheduled). */
  publishedAt?: string;
  scheduledAt?: string;
  /** (rec) When the outlet published the original. */
  originalPublishedAt?: string;
  image?: PieceImage;
  /** (rec) The quoted opening of the original, within the excerpt policy. */
  excerpt: BodyBlock[];
  /** (rec) Filled from the note template at creation, editable. */
  editorsNote?: string;
  tags: string[];
  seo: SeoPolicy;
  corrections: Correction[];
  /** (story) The summary under the headline. */
  standfirst?: string;
  /** (story) Markdown, sanitized on render. */
  body?: string;
  /** Shown (with HTTP 410) once the piece is retracted. */
  retractionNote?: string;
  /** Increases on every save; a save based on an older revision is refused. */
  revision: number;
}
