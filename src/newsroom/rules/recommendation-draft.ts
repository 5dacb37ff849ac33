/**
 * A recommendation draft from a capture, applying every rule of the reference page at once:
 * headline by kind, excerpt within policy, editor's note, image with caption and credit apart,
 * original URL and time, SEO default, slug. Pure: people and the outlet are resolved by the caller.
 */
import type { ArticleKind, Extraction } from '../../model/capture.ts';
import type { Outlet, Piece } from '../../model/piece.ts';
import type { PersonId } from '../../model/person.ts';
import { type Language, localized, type SiteSettings } from '../../model/site.ts';
import { editorsNote } from './editors-note.ts';
import { describeExcerpt, type ExcerptResult, mergeExcerptPolicy, takeExcerpt } from './excerpt.ts';
import { headlineFor } from './headline.ts';
import { safeHttpUrl } from './links.ts';
import { outletName } from './outlet-name.ts';
import { slugify } from './slug.ts';

/** The fields a draft gets from its capture; the caller adds id, state, owner, outlet/capture ids, timestamps and revision. */
export type RecommendationFields = Omit<Piece, 'id' | 'state' | 'ownerId' | 'outletId' | 'captureId' | 'createdAt' | 'updatedAt' | 'revision'>;

/** What the editor chose on the command line or in the form; anything unset comes from the capture and site. */
export interface DraftChoices {
  kind?: ArticleKind;
  headline?: string;
  note?: string;
  tags?: string[];
  language?: Language;
}

/** Everything needed to draft a recommendation. */
export interface DraftInput {
  extraction: Extraction;
  site: SiteSettings;
  /** The outlet record, or what the capture says about it (a blank name falls back to the host). */
  outlet: Pick<Outlet, 'name'> & Partial<Pick<Outlet, 'excerptPolicy'>>;
  /** Matched or newly created people, in byline order. */
  authors: { id: PersonId; name: string }[];
  choices?: DraftChoices;
}

/** The draft's fields, the excerpt numbers to show, and warnings naming the field they affect. */
export interface RecommendationDraft {
  fields: RecommendationFields;
  excerpt: ExcerptResult;
  /** The headline as shown (derived from kind and authors unless overridden). */
  displayHeadline: string;
  outletName: string;
  warnings: { field: string; message: string }[];
}

/** The site language matching a BCP 47 tag (`uk-UA` → `uk`), else the site's first language. */
export function pieceLanguage(tag: string | null | undefined, site: Pick<SiteSettings, 'languages'>): Language {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  const match = site.languages.find((l) => l === primary);
  return match ?? site.languages[0] ?? 'en';
}

function instantOrUndefined(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Drafts a recommendation from an extraction with the site's defaults and the editor's choices. */
export function draftRecommendation(input: DraftInput): RecommendationDraft {
  const { extraction: x, site, choices = {} } = input;
  const warnings: RecommendationDraft['warnings'] = x.warnings.map((w) => ({ ...w }));
  const lang = choices.language ?? pieceLanguage(x.language, site);
  const kind = choices.kind ?? x.kind?.value ?? 'other';
  if (choices.kind === undefined && x.kind === null) warnings.push({ field: 'kind', message: 'the kind of piece was not detected; set it (opinion, news, analysis…)' });
  const originalUrl = safeHttpUrl(x.canonicalUrl);
  if (originalUrl === null) warnings.push({ field: 'originalUrl', message: `the original URL "${x.canonicalUrl}" is not a valid http(s) address` });
  const outlet = outletName(input.outlet.name, x.canonicalUrl);
  if (outlet.fellBack) warnings.push({ field: 'outlet', message: outlet.warning });
  const headline = x.headline?.value.trim() ?? '';
  if (headline === '') warnings.push({ field: 'headline', message: 'the page has no headline; write one' });
  const authorNames = input.authors.map((a) => a.name);
  const override = choices.headline?.trim() || undefined;
  const displayHeadline = headlineFor({ kind, headline, authors: authorNames, override, lang });
  const excerpt = takeExcerpt(x.body, mergeExcerptPolicy(site.excerptPolicy, input.outlet.excerptPolicy));
  if (excerpt.reason !== undefined) warnings.push({ field: 'excerpt', message: describeExcerpt(excerpt) });
  if (x.paywalled) warnings.push({ field: 'excerpt', message: 'the page looks like a paywalled teaser; check that the excerpt is the piece itself' });
  const originalPublishedAt = instantOrUndefined(x.published?.value);
  if (originalPublishedAt === undefined) warnings.push({ field: 'originalPublishedAt', message: 'the original publication time was not found' });
  const fields: RecommendationFields = {
    type: 'recommendation',
    kind,
    language: lang,
    slug: slugify(displayHeadline) || slugify(outlet.name) || 'recommendation',
    headline,
    authors: input.authors.map((a) => a.id),
    excerpt: excerpt.blocks,
    editorsNote: choices.note?.trim() || editorsNote({ kind, lang, outlet: outlet.name, site: localized(site.name, lang), templates: site.noteTemplates }),
    tags: [...(choices.tags ?? [])],
    seo: site.seoDefault,
    corrections: [],
  };
  if (override !== undefined) fields.headlineOverride = override;
  if (originalUrl !== null) fields.originalUrl = originalUrl;
  if (originalPublishedAt !== undefined) fields.originalPublishedAt = originalPublishedAt;
  const image = leadImage(x, site, warnings);
  if (image !== undefined) fields.image = image;
  if (input.authors.length === 0) warnings.push({ field: 'authors', message: 'the page names no author' });
  return { fields, excerpt, displayHeadline, outletName: outlet.name, warnings };
}

function leadImage(x: Extraction, site: SiteSettings, warnings: RecommendationDraft['warnings']): Piece['image'] {
  const img = x.leadImage?.value;
  if (img === undefined) return undefined;
  const url = safeHttpUrl(img.url);
  if (url === null) {
    warnings.push({ field: 'image.url', message: `the lead image URL "${img.url}" is not a valid http(s) address; no image` });
    return { decision: 'none' };
  }
  const image: NonNullable<Piece['image']> = { decision: site.imageDefault, url };
  for (const key of ['caption', 'credit', 'alt'] as const) {
    const v = img[key]?.trim();
    if (v) image[key] = v;
  }
  if (img.width !== undefined) image.width = img.width;
  if (img.height !== undefined) image.height = img.height;
  return image;
}
