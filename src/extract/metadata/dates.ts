/** Finds the publication and modification dates of an article, strongest evidence first. */
import type { Sourced } from '../../model/capture.ts';
import { parseMachineDate, parseTextDate, parseUrlDate, scanTextDate, type ParsedDate } from './date-parse.ts';
import { all, attr, insideForeign, lineText, textOf } from './dom.ts';
import { ldString, type LdData } from './json-ld.ts';
import type { MetaTags } from './meta-tags.ts';
import type { Microdata } from './microdata.ts';

/** The dates found, each with its source, plus notes for the editor. */
export interface DatesResult {
  published: Sourced<string> | null;
  modified: Sourced<string> | null;
  warnings: { field: string; message: string }[];
}

/** Meta keys that carry the first publication time, most trusted first. */
const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'article:published', 'datepublished', 'og:published_time',
  'published_time', 'publish-date', 'publish_date', 'publishdate', 'publication_date', 'pubdate', 'parsely-pub-date',
  'sailthru.date', 'dc.date.issued', 'dcterms.issued', 'dc.date.created', 'dcterms.created', 'dc.date', 'dcterms.date',
  'date', 'citation_publication_date', 'citation_date', 'citation_online_date', 'prism.publicationdate',
  'article.published', 'originalpublicationdate', 'displaydate', 'release_date', 'created', 'creation_date',
];
/** Meta keys that carry the last modification time. */
const MODIFIED_META = [
  'article:modified_time', 'og:article:modified_time', 'article:modified', 'datemodified', 'og:updated_time',
  'dc.date.modified', 'dcterms.modified', 'last-modified', 'lastmod', 'article.updated', 'updated_time', 'revised',
];

/** Where visible dates live: meta lines under the headline, bylines, time stamps. */
const DATE_HOLDERS = [
  '[class*="date" i]', '[id*="date" i]', '[class*="time" i]', '[class*="publish" i]', '[class*="posted" i]',
  '[class*="byline" i]', '[class*="meta" i]', '[class*="author" i]', '[class*="dateline" i]',
].join(',');
/** Containers whose dates belong to other pieces or to readers, not to this article. */
const UPDATED_WORD = /(updated|modified|edited|revised|reviewed|fact[- ]checked|оновлено|обновлено|изменено|змінено)\W*(on|at|:)?\W*(\p{L}+,?\s*)?$/iu;
const PUBLISHED_WORD = /(published|posted|created|written|опубліковано|опубликовано|дата публікації|дата публикации)\W*(on|at|:)?\W*(\p{L}+,?\s*)?$/iu;

function fromParsed(p: ParsedDate | null, source: string): Sourced<string> | null {
  return p ? { value: p.iso, source } : null;
}


function ldDate(ld: LdData, key: 'datePublished' | 'dateModified'): Sourced<string> | null {
  const v = ld.article ? ldString(ld.article[key]) ?? (key === 'datePublished' ? ldString(ld.article['dateCreated']) : null) : null;
  return v ? fromParsed(parseMachineDate(v), `json-ld:${key}`) : null;
}

function metaDate(meta: MetaTags, keys: string[]): Sourced<string> | null {
  for (const key of keys) {
    for (const v of meta.get(key) ?? []) {
      const p = fromParsed(parseMachineDate(v), `meta:${key}`);
      if (p) return p;
    }
  }
  return null;
}

function itempropDate(micro: Microdata, prop: string): Sourced<string> | null {
  for (const el of (micro.get(prop.toLowerCase()) ?? []).slice(0, 20)) {
    if (el.tagName.toLowerCase() === 'meta') continue; // already read with the meta tags
    const raw = attr(el, 'datetime') ?? el.getAttribute('content');
    const p = raw ? parseMachineDate(raw) : parseTextDate(textOf(el));
    if (p) return fromParsed(p, `itemprop:${prop}`);
  }
  return null;
}

/** `<time datetime>` outside sidebars, comments and teasers; the first one is the article's own. */
function timeElementDate(document: Document): { published: Sourced<string> | null; modified: Sourced<string> | null } {
  let published: Sourced<string> | null = null;
  let modified: Sourced<string> | null = null;
  for (const el of all(document, 'time', 60)) {
    if (insideForeign(el)) continue;
    const raw = attr(el, 'datetime');
    const p = raw ? parseMachineDate(raw) : parseTextDate(textOf(el));
    if (!p) continue;
    const context = `${el.getAttribute('class') ?? ''} ${attr(el, 'itemprop') ?? ''} ${el.parentElement?.getAttribute('class') ?? ''} ${textOf(el.parentElement).slice(0, 60)}`;
    const isUpdate = /updat|modif/i.test(context) && !/publish/i.test(el.getAttribute('class') ?? '');
    if (isUpdate) modified ??= fromParsed(p, 'time[datetime]');
    else published ??= fromParsed(p, 'time[datetime]');
    if (published && modified) break;
  }
  return { published, modified };
}

/** Labels each date of a text by the words just before it ("Updated on …", "Published …"). */
function labelledDates(text: string): { date: ParsedDate; label: 'published' | 'modified' | 'plain' }[] {
  const out: { date: ParsedDate; label: 'published' | 'modified' | 'plain' }[] = [];
  let from = 0;
  for (let i = 0; i < 4 && from < text.length; i++) {
    const found = scanTextDate(text.slice(from));
    if (!found) break;
    const before = text.slice(Math.max(from, from + found.index - 40), from + found.index);
    const label = UPDATED_WORD.test(before) ? 'modified' : PUBLISHED_WORD.test(before) ? 'published' : 'plain';
    out.push({ date: found.date, label });
    from += found.end;
  }
  return out;
}

/** Visible date text in date-like elements near the top of the article (English, Ukrainian, Russian). Exported for the benchmark's error analysis. */
export function visibleDate(document: Document): { published: Sourced<string> | null; modified: Sourced<string> | null } {
  const found: ReturnType<typeof labelledDates> = [];
  for (const el of all(document, DATE_HOLDERS, 300)) {
    if (el.children.length > 12 || insideForeign(el)) continue;
    const text = textOf(el);
    if (text.length > 200 || text.length < 6) continue;
    found.push(...labelledDates(text));
    if (found.length > 30) break;
  }
  const mod = found.find((d) => d.label === 'modified');
  const modDays = new Set(found.filter((d) => d.label === 'modified').map((d) => d.date.iso.slice(0, 10)));
  // A date labelled "Published" anywhere wins; a plain date that is also shown as "Updated" is the update.
  const pub = found.find((d) => d.label === 'published') ?? found.find((d) => d.label === 'plain' && !modDays.has(d.date.iso.slice(0, 10)));
  return { published: pub ? fromParsed(pub.date, 'visible-date') : null, modified: mod ? fromParsed(mod.date, 'visible-date') : null };
}

/** Dates written just above or below the headline, where a byline line usually sits. */
function nearHeadlineDate(document: Document): { published: Sourced<string> | null; modified: Sourced<string> | null } {
  const none = { published: null, modified: null };
  const h1 = all(document, 'h1', 5).find((h) => !insideForeign(h));
  if (!h1) return none;
  const near: Element[] = [];
  const push = (el: Element | null | undefined): void => {
    if (el && !near.includes(el)) near.push(el);
  };
  push(h1.previousElementSibling);
  for (let el = h1.nextElementSibling, i = 0; el && i < 3; el = el.nextElementSibling, i++) push(el);
  const parent = h1.parentElement;
  push(parent?.previousElementSibling);
  for (let el = parent?.nextElementSibling, i = 0; el && i < 2; el = el.nextElementSibling, i++) push(el);
  let modified: Sourced<string> | null = null;
  for (const el of near) {
    if (insideForeign(el)) continue;
    const text = lineText(el, 300);
    if (text.length > 250) continue;
    const dates = labelledDates(text);
    const pub = dates.find((d) => d.label === 'published') ?? dates.find((d) => d.label === 'plain');
    const mod = dates.find((d) => d.label === 'modified');
    if (mod) modified ??= fromParsed(mod.date, 'near-headline');
    if (pub) return { published: fromParsed(pub.date, 'near-headline'), modified };
  }
  return { published: null, modified };
}

/** Reads published and modified dates; says nothing rather than guessing from weak evidence. */
export function extractDates(document: Document, url: string, meta: MetaTags, ld: LdData, micro: Microdata): DatesResult {
  const warnings: DatesResult['warnings'] = [];
  const times = timeElementDate(document);
  let visible: ReturnType<typeof visibleDate> | null = null;
  const lazyVisible = (): ReturnType<typeof visibleDate> => (visible ??= visibleDate(document));
  let published: Sourced<string> | null = ldDate(ld, 'datePublished') ?? metaDate(meta, PUBLISHED_META) ?? itempropDate(micro, 'datePublished')
    ?? nearHeadlineDate(document).published ?? times.published ?? lazyVisible().published;
  const modified = ldDate(ld, 'dateModified') ?? metaDate(meta, MODIFIED_META) ?? itempropDate(micro, 'dateModified')
    ?? times.modified ?? (published ? null : lazyVisible().modified);
  // Metadata that says "published" on or after "modified" is a CMS re-save stamp: an earlier date the
  // page prints under the headline (or in its date line) is the real one.
  if (published && modified && published.value.slice(0, 10) >= modified.value.slice(0, 10)) {
    const shown = nearHeadlineDate(document).published ?? lazyVisible().published;
    // Days apart, not hours: a local date under the headline may fall a day before a UTC stamp.
    if (shown && Date.parse(published.value.slice(0, 10)) - Date.parse(shown.value.slice(0, 10)) > 864e5) published = shown;
  }
  if (!published) {
    published = fromParsed(parseUrlDate(url), 'url');
    if (published) warnings.push({ field: 'published', message: 'date read from the URL: check it' });
  }
  if (published && !published.value.includes('T')) warnings.push({ field: 'published', message: 'only the day is known, not the time' });
  else if (published && !/(Z|[+-]\d{2}:\d{2})$/.test(published.value)) warnings.push({ field: 'published', message: 'time zone unknown' });
  if (!published) warnings.push({ field: 'published', message: 'no publication date found' });
  return { published, modified, warnings };
}
