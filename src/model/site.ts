/** Types of the site's settings: names, languages, time zone and the editorial defaults. */
import type { ArticleKind } from './capture.ts';

/** The languages a site can publish in. */
export const LANGUAGES = ['en', 'uk'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in several languages; English is always present and is the fallback. */
export type Localized<T> = { en: T } & Partial<Record<Exclude<Language, 'en'>, T>>;

/** How a recommendation's lead image is shown: hot-linked from the original, proxied through us, or not at all. */
export type ImageDecision = 'link' | 'proxy' | 'none';

/** What search engines are told about a piece: stay out, treat the original as canonical, or index us. */
export type SeoPolicy = 'noindex' | 'canonical' | 'index';

/** Limits on how much of someone else's piece a recommendation quotes. */
export interface ExcerptPolicy {
  /** Most paragraphs quoted. 0 means the outlet allows no excerpt. */
  maxParagraphs: number;
  /** Most words quoted; the cut only falls at the end of a paragraph. */
  maxWords: number;
  /** Largest share of the piece's words quoted, 0..1. */
  maxShare: number;
}

/** Editor's-note templates with `{outlet}` and `{site}` placeholders, per kind and language. */
export type NoteTemplates = Record<ArticleKind, Record<Language, string>>;

/** The reader-support appeal shown under pieces, in one language. */
export interface ReaderSupportBlock {
  heading: string;
  text: string;
  buttonLabel: string;
  /** Donation or membership page, absolute http(s); null until the newsroom sets one (no button is shown). */
  buttonUrl: string | null;
}

/** Site-wide settings an admin edits. */
export interface SiteSettings {
  name: Localized<string>;
  /** Languages the site publishes in; the first is the default. */
  languages: Language[];
  /** IANA time zone used for dates on pages and in piece paths. */
  timeZone: string;
  excerptPolicy: ExcerptPolicy;
  noteTemplates: NoteTemplates;
  seoDefault: SeoPolicy;
  imageDefault: ImageDecision;
  readerSupport: Record<Language, ReaderSupportBlock>;
}

/** The default excerpt policy: 3 paragraphs, 200 words, 30% of the piece. */
export const DEFAULT_EXCERPT_POLICY: Readonly<ExcerptPolicy> = Object.freeze({ maxParagraphs: 3, maxWords: 200, maxShare: 0.3 });

// English: the opinion text is the newsroom's established wording; the others follow it.
// Ukrainian: "видання {outlet}" keeps the verb neuter whatever the outlet's name, and the pronoun
// (її/його) agrees with the noun naming the kind of piece.
const SHARE_EN = '{site} is aggregating it as a recommendation to our readers.';
const SHARE_UK_F = '{site} поширює її як рекомендацію для наших читачів.';
const SHARE_UK_MN = '{site} поширює його як рекомендацію для наших читачів.';

/** Default editor's-note templates for every kind in English and Ukrainian. */
export const DEFAULT_NOTE_TEMPLATES: Readonly<NoteTemplates> = Object.freeze({
  opinion: { en: `This op-ed was published by {outlet}. ${SHARE_EN}`, uk: `Цю колонку опублікувало видання {outlet}. ${SHARE_UK_F}` },
  news: { en: `This story was published by {outlet}. ${SHARE_EN}`, uk: `Цю новину опублікувало видання {outlet}. ${SHARE_UK_F}` },
  analysis: { en: `This analysis was published by {outlet}. ${SHARE_EN}`, uk: `Цей аналітичний матеріал опублікувало видання {outlet}. ${SHARE_UK_MN}` },
  investigation: { en: `This investigation was published by {outlet}. ${SHARE_EN}`, uk: `Це розслідування опублікувало видання {outlet}. ${SHARE_UK_MN}` },
  interview: { en: `This interview was published by {outlet}. ${SHARE_EN}`, uk: `Це інтерв’ю опублікувало видання {outlet}. ${SHARE_UK_MN}` },
  review: { en: `This review was published by {outlet}. ${SHARE_EN}`, uk: `Цю рецензію опублікувало видання {outlet}. ${SHARE_UK_F}` },
  video: { en: `This video was published by {outlet}. ${SHARE_EN}`, uk: `Це відео опублікувало видання {outlet}. ${SHARE_UK_MN}` },
  other: { en: `This piece was published by {outlet}. ${SHARE_EN}`, uk: `Цей матеріал опублікувало видання {outlet}. ${SHARE_UK_MN}` },
});

/** Good defaults for an English + Ukrainian newsroom in Kyiv; `name` replaces the placeholder site name. */
export function defaultSiteSettings(name: Localized<string> = { en: 'Newsdesk', uk: 'Newsdesk' }): SiteSettings {
  const templates = {} as NoteTemplates;
  for (const [kind, byLang] of Object.entries(DEFAULT_NOTE_TEMPLATES)) templates[kind as ArticleKind] = { ...byLang };
  return {
    name: { ...name },
    languages: ['en', 'uk'],
    timeZone: 'Europe/Kyiv',
    excerptPolicy: { ...DEFAULT_EXCERPT_POLICY },
    noteTemplates: templates,
    seoDefault: 'noindex',
    imageDefault: 'link',
    readerSupport: {
      en: {
        heading: 'Support independent journalism',
        text: 'Our newsroom answers to its readers, not to owners or advertisers. If our work matters to you, help us keep it free for everyone.',
        buttonLabel: 'Support us',
        buttonUrl: null,
      },
      uk: {
        heading: 'Підтримайте незалежну журналістику',
        text: 'Наша редакція підзвітна читачам, а не власникам чи рекламодавцям. Якщо наша робота важлива для вас, допоможіть нам і далі робити її доступною для всіх.',
        buttonLabel: 'Підтримати',
        buttonUrl: null,
      },
    },
  };
}

/** The text for `lang`, falling back to English when that language is missing or blank. */
export function localized<T>(value: Localized<T>, lang: Language): T {
  const v = (value as Partial<Record<Language, T>>)[lang];
  return v === undefined || (typeof v === 'string' && v.trim() === '') ? value.en : v;
}
