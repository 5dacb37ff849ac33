/**
 * Author sections: a labelled block at the end or side of an article ("About the author", "Article written by:",
 * "Author(s)") that names the writer. Pages without a byline at the top often credit their writer only there.
 */
import { classOf } from '../body/dom.ts';
import { lineText, normKey, ownText, pageText, textOf } from './dom.ts';
import { matching } from './page-index.ts';
import { BIO_START } from './bio-box.ts';
import type { BylinePerson } from './names.ts';

/** Reads one byline text into people. */
type Reader = (text: string) => BylinePerson[];

/** The label of an author section, alone in its element: "About the author", "Article written by:", "Author(s)". */
const LABEL = /^(?:about\s+the\s+(?:authors?|writers?)|meet\s+the\s+(?:authors?|writers?)|(?:article|post|story|blog\s+post)\s+(?:written|authored)\s+by|authors?\s*\(s\))\s*:?$/i;
/** The same label opening a paragraph that goes on with the bio: "About the Author: Jane Roe is …". */
export const LABEL_START = /^(?:about\s+the\s+(?:author|writer))\s*:\s*/i;
/** A word every label holds: a cheap first test. */
const LABEL_WORD = /\b(?:author|writer|written)/i;
/** Inline tags that set a label in bold at the start of the paragraph it introduces. */
const INLINE = new Set(['strong', 'b', 'span']);

/** "<p><strong>About the author:</strong> Jane Roe is …</p>": the paragraph's text, when an inline label opens it. */
function inlineLabel(el: Element): string | null {
  const parent = el.parentElement;
  if (!INLINE.has(el.tagName.toLowerCase()) || parent?.tagName.toLowerCase() !== 'p' || parent.firstElementChild !== el) return null;
  const text = lineText(parent, 300);
  return LABEL_START.test(text) ? text : null;
}

/** Elements that may hold the label. */
const LABEL_TAGS = ['h2', 'h3', 'h4', 'h5', 'h6', 'p', 'div', 'span', 'strong', 'b', 'dt', 'th', 'header'];
/**
 * Containers whose author lists are not this article's: comments, menus, related stories. A sidebar is kept,
 * unlike for bylines: a labelled author section there still describes the page's writer.
 */
const ELSEWHERE = /(^|[_-])(comments?|related|recommend\w*|nav|navigation|menu|teasers?|promos?|trending|popular|newsletter)($|[_-])/i;

function elsewhere(el: Element): boolean {
  let cur: Element | null = el;
  for (let depth = 0; cur && depth < 12; depth++, cur = cur.parentElement) {
    if (cur.tagName.toLowerCase() === 'nav') return true;
    if (`${classOf(cur)} ${cur.getAttribute('id') ?? ''}`.split(/\s+/).some((w) => w && ELSEWHERE.test(w))) return true;
  }
  return false;
}

/** The people one element of the section names: a bio's subject, a list of names, or a name on the first line. */
function peopleIn(el: Element, read: Reader): BylinePerson[] {
  const text = lineText(el, 400);
  // "Jane Roe is a reporter …": the bio's subject is the author, whatever the box prints around it.
  const subject = BIO_START.exec(text)?.[1];
  if (subject) return read(`By ${subject}`);
  const tag = el.tagName.toLowerCase();
  if (tag === 'ul' || tag === 'ol') {
    const items = Array.from(el.children).slice(0, 10).map((li) => lineText(li, 100).split(' | ')[0] ?? '');
    return items.flatMap((item) => read(`By ${item}`));
  }
  const first = text.split(' | ')[0] ?? '';
  return first.length <= 80 ? read(`By ${first}`) : [];
}

/** The elements after `label` in reading order (its next siblings, or its wrapper's when it ends its wrapper). */
function following(label: Element): Element[] {
  let cur: Element | null = label;
  for (let depth = 0; cur && depth < 3; depth++, cur = cur.parentElement) {
    const out: Element[] = [];
    for (let s = cur.nextElementSibling; s && out.length < 3; s = s.nextElementSibling) out.push(s);
    if (out.length) return out;
  }
  return [];
}

/** A note that credits the piece in a sentence: "This post was written by Jane Roe, a nurse at …". */
const NOTE = /^\(?\s*this\s+(?:post|article|story|piece|blog\s+post|guide)\s+(?:was|is)\s+(?:written|authored)\s+by\s+/i;

/** The note's words anywhere in the page's text. */
const NOTE_ANYWHERE = /\bthis\s+(?:post|article|story|piece|blog\s+post|guide)\s+(?:was|is)\s+(?:written|authored)\s+by\s/i;

/**
 * The people an author note names: the linked name when the note links it (the words after the link describe
 * the person), else the words up to the first comma or full stop.
 */
export function fromAuthorNote(document: Document, read: Reader): BylinePerson[] {
  if (!NOTE_ANYWHERE.test(pageText(document))) return [];
  for (const el of matching(document, () => true, 5000, ['p', 'em', 'i', 'div'])) {
    if (!/\bthis\b/i.test(ownText(el)) || el.children.length > 6) continue;
    const text = lineText(el, 300);
    if (!NOTE.test(text) || elsewhere(el)) continue;
    const link = el.querySelector('a');
    const linked = link ? lineText(link, 80) : '';
    const named = linked && text.replace(NOTE, '').startsWith(linked) ? linked : text.replace(NOTE, '').split(/[,.;]\s/)[0] ?? '';
    const people = read(`By ${named}`);
    if (people.length) return people;
  }
  return [];
}

/** Any label's words in the page's text: most pages have none, and then no element is read. */
const ANY_LABEL = /about\s+the\s+(?:author|writer)|meet\s+the\s+(?:author|writer)|(?:written|authored)\s+by|authors?\s*\(s\)/i;
/** Labels per page: the section is looked up once for the byline and again for each author's bio. */
const labelCache = new WeakMap<Document, { el: Element; rest: string | null }[]>();

/** The page's author-section labels outside comments, menus and related stories, each with the text it opens. */
function labels(document: Document): { el: Element; rest: string | null }[] {
  const known = labelCache.get(document);
  if (known) return known;
  const out: { el: Element; rest: string | null }[] = [];
  labelCache.set(document, out);
  if (!ANY_LABEL.test(pageText(document))) return out;
  for (const el of matching(document, () => true, 20_000, LABEL_TAGS)) {
    // The label's words are the element's own text (or its only child's, which is tested in its turn).
    if (!LABEL_WORD.test(ownText(el)) || el.children.length > 3) continue;
    const text = inlineLabel(el) ?? lineText(el, 300);
    const rest = LABEL_START.exec(text) ? text.replace(LABEL_START, '') : null;
    if ((rest !== null || LABEL.test(text)) && !elsewhere(el)) out.push({ el, rest });
    if (out.length >= 5) break;
  }
  return out;
}

/**
 * The parts of an author section that name `name`: the smallest box (up to three levels above the label) that holds
 * the label and the name, or, where the label sits in the article's text, the elements after it that name them.
 */
export function sectionAbout(document: Document, name: string): Element[] {
  const key = normKey(name);
  const names = (el: Element): boolean => normKey(textOf(el)).includes(key);
  for (const { el } of labels(document)) {
    let box: Element | null = el.parentElement;
    // The whole text length, not `textOf`'s capped one: a box as long as an article is not the section.
    for (let depth = 0; box && depth < 3 && (box.textContent ?? '').length <= 2500; depth++, box = box.parentElement) {
      if (names(box)) return [box];
    }
    const after = following(el).filter(names);
    if (after.length) return after;
  }
  return [];
}

/** The people the first labelled author section of the page names. */
export function fromAuthorSection(document: Document, read: Reader): BylinePerson[] {
  for (const { el, rest } of labels(document)) {
    if (rest) {
      const subject = BIO_START.exec(rest)?.[1];
      const people = subject ? read(`By ${subject}`) : [];
      if (people.length) return people;
      continue;
    }
    for (const next of following(el)) {
      const people = peopleIn(next, read);
      if (people.length) return people;
    }
  }
  return [];
}
