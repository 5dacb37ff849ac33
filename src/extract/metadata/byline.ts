/** Finds the article's authors: JSON-LD, author meta tags, microdata, rel=author links and byline elements. */
import type { CapturedPerson, Sourced } from '../../model/capture.ts';
import { absoluteUrl, bareHost, clean, decodeEntities, insideForeign, lineText, looksLikeUrl, normKey, textOf } from './dom.ts';
import { byTag, hasAncestor, matching, type Indexed } from './page-index.ts';
import { ldList, ldString, ldTypes, type LdData, type LdNode } from './json-ld.ts';
import type { MetaTags } from './meta-tags.ts';
import type { Microdata } from './microdata.ts';
import { fromBioBox } from './bio-box.ts';
import { fixLowerCase, isOutletName, isPlausibleName, namesFromByline, namesOtherContributor } from './names.ts';

/** Elements that name themselves a byline; checked before the looser "author" classes. */
const isAuthorClass = (r: Indexed): boolean => r.cls.includes('author');
/**
 * `[class*=byline i], [id*=byline i], [class*=author-name i], [class*=authorname i], [class*=author i] [class*=name i],
 * [class*=author i][class*=name i], [data-testid*=author i]` as a test on the page index.
 */
function isBylineElement(r: Indexed): boolean {
  if (r.cls.includes('byline') || r.id.includes('byline') || r.cls.includes('author-name') || r.cls.includes('authorname')) return true;
  if (r.cls.includes('name') && (isAuthorClass(r) || hasAncestor(r, isAuthorClass))) return true;
  return (r.el.getAttribute('data-testid') ?? '').toLowerCase().includes('author');
}
/** `[class*=author i], [class*=writer i], address`. */
const isAuthorElement = (r: Indexed): boolean => r.cls.includes('author') || r.cls.includes('writer') || r.tag === 'address';
/** Links to an author's profile page on the outlet: `a[rel~=author i]`, `a[href*="/author/" i]`, `a[href*="/staff/" i]`, …. */
const PROFILE_PATH = /\/(authors?|profiles?|contributors?|writers?|journalists?|team|people|staff)\//;
function isProfileLink(r: Indexed): boolean {
  if ((r.el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('author')) return true;
  return PROFILE_PATH.test((r.el.getAttribute('href') ?? '').toLowerCase());
}
/** A text that opens with "By" (or its Ukrainian/Russian forms, or "All articles by") introduces a byline. */
const BY_START = /^\s*(?:(?:written|posted|reported|words|(?:view\s+)?(?:all|more)\s+(?:articles|posts|stories))\s+)?(?:by|автор(?:и|ы)?|від)(?=[\s:]|$)\s*:?/iu;
/** An element that is only a label ("Author", "Written by") introduces the name in the next element. */
const LABEL_ONLY = /^\s*(?:authors?|contributors?|(?:written|article|post|story|words)\s+by|by|автор(?:и|ы)?)\s*:?\s*$/iu;
/** A sentence in an author box that names the author: "This post was written by Jane Roe, …". */
const WRITTEN_BY = /\b(?:written|posted|authored)\s+by\s+([^.|]{3,80})/i;


function sameSite(a: string, b: string): boolean {
  const ha = bareHost(a);
  return !!ha && ha === bareHost(b);
}

function personFromLd(v: unknown, ld: LdData, url: string, outletNames: string[]): CapturedPerson[] {
  const node = ld.resolve(v);
  if (typeof node === 'string') return namesFromByline(fixLowerCase(decodeEntities(node)), outletNames).map((name) => ({ name }));
  if (!node || typeof node !== 'object') return [];
  const n = node as LdNode;
  if (ldTypes(n).some((t) => /Organization|Corporation/.test(t))) return [];
  // Names arrive entity-escaped ("Maria &amp; Katerina") and, from some CMSs, in lower case.
  const name = fixLowerCase(clean(decodeEntities(ldString(n['name']) ?? [ldString(n['givenName']), ldString(n['familyName'])].filter(Boolean).join(' '))));
  if (!name || looksLikeUrl(name)) return [];
  const names = namesFromByline(name, outletNames);
  if (names.length !== 1) return names.map((nm) => ({ name: nm }));
  const person: CapturedPerson = { name: names[0]! };
  const link = absoluteUrl(ldString(n['url']), url);
  if (link) {
    if (sameSite(link, url)) person.url = link;
    else person.website = link;
  }
  const bio = clean(ldString(n['description']));
  if (bio) person.bio = bio;
  const img = ld.resolve(Array.isArray(n['image']) ? n['image'][0] : n['image']);
  const photo = absoluteUrl(typeof img === 'string' ? img : img && typeof img === 'object' ? ldString((img as LdNode)['url']) : null, url);
  if (photo) person.photo = photo;
  const sameAs = ldList(n['sameAs']).map((s) => absoluteUrl(ldString(s), url)).filter((s): s is string => !!s);
  if (sameAs.length) person.sameAs = sameAs;
  return [person];
}

function fromJsonLd(ld: LdData, url: string, outletNames: string[]): CapturedPerson[] {
  if (!ld.article) return [];
  const list = ldList(ld.article['author']).length ? ldList(ld.article['author']) : ldList(ld.article['creator']);
  return list.flatMap((a) => personFromLd(a, ld, url, outletNames));
}

/** "Kaufman, Jeff T." → "Jeff T. Kaufman": the citation order turned into the order a byline shows. */
function surnameLast(c: string): string {
  return /^[^,]+,\s*[^,]+$/.test(c) ? c.split(/,\s*/).reverse().join(' ') : c;
}

function fromMeta(meta: MetaTags, outletNames: string[]): Sourced<string[]> | null {
  // Academic pages list one citation_author per person.
  const cites = (meta.get('citation_author') ?? meta.get('citation_authors') ?? meta.get('dc.creator') ?? []).filter((v) => !looksLikeUrl(v));
  if (cites.length > 1) {
    const names = cites.map(surnameLast).filter(isPlausibleName);
    if (names.length) return { value: names, source: 'meta:citation_author' };
  }
  let siteOnly: Sourced<string[]> | null = null;
  for (const key of ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl', 'citation_author', 'citation_authors', 'twitter:data1']) {
    // Citations write one author as "Surname, Given Names"; elsewhere a comma separates two people.
    const values = (meta.get(key) ?? []).filter((v) => !looksLikeUrl(v)).map((v) => fixLowerCase(key.startsWith('citation') ? surnameLast(v) : v));
    const names = values.flatMap((v) => namesFromByline(v, outletNames));
    if (!names.length) continue;
    // The site's own name in one tag (a CMS default) must not hide a person named in another.
    if (!names.every((n) => isOutletName(n, outletNames))) return { value: [...new Set(names)], source: `meta:${key}` };
    siteOnly ??= { value: [...new Set(names)], source: `meta:${key}` };
  }
  return siteOnly;
}

/** True when a box around `el` (up to three levels up) opens with "Reviewed by", "Researched by: …". */
function underOtherRole(el: Element): boolean {
  let box: Element | null = el.parentElement;
  for (let depth = 0; box && depth < 3; depth++, box = box.parentElement) {
    if (namesOtherContributor(lineText(box, 60))) return true;
  }
  return false;
}

function fromMicrodata(micro: Microdata, outletNames: string[]): string[] {
  const names: string[] = [];
  const nameEls = micro.get('name') ?? [];
  let article: Element | null | undefined;
  for (const el of [...(micro.get('author') ?? []), ...(micro.get('creator') ?? [])].slice(0, 20)) {
    if (insideForeign(el)) continue;
    // Teasers of other pieces ("More from …") are <article>s of their own, each with its author.
    const own = el.closest('article');
    if ((article !== undefined && own !== article) || underOtherRole(el)) continue;
    const nameEl = nameEls.find((n) => el.contains(n)) ?? null;
    const raw = nameEl?.getAttribute('content') ?? (nameEl ? textOf(nameEl) : el.getAttribute('content') ?? textOf(el));
    const found = namesFromByline(raw, outletNames);
    if (found.length) article ??= own;
    for (const n of found) if (!names.includes(n)) names.push(n);
  }
  return names;
}

function fromRelAuthor(document: Document, outletNames: string[]): string[] {
  const names: string[] = [];
  for (const a of matching(document, isProfileLink, 40, ['a'])) {
    if (insideForeign(a)) continue;
    // Only rel=author and /author/ links vouch for the text; other profile paths must hold a full name.
    const strong = /author/i.test(`${a.getAttribute('rel') ?? ''} ${a.getAttribute('href') ?? ''}`);
    const found = namesFromByline(textOf(a), outletNames).filter((n) => strong || /^\p{Lu}\S*(\s+\p{Lu}\S*){1,3}$/u.test(n));
    for (const n of found) if (!names.includes(n)) names.push(n);
    if (names.length >= 1 && !/\b(and|&)\b|,/.test(textOf(a.parentElement))) break;
  }
  return names;
}

/**
 * The name an author box opens with, when its bio repeats it ("Jane Roe | Jane Roe is a reporter …"):
 * the repetition tells a name apart from a heading such as "About the author".
 */
function boxOwner(text: string, outletNames: string[]): string[] {
  const [first, ...rest] = text.split(' | ');
  const names = first && first.length <= 60 ? namesFromByline(first, outletNames) : [];
  const name = names.length === 1 ? names[0]! : null;
  return name && name.includes(' ') && rest.join(' ').includes(`${name} `) ? [name] : [];
}

function fromSelectors(document: Document, test: (r: Indexed) => boolean, outletNames: string[]): string[] {
  for (const el of matching(document, test, 200)) {
    if (insideForeign(el) || el.children.length > 20) continue;
    const text = lineText(el, 300);
    if (text.length < 3) continue;
    // An author box names its author in a sentence ("This post was written by Jane Roe, …") or opens with
    // the name its bio repeats; a short byline is the names themselves.
    const written = WRITTEN_BY.exec(text)?.[1];
    const names = written ? namesFromByline(written, outletNames) : text.length > 200 ? boxOwner(text, outletNames) : namesFromByline(text, outletNames);
    if (names.length) return names;
  }
  return [];
}

function directText(el: Element): string {
  let t = '';
  // Sibling pointers, not `childNodes`: linkedom builds a new list on every call.
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) t += n.textContent ?? '';
  return t;
}

/** Elements whose own text may open a byline: `p, span, div, address, li, h2…h6, small, strong, em, b, td, a`. */
const BY_TEXT_TAGS = ['p', 'span', 'div', 'address', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'small', 'strong', 'em', 'b', 'td', 'a'];

/** Any short element whose own text opens with "By …"; the names follow in it or in its next sibling. */
function fromByText(document: Document, outletNames: string[]): string[] {
  for (const el of matching(document, () => true, 5000, BY_TEXT_TAGS)) {
    const own = directText(el);
    const label = LABEL_ONLY.test(own) && !el.children.length;
    if ((!label && !BY_START.test(own)) || own.length > 120 || insideForeign(el)) continue;
    const text = lineText(el, 300);
    // "<i>A Book</i> by Jane Roe" cites another work: a byline starts with its "By".
    if (!label && !BY_START.test(text)) continue;
    let names = !label && text.length <= 200 ? namesFromByline(text, outletNames) : [];
    const next = el.nextElementSibling;
    if (!names.length && own.trim().length <= 12 && next) names = namesFromByline(`By ${lineText(next, 200)}`, outletNames);
    // "<strong>Contributors:</strong> Jane Roe": the name is the rest of the parent's text.
    const parentText = label && !next && el.parentElement ? textOf(el.parentElement) : '';
    if (!names.length && parentText.length <= 120 && parentText.startsWith(own.trim())) names = namesFromByline(`By ${parentText.slice(own.trim().length)}`, outletNames);
    if (names.length) return names;
  }
  return [];
}

/** Icons that stand for a person before a name: `<i class="bi bi-person">`, `<i class="fa fa-user">`. */
const isPersonIcon = (r: Indexed): boolean => (r.tag === 'i' && (r.cls.includes('person') || r.cls.includes('user')))
  || (r.tag === 'span' && (r.cls.includes('icon-user') || r.cls.includes('icon-person')));

/** A short line that opens with a person icon and holds a full name, as blog themes print bylines. */
function fromPersonIcon(document: Document, outletNames: string[]): string[] {
  for (const icon of matching(document, isPersonIcon, 20, ['i', 'span'])) {
    const line = icon.parentElement;
    if (!line || insideForeign(line)) continue;
    const text = lineText(line, 80);
    if (text.length > 60) continue;
    const names = namesFromByline(text, outletNames);
    if (names.length) return names;
  }
  return [];
}

/** True when `el` links to the site's sections or tags (`rel="category tag"`, `/category/…`): a line of topics, not names. */
function linksToSections(el: Element): boolean {
  for (const a of Array.from(el.getElementsByTagName('a')).slice(0, 10)) {
    if (/\b(tag|category)\b/i.test(a.getAttribute('rel') ?? '') || /\/(category|categories|tags?|topics?)\//i.test(a.getAttribute('href') ?? '')) return true;
  }
  return false;
}

/** A line right under the headline that names the author (small blogs print it there, often beside the date). */
function fromUnderHeadline(document: Document, outletNames: string[]): string[] {
  const h1 = byTag(document, 'h1', 3).find((h) => !insideForeign(h));
  const next = h1?.nextElementSibling;
  if (!next) return [];
  const text = lineText(next, 200);
  if (text.length > 120 || linksToSections(next)) return [];
  const names = namesFromByline(text, outletNames);
  // Only full names of two to four capitalised words count: anything else is a subtitle.
  return names.length >= 1 && names.every((n) => /^(\p{Lu}[\p{L}'.-]*\s+){1,3}\p{Lu}[\p{L}'.-]*$/u.test(n)) ? names : [];
}

/** Byline sources read from the page's layout, in the order we trust them. */
function layoutAuthors(document: Document, outletNames: string[]): Sourced<string[]> | null {
  const tries: [string, () => string[]][] = [
    ['byline', () => fromSelectors(document, isBylineElement, outletNames)],
    ['by-text', () => fromByText(document, outletNames)],
    ['rel=author', () => fromRelAuthor(document, outletNames)],
    ['author-element', () => fromSelectors(document, isAuthorElement, outletNames)],
    ['under-headline', () => fromUnderHeadline(document, outletNames)],
    ['person-icon', () => fromPersonIcon(document, outletNames)],
    ['bio-box', () => fromBioBox(document, outletNames)],
  ];
  for (const [source, run] of tries) {
    // A lone one-word "name" found by layout alone is usually a label ("Research", "Hardware").
    const names = run().filter((n) => n.includes(' '));
    if (names.length) return { value: names, source };
  }
  return null;
}

/**
 * The metadata's authors, completed from a visible byline that names each of them and more: CMS metadata
 * often keeps only the first of several authors. People the metadata described keep their details.
 */
function withCoAuthors(document: Document, found: Sourced<CapturedPerson[]>, outletNames: string[]): Sourced<CapturedPerson[]> {
  for (const el of matching(document, (r) => isBylineElement(r) || isAuthorElement(r), 200)) {
    const line = lineText(el, 300);
    // Only a line that opens with "By" lists authors; "Jane Roe, Master Gardener" is a name and a title.
    if (line.length > 200 || !BY_START.test(line) || insideForeign(el)) continue;
    const names = namesFromByline(line, outletNames).filter((n) => n.includes(' '));
    const match = (p: CapturedPerson, n: string): boolean => normKey(n).includes(normKey(p.name));
    if (names.length <= found.value.length || !found.value.every((p) => names.some((n) => match(p, n)))) return found;
    // The byline's spelling is what readers saw ("Dr Jane Roe"); the metadata's details stay with the person.
    return { value: names.map((n) => ({ ...found.value.find((p) => match(p, n)), name: n })), source: `${found.source}+byline` };
  }
  return found;
}

/** The authors and where they came from; empty when the page names nobody plausible. */
export function extractAuthors(document: Document, url: string, meta: MetaTags, ld: LdData, micro: Microdata, outletNames: string[]): Sourced<CapturedPerson[]> | null {
  const ldPeople = fromJsonLd(ld, url, outletNames);
  const m = fromMeta(meta, outletNames);
  const fromItems = fromMicrodata(micro, outletNames);
  const found: Sourced<CapturedPerson[]> | null = ldPeople.length ? { value: ldPeople, source: 'json-ld:author' }
    : m ? { value: m.value.map((name) => ({ name })), source: m.source }
      : fromItems.length ? { value: fromItems.map((name) => ({ name })), source: 'itemprop:author' } : null;
  // Metadata that names the site itself as author is a CMS default; a byline on the page that names a
  // person wins, and the site's name stands only on a personal site that names nobody else.
  // A lone word in the metadata ("KatieS") is an account name; a full name in the page's byline is the writer's.
  const weak = !!found && found.value.every((p) => !p.name.includes(' '));
  if (found && !weak && !found.value.every((p) => isOutletName(p.name, outletNames))) return withCoAuthors(document, found, outletNames);
  const layout = layoutAuthors(document, outletNames);
  const explicit = layout && (layout.source === 'byline' || layout.source === 'by-text');
  if (layout && (explicit || !found) && !layout.value.every((n) => isOutletName(n, outletNames))) return { value: layout.value.map((name) => ({ name })), source: layout.source };
  return found ?? (layout ? { value: layout.value.map((name) => ({ name })), source: layout.source } : null);
}
