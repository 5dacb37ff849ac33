/**
 * Byline sources read from the page's layout: byline and author elements, "By …" lines, profile links, the line
 * under the headline, person icons and unmarked author boxes. Each reads people as the byline prints them and
 * notes an organisation credited where a byline stands ("By The Example Team").
 */
import { insideForeign, lineText, ownText, textOf } from './dom.ts';
import { byTag, hasAncestor, matching, type Indexed } from './page-index.ts';
import { fromBioBox } from './bio-box.ts';
import { fromAuthorNote, fromAuthorSection } from './author-section.ts';
import { fromAuthorImage } from './author-portrait.ts';
import { creditsFromByline, type BylinePerson } from './names.ts';
import { isLoneName } from './name-shape.ts';
import { asLaidOut, beforeProse, withoutRole } from './affiliation.ts';
import { isCredentialText } from './credentials.ts';

/** Reads one byline text into people, noting any organisation it credits; `el` is the element the text came from. */
export type BylineReader = (text: string, el?: Element) => BylinePerson[];

/** Elements that name themselves a byline; checked before the looser "author" classes. */
export const isAuthorClass = (r: Indexed): boolean => r.cls.includes('author');
/**
 * `[class*=byline i], [id*=byline i], [class*=author-name i], [class*=authorname i], [class*=author i] [class*=name i],
 * [class*=author i][class*=name i], [data-testid*=author i]` as a test on the page index.
 */
export function isBylineElement(r: Indexed): boolean {
  if (r.cls.includes('byline') || r.id.includes('byline') || r.cls.includes('author-name') || r.cls.includes('authorname')) return true;
  if (r.cls.includes('name') && (isAuthorClass(r) || hasAncestor(r, isAuthorClass))) return true;
  return (r.el.getAttribute('data-testid') ?? '').toLowerCase().includes('author');
}
/** `[class*=author i], [class*=writer i], address`. */
export const isAuthorElement = (r: Indexed): boolean => r.cls.includes('author') || r.cls.includes('writer') || r.tag === 'address';
/** Links to an author's profile page on the outlet: `a[rel~=author i]`, `a[href*="/author/" i]`, `a[href*="/staff/" i]`, …. */
const PROFILE_PATH = /\/(authors?|profiles?|contributors?|writers?|journalists?|team|people|staff)\//;
function isProfileLink(r: Indexed): boolean {
  if ((r.el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('author')) return true;
  const href = (r.el.getAttribute('href') ?? '').toLowerCase();
  // Archives filtered by author: `/library/?_author=Jane%20Roe`, WordPress's `/?author=3`.
  return PROFILE_PATH.test(href) || /[?&]_?author=/.test(href);
}
/** A text that opens with "By" (or its Ukrainian/Russian forms, or "All articles by") introduces a byline. */
export const BY_START = /^\s*(?:(?:written|posted|reported|words|(?:view\s+)?(?:all|more)\s+(?:articles|posts|stories))\s+)?(?:by|автор(?:и|ы)?|від)(?=[\s:]|$)\s*:?/iu;
/** An element that is only a label ("Author", "Written by") introduces the name in the next element. */
/** "Posted on May 5, 2024 by", "Last updated March 3, 2025 by": a dated line whose "by" introduces the author. */
const DATED_BY = /^\s*(?:last\s+)?(?:updated|posted|published|written)\s+(?:on\s+)?([^|]{4,40}?)\s+by(?=[\s:]|$)\s*:?/i;
/** "This post was written by …": a sentence that states who wrote the piece, printed where a byline stands. */
const AUTHORED = /^\s*this\s+(?:post|article|story|piece|blog\s+post)\s+(?:was\s+)?(?:written|authored|contributed)\s+by\s+/i;
const LABEL_ONLY = /^\s*(?:authors?|contributors?|(?:written|article|post|story|words)\s+by|by|автор(?:и|ы)?)\s*:?\s*$/iu;
/** A sentence in an author box that names the author: "This post was written by Jane Roe, …". */
const WRITTEN_BY = /\b(?:written|posted|authored)\s+by\s+([^.|]{3,80})/i;

/** Adds the people not yet in `to` (by name). */
function addPeople(to: BylinePerson[], people: BylinePerson[]): void {
  for (const p of people) if (!to.some((o) => o.name === p.name)) to.push(p);
}

function fromRelAuthor(document: Document, read: BylineReader): BylinePerson[] {
  const names: BylinePerson[] = [];
  const links = matching(document, isProfileLink, 40, ['a']);
  for (const [i, a] of links.entries()) {
    if (insideForeign(a)) continue;
    // Only rel=author and /author/ links vouch for the text; other profile paths must hold a full name.
    const strong = /author/i.test(`${a.getAttribute('rel') ?? ''} ${a.getAttribute('href') ?? ''}`);
    addPeople(names, read(textOf(a)).filter((p) => strong || /^\p{Lu}\S*(\s+\p{Lu}\S*){1,3}$/u.test(p.name)));
    // "<li><a>Jane Roe</a></li><li><a>John Doe</a></li>": a list of authors goes on in the next item.
    const item = a.parentElement;
    const listed = item?.tagName.toLowerCase() === 'li' && links[i + 1]?.parentElement?.parentElement === item.parentElement;
    if (names.length >= 1 && !listed && !/\b(and|&)\b|,/.test(textOf(item))) break;
  }
  return names;
}

/**
 * The name an author box opens with, when its bio repeats it ("Jane Roe | Jane Roe is a reporter …"):
 * the repetition tells a name apart from a heading such as "About the author".
 */
function boxOwner(text: string, read: BylineReader): BylinePerson[] {
  const [first, ...rest] = text.split(' | ');
  const people = first && first.length <= 60 ? read(first) : [];
  const name = people.length === 1 ? people[0]!.name : null;
  return name && name.includes(' ') && rest.join(' ').includes(`${name} `) ? people : [];
}

function fromSelectors(document: Document, test: (r: Indexed) => boolean, read: BylineReader): BylinePerson[] {
  for (const el of matching(document, test, 200)) {
    if (insideForeign(el) || el.children.length > 20) continue;
    const text = lineText(el, 300);
    if (text.length < 3) continue;
    // An author box names its author in a sentence ("This post was written by Jane Roe, …") or opens with
    // the name its bio repeats; a short byline is the names themselves.
    const written = WRITTEN_BY.exec(text)?.[1];
    // A role in that sentence ("written by Jane Roe, Head of Marketing") describes the writer; it is no byline.
    const names = written ? read(written).map(withoutRole) : text.length > 200 ? boxOwner(text, read) : read(text, el);
    if (names.length) return names;
  }
  return [];
}

/** Elements whose own text may open a byline: `p, span, div, address, li, h2…h6, small, strong, em, b, i, td, a`. */
const BY_TEXT_TAGS = ['p', 'span', 'div', 'address', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'small', 'strong', 'em', 'b', 'i', 'td', 'a'];

/** Any short element whose own text opens with "By …"; the names follow in it or in its next sibling. */
function fromByText(document: Document, read: BylineReader): BylinePerson[] {
  for (const el of matching(document, () => true, 5000, BY_TEXT_TAGS)) {
    const own = ownText(el);
    const dated = DATED_BY.exec(own);
    if (dated && /\d/.test(dated[1]!) && own.length <= 120 && !insideForeign(el)) {
      const text = lineText(el, 200);
      const names = read(`By ${text.slice(text.toLowerCase().indexOf(' by ') + 4)}`);
      if (names.length) return names;
      continue;
    }
    if (own.length <= 120 && AUTHORED.test(own) && !insideForeign(el)) {
      // Its role ("…, gastroenterologist, Example Health") describes the writer, as in an author box's sentence.
      const names = read(`By ${beforeProse(lineText(el, 200).replace(AUTHORED, ''))}`).map(withoutRole);
      if (names.length) return names;
      continue;
    }
    const label = LABEL_ONLY.test(own) && !el.children.length;
    if ((!label && !BY_START.test(own)) || own.length > 120 || insideForeign(el)) continue;
    const text = lineText(el, 300);
    // "<i>A Book</i> by Jane Roe" cites another work: a byline starts with its "By".
    if (!label && !BY_START.test(text)) continue;
    let names = !label && text.length <= 200 ? read(text, el) : [];
    const next = el.nextElementSibling;
    if (!names.length && own.trim().length <= 12 && next) names = read(`By ${lineText(next, 200)}`, next);
    // "<strong>Contributors:</strong> Jane Roe": the name is the rest of the parent's text.
    const parentText = label && !next && el.parentElement ? textOf(el.parentElement) : '';
    if (!names.length && parentText.length <= 120 && parentText.startsWith(own.trim())) names = read(`By ${parentText.slice(own.trim().length)}`);
    if (names.length) return names;
  }
  return [];
}

/** Icons that stand for a person before a name: `<i class="bi bi-person">`, `<i class="fa fa-user">`. */
const isPersonIcon = (r: Indexed): boolean => (r.tag === 'i' && (r.cls.includes('person') || r.cls.includes('user')))
  || (r.tag === 'span' && (r.cls.includes('icon-user') || r.cls.includes('icon-person')));

/** A short line that opens with a person icon and holds a full name, as blog themes print bylines. */
function fromPersonIcon(document: Document, read: BylineReader): BylinePerson[] {
  for (const icon of matching(document, isPersonIcon, 20, ['i', 'span'])) {
    const line = icon.parentElement;
    if (!line || insideForeign(line)) continue;
    const text = lineText(line, 80);
    if (text.length > 60) continue;
    const names = read(text);
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
function fromUnderHeadline(document: Document, read: BylineReader): BylinePerson[] {
  const h1 = byTag(document, 'h1', 3).find((h) => !insideForeign(h));
  const next = h1?.nextElementSibling;
  if (!next) return [];
  const text = lineText(next, 300);
  if (text.length > 200 || linksToSections(next)) return [];
  const names = read(text, next);
  // A long line is a subtitle, unless it lists several people each with their degrees ("Jane Roe, DVM; John Doe, BA").
  if (text.length > 120 && (names.length < 2 || !names.every((p) => p.credentials && isCredentialText(p.credentials.split(',')[0]!)))) return [];
  // Only full names of two to four capitalised words count: anything else is a subtitle.
  return names.length >= 1 && names.every((p) => /^(\p{Lu}[\p{L}'.-]*\s+){1,3}\p{Lu}[\p{L}'.-]*$/u.test(p.name)) ? names : [];
}


/** An organisation a layout byline credits, and whether people were named beside it in the same byline. */
export interface LayoutOrg { name: string; source: string; beside: boolean }

/** Sources that state their text is the byline: only these may credit a lone word ("By BeauHD"). */
const EXPLICIT_SOURCES = new Set(['byline', 'by-text', 'rel=author']);

/** Sources whose text is a byline by its place or its "By": only these may credit an organisation. */
const ORG_SOURCES = new Set(['byline', 'by-text', 'rel=author', 'author-element']);

/**
 * People from the page's layout, from the first source (in the order we trust them) that names one, and an
 * organisation credited by the byline that named them or, when none names a person, by the first that credits one.
 */
export function layoutCredits(document: Document, outletNames: string[]): { people: BylinePerson[]; source: string; org: LayoutOrg | null } {
  let source = '';
  let alone: LayoutOrg | null = null;
  let beside: LayoutOrg | null = null;
  const read: BylineReader = (text, el) => {
    const credit = creditsFromByline(text, outletNames);
    if (credit.org && ORG_SOURCES.has(source)) {
      if (credit.people.length) beside = { name: credit.org, source, beside: true };
      else alone ??= { name: credit.org, source, beside: false };
    }
    // A role the layout sets apart from the name ("<a>Jane Roe</a> <span>Senior Analyst</span>") is not the byline's.
    return el ? credit.people.map((p) => asLaidOut(el, p)) : credit.people;
  };
  const tries: [string, () => BylinePerson[]][] = [
    ['byline', () => fromSelectors(document, isBylineElement, read)],
    ['by-text', () => fromByText(document, read)],
    ['rel=author', () => fromRelAuthor(document, read)],
    ['author-element', () => fromSelectors(document, isAuthorElement, read)],
    ['under-headline', () => fromUnderHeadline(document, read)],
    ['person-icon', () => fromPersonIcon(document, read)],
    ['bio-box', () => fromBioBox(document, outletNames).map((name) => ({ name }))],
    ['author-section', () => fromAuthorSection(document, read)],
    ['author-note', () => fromAuthorNote(document, read)],
    ['author-image', () => fromAuthorImage(document, read)],
  ];
  for (const [name, run] of tries) {
    source = name;
    beside = null;
    // A lone one-word "name" found by layout alone is usually a label ("Research", "Hardware"); where the page
    // states it as the byline (a byline element, "By …", rel=author) it is how the site credits the writer.
    // Only a byline of one such word counts: several ("Wellness, Prevention") are topics set in the byline row.
    const read = run();
    const people = read.filter((p) => p.name.includes(' ') || (read.length === 1 && EXPLICIT_SOURCES.has(name) && isLoneName(p.name)));
    if (people.length) return { people, source, org: beside };
    // A byline that credits an organisation alone ("By Resy Staff") is the page's answer: a person found by a
    // looser source further on is someone else (a teaser's author, a photographer).
    if (alone && EXPLICIT_SOURCES.has(name)) break;
  }
  return { people: [], source: '', org: alone };
}
