/** Finds the publication and modification dates of an article, strongest evidence first. */
import type { Sourced } from '../../model/capture.ts';
import { parseMachineDate, parseTextDate, parseUrlDate, scanTextDate, type ParsedDate } from './date-parse.ts';
import { all, attr, insideForeign, lineText, linksElsewhere, textOf } from './dom.ts';
import { byTag, matching, type Indexed } from './page-index.ts';
import { classOf, walkElements } from '../body/dom.ts';
import { ldString, type LdData } from './json-ld.ts';
import { labelledPublishedDate } from './labelled-date.ts';
import { inOffset, pageOffset } from './page-offset.ts';
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
const DATE_CLASS = /date|time|publish|posted|byline|meta|author/;
/** `[class*=date i], [id*=date i], [class*=time i], …` as a test on the page index. */
const isDateHolder = (r: Indexed): boolean => DATE_CLASS.test(r.cls) || r.id.includes('date');
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

/** Other spellings of a publication-date meta key (`published-date`, `w-published-date`, `post:published`). */
const PUBLISHED_META_LIKE = /(^|[-_.:])(published|publish[-_]?date|published[-_]?(date|time|at|on))$/;

function metaDate(meta: MetaTags, keys: string[], like?: RegExp): Sourced<string> | null {
  for (const key of keys) {
    for (const v of meta.get(key) ?? []) {
      const p = fromParsed(parseMachineDate(v), `meta:${key}`);
      if (p) return p;
    }
  }
  if (!like) return null;
  // Keys that only spell the same idea differently; when they disagree ("published-time" is often the
  // render stamp beside an editor's "published-date"), the earliest is the first publication.
  let earliest: Sourced<string> | null = null;
  for (const key of [...meta.keys()].filter((k) => like.test(k) && !keys.includes(k))) {
    const p = fromParsed(parseMachineDate(meta.get(key)?.[0] ?? ''), `meta:${key}`);
    if (p && (!earliest || p.value.slice(0, 10) < earliest.value.slice(0, 10))) earliest = p;
  }
  return earliest;
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
function timeElementDate(document: Document, url: string): { published: Sourced<string> | null; modified: Sourced<string> | null } {
  let published: Sourced<string> | null = null;
  let modified: Sourced<string> | null = null;
  for (const el of byTag(document, 'time', 60)) {
    if (insideForeign(el) || linksElsewhere(el, url)) continue;
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

/** A date read from text, with the label written before it. */
interface LabelledDate { date: ParsedDate; label: 'published' | 'modified' | 'plain' }

/** Labels each date of a text by the words just before it ("Updated on …", "Published …"). */
function labelledDates(text: string): LabelledDate[] {
  const out: LabelledDate[] = [];
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

/** True when an element below `el` has `today` in its id or class (`[id*="today" i], [class*="today" i]`). */
function marksToday(el: Element): boolean {
  let found = false;
  walkElements(el, (d) => {
    if (found) return false;
    found = classOf(d).toLowerCase().includes('today') || (d.getAttribute('id') ?? '').toLowerCase().includes('today');
    return !found;
  });
  return found;
}

/** Visible date text in date-like elements near the top of the article (English, Ukrainian, Russian). Exported for the benchmark's error analysis. */
export function visibleDate(document: Document): { published: Sourced<string> | null; modified: Sourced<string> | null } {
  const found: ReturnType<typeof labelledDates> = [];
  for (const el of matching(document, isDateHolder, 300)) {
    if (el.children.length > 12 || insideForeign(el)) continue;
    // "Friday, December 19, 2025" in a masthead is today's date, not the article's.
    if (marksToday(el)) continue;
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

/**
 * The `<time datetime>` behind a date read from text, when its text shows that date: the machine value is
 * what the page declares, the text may be a display rounding or a template's stale copy.
 */
function machineReading(el: Element, found: LabelledDate | undefined): LabelledDate | undefined {
  if (!found) return found;
  for (const t of all(el, 'time', 4)) {
    const raw = attr(t, 'datetime');
    const machine = raw ? parseMachineDate(raw) : null;
    if (machine && parseTextDate(textOf(t))?.iso.slice(0, 10) === found.date.iso.slice(0, 10)) return { ...found, date: machine };
  }
  return found;
}

/** Dates written just above or below the headline, where a byline line usually sits. */
function nearHeadlineDate(document: Document): { published: Sourced<string> | null; modified: Sourced<string> | null } {
  const none = { published: null, modified: null };
  const h1 = byTag(document, 'h1', 5).find((h) => !insideForeign(h));
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
    const pub = machineReading(el, dates.find((d) => d.label === 'published') ?? dates.find((d) => d.label === 'plain'));
    const mod = dates.find((d) => d.label === 'modified');
    if (mod) modified ??= fromParsed(mod.date, 'near-headline');
    if (pub) return { published: fromParsed(pub.date, 'near-headline'), modified };
  }
  return { published: null, modified };
}

/** Calendar days from `a` to `b` (ISO texts), ignoring the time of day. */
function dayDiff(a: string, b: string): number {
  return (Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 864e5;
}

/** The page's own dates, each read once: they are consulted by several rules. */
interface Shown {
  readonly near: ReturnType<typeof nearHeadlineDate>;
  times: ReturnType<typeof timeElementDate>;
  visible: () => ReturnType<typeof visibleDate>;
  labelled: () => Sourced<string> | null;
}

function shownDates(document: Document, url: string): Shown {
  let visible: ReturnType<typeof visibleDate> | undefined;
  let labelled: Sourced<string> | null | undefined;
  let near: ReturnType<typeof nearHeadlineDate> | undefined;
  return {
    // Read on first use: most pages are settled by their metadata alone.
    get near() {
      return (near ??= nearHeadlineDate(document));
    },
    times: timeElementDate(document, url),
    visible: () => (visible ??= visibleDate(document)),
    labelled: () => (labelled === undefined ? (labelled = labelledPublishedDate(document)) : labelled),
  };
}

/**
 * A warning when the page presents the metadata's modification day as its date (plain, under the headline or
 * in its first time element, with no "Updated" label) and never shows the metadata's publication day. The
 * layers then disagree about which date is the piece's; guessing either one is wrong about as often as right.
 */
function contradiction(published: Sourced<string> | null, modified: Sourced<string> | null, shown: Shown): string | null {
  if (!published || !modified || !/^(json-ld|meta|itemprop)/.test(published.source)) return null;
  if (dayDiff(published.value, modified.value) < 2) return null;
  const day = (d: Sourced<string> | null | undefined): string | undefined => d?.value.slice(0, 10);
  const [pub, mod] = [day(published), day(modified)];
  const plain = [day(shown.near.published), day(shown.times.published)];
  if (!plain.includes(mod)) return null;
  const all = [...plain, day(shown.labelled()), day(shown.visible().published), day(shown.visible().modified), day(shown.near.modified), day(shown.times.modified)];
  if (all.includes(pub)) return null;
  return `the page shows ${mod ?? ''} as its date but its metadata says first published ${pub ?? ''}: check it`;
}

/**
 * A plain date under the headline or in the first time element, days before the metadata's publication
 * stamp, when the page never shows that stamp and shows no update before it: the stamp is a re-save or an
 * import (a post moved to a new platform keeps its first date on the page, not in the metadata).
 */
function earlierShown(published: Sourced<string> | null, shown: Shown): Sourced<string> | null {
  if (!published || !/^(json-ld|meta|itemprop)/.test(published.source)) return null;
  const pub = published.value.slice(0, 10);
  const earlier = [shown.near.published, shown.times.published].filter((d): d is Sourced<string> => !!d && dayDiff(d.value, pub) > 1);
  // The costlier page scans run only when there is an earlier date to weigh.
  if (!earlier.length) return null;
  const updates = [shown.near.modified, shown.times.modified, shown.visible().modified];
  if (updates.some((d) => d && d.value.slice(0, 10) <= pub)) return null;
  const seen = [shown.labelled(), shown.visible().published, ...updates, shown.near.published, shown.times.published];
  if (seen.some((d) => d?.value.slice(0, 10) === pub)) return null;
  return earlier.sort((a, b) => a.value.localeCompare(b.value))[0] ?? null;
}

/**
 * The publication date the page's metadata declares. JSON-LD and meta tags days apart: one of them is a
 * re-save or a template's stamp, and only the page's own shown date can tell which, so neither is taken.
 */
function declaredPublished(ld: LdData, meta: MetaTags, micro: Microdata, warnings: DatesResult['warnings']): Sourced<string> | null {
  const fromLd = ldDate(ld, 'datePublished');
  const fromMeta = metaDate(meta, PUBLISHED_META, PUBLISHED_META_LIKE);
  if (fromLd && fromMeta && Math.abs(dayDiff(fromLd.value, fromMeta.value)) > 1) {
    warnings.push({ field: 'published', message: `JSON-LD says first published ${fromLd.value.slice(0, 10)}, the meta tags ${fromMeta.value.slice(0, 10)}: check it` });
    return null;
  }
  return fromLd ?? fromMeta ?? itempropDate(micro, 'datePublished');
}

/** Reads published and modified dates; says nothing rather than guessing from weak evidence. */
export function extractDates(document: Document, url: string, meta: MetaTags, ld: LdData, micro: Microdata): DatesResult {
  const warnings: DatesResult['warnings'] = [];
  const shown = shownDates(document, url);
  let published: Sourced<string> | null = declaredPublished(ld, meta, micro, warnings)
    ?? shown.labelled() ?? shown.near.published ?? shown.times.published ?? shown.visible().published;
  const modified = ldDate(ld, 'dateModified') ?? metaDate(meta, MODIFIED_META) ?? itempropDate(micro, 'dateModified')
    ?? shown.times.modified ?? (published ? null : shown.visible().modified);
  // Metadata that says "published" on or after "modified" is a CMS re-save stamp: an earlier date the
  // page prints under the headline (or in its date line) is the real one.
  if (published && modified && published.value.slice(0, 10) >= modified.value.slice(0, 10)) {
    const earlier = shown.near.published ?? shown.visible().published;
    // Days apart, not hours: a local date under the headline may fall a day before a UTC stamp.
    if (earlier && dayDiff(earlier.value, published.value) > 1) published = earlier;
  }
  published = earlierShown(published, shown) ?? published;
  const offset = pageOffset(document, [published?.value, modified?.value]);
  const conflict = contradiction(published, modified, shown);
  if (conflict) {
    warnings.push({ field: 'published', message: conflict });
    return { published: null, modified: inOffset(modified, offset), warnings };
  }
  published = inOffset(published, offset);
  if (!published) {
    published = fromParsed(parseUrlDate(url), 'url');
    if (published) warnings.push({ field: 'published', message: 'date read from the URL: check it' });
  }
  if (published && !published.value.includes('T')) warnings.push({ field: 'published', message: 'only the day is known, not the time' });
  else if (published && !/(Z|[+-]\d{2}:\d{2})$/.test(published.value)) warnings.push({ field: 'published', message: 'time zone unknown' });
  if (!published) warnings.push({ field: 'published', message: 'no publication date found' });
  return { published, modified: inOffset(modified, offset), warnings };
}
