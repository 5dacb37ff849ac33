/** Decides what sort of piece a page is (opinion, analysis, …) from types, sections, URL and headline prefixes. */
import type { ArticleKind, Sourced } from '../../model/capture.ts';
import { ldString, ldTypes, type LdData } from './json-ld.ts';
import type { MetaTags } from './meta-tags.ts';

/** Words that name a kind, as used in sections, URL segments and headline prefixes (en, uk, ru). */
const KIND_WORDS: [RegExp, ArticleKind][] = [
  [/^(opinions?|op-?eds?|commentary|comment|commentisfree|columns?|columnists?|editorials?|views?|perspectives?|думка|думки|погляд|колонка|колонки|блоги?|мнение|мнения)$/i, 'opinion'],
  [/^(analysis|analyses|explainers?|аналітика|аналіз|аналитика|анализ)$/i, 'analysis'],
  [/^(investigations?|investigative|розслідування|расследования?)$/i, 'investigation'],
  [/^(interviews?|інтерв.ю|интервью)$/i, 'interview'],
  [/^(reviews?|рецензія|рецензии|рецензия|огляд)$/i, 'review'],
  [/^(videos?|watch|відео|видео)$/i, 'video'],
];

/** A kind word at the start of a headline, followed by a separator: `Opinion: …`, `ANALYSIS | …`. */
export const KIND_PREFIX = /^\s*(opinion|op-ed|commentary|analysis|interview|review|investigation|video|editorial|думка|колонка|аналітика|інтерв.ю|мнение|колонка|аналитика|интервью)\s*[:|–—-]\s+/iu;

/** Maps one word or short phrase to a kind, or null. */
export function kindOfWord(word: string): ArticleKind | null {
  const w = word.trim().replace(/\s+/g, '-');
  for (const [re, kind] of KIND_WORDS) if (re.test(w)) return kind;
  return null;
}

const LD_KINDS: [RegExp, ArticleKind][] = [
  [/^OpinionNewsArticle$/, 'opinion'],
  [/^(AnalysisNewsArticle|BackgroundNewsArticle)$/, 'analysis'],
  [/^(ReviewNewsArticle|Review|CriticReview)$/, 'review'],
  [/^VideoObject$/, 'video'],
  [/^(ReportageNewsArticle|NewsArticle)$/, 'news'],
];

function fromJsonLd(ld: LdData): Sourced<ArticleKind> | null {
  const types = ldTypes(ld.article);
  for (const [re, kind] of LD_KINDS) {
    // Plain NewsArticle is weak evidence: a section or URL may still say "opinion".
    if (kind !== 'news' && types.some((t) => re.test(t))) return { value: kind, source: 'json-ld:@type' };
  }
  const section = ld.article ? ldString(ld.article['articleSection']) : null;
  const k = section ? kindOfWord(section) : null;
  return k ? { value: k, source: 'json-ld:articleSection' } : null;
}

function fromUrl(url: string): Sourced<ArticleKind> | null {
  let segments: string[];
  try {
    segments = new URL(url).pathname.split('/').filter(Boolean).slice(0, -1);
  } catch {
    return null;
  }
  // Only the folders count, not the slug: a slug "my-review-of-x" says nothing about the kind.
  for (const seg of segments) {
    const k = kindOfWord(decodeURIComponent(seg).toLowerCase());
    if (k) return { value: k, source: 'url' };
  }
  return null;
}

/** Reads the kind of piece; returns null when nothing on the page says. */
export function extractKind(url: string, meta: MetaTags, ld: LdData, rawHeadline: string | null): Sourced<ArticleKind> | null {
  const ldKind = fromJsonLd(ld);
  if (ldKind) return ldKind;
  if ((meta.get('article:opinion')?.[0] ?? '').toLowerCase() === 'true') return { value: 'opinion', source: 'meta:article:opinion' };
  for (const section of meta.get('article:section') ?? []) {
    const k = kindOfWord(section);
    if (k) return { value: k, source: 'meta:article:section' };
  }
  const prefix = rawHeadline ? KIND_PREFIX.exec(rawHeadline) : null;
  if (prefix) {
    const k = kindOfWord(prefix[1] === 'editorial' ? 'editorials' : prefix[1]!);
    if (k) return { value: k, source: 'headline-prefix' };
  }
  const byUrl = fromUrl(url);
  if (byUrl) return byUrl;
  if (ldTypes(ld.article).some((t) => /NewsArticle$/.test(t))) return { value: 'news', source: 'json-ld:@type' };
  return null;
}
