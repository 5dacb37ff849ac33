/**
 * An author's bio found by its first words ("Jane Roe is a reporter …") where no author box holds it: a
 * paragraph at the end of the piece, under "About the author", beside a portrait. With it, the portrait beside it
 * and the links in it (the author's site and profiles).
 */
import type { CapturedPerson } from '../../model/capture.ts';
import { absoluteUrl, all, bareHost, clean, insideForeign, lineText, normKey, pageText, textOf } from './dom.ts';
import { matching } from './page-index.ts';
import { WORK } from './bio-box.ts';
import { portraitIn } from './author-portrait.ts';
import { LABEL_START, sectionAbout } from './author-section.ts';

/** What follows the subject of a bio ("is a", "has covered"), after credentials set off by commas. */
const VERB = /^(?:,[^,]{1,60},)?\s+(?:is|was|has|writes|covers|joined|leads|holds|serves|specializes|specialises)\b/;
/** Link labels and buttons glued to the end of a bio. */
const TAIL = /\s*(?:\.\.\.|…)?\s*(?:read (?:the|full|more)(?: bio)?|full bio|see (?:author )?profile|all posts|view all posts.*|more (?:articles|stories|posts) by .*)\s*$/i;
const SOCIAL = /(^|\.)(twitter|x|facebook|linkedin|instagram|threads|bsky|youtube|tiktok|t\.me|telegram|mastodon|github|medium|substack)\.(com|app|me|social|org)$/i;
/** Images the theme marks as a person's picture. */
const PORTRAIT_CLASS = /avatar|author|headshot|portrait|profile/i;

/** True when `text` opens with the person's name (with the honorific the byline gave) and goes on like a bio. */
function opensWithName(text: string, p: CapturedPerson): boolean {
  return [p.name, p.honorific ? `${p.honorific} ${p.name}` : ''].some((n) => !!n && text.startsWith(n) && VERB.test(text.slice(n.length)));
}

/** True when some occurrence of the name in the page's text goes on like a bio. */
function bodyOpensBio(body: string, p: CapturedPerson): boolean {
  for (let at = body.indexOf(p.name), n = 0; at >= 0 && n < 50; at = body.indexOf(p.name, at + 1), n++) {
    if (VERB.test(body.slice(at + p.name.length, at + p.name.length + 80).replace(/\s+/g, ' '))) return true;
  }
  return false;
}

/** The innermost element whose text is the person's bio, outside menus, comments and related stories. */
function bioElement(document: Document, p: CapturedPerson): Element | null {
  // One read of the page's text first: most pages print no such sentence, and then no element is read.
  const body = pageText(document);
  if (!body.includes(p.name) || !bodyOpensBio(body, p)) return null;
  let found: Element | null = null;
  for (const el of matching(document, () => true, 20_000, ['p', 'div', 'span', 'dd', 'li', 'em'])) {
    if (found && !found.contains(el)) break;
    if (!opensWithName(lineText(el, 200), p)) continue;
    const text = textOf(el);
    // A bio says what the person does; a story's sentence about its subject rarely stands alone like this.
    if (text.length < 60 || text.length > 1500 || !WORK.test(text) || insideForeign(el)) continue;
    found = el;
  }
  return found;
}

/** The smallest box around the bio that may also hold the portrait (at most three levels up, not the whole page). */
function photoNear(el: Element, p: CapturedPerson, pageUrl: string): string | null {
  // A portrait set just above the bio, in a paragraph of its own.
  const above = el.previousElementSibling ? portraitIn(el.previousElementSibling, p.name) : null;
  const src = above ? absoluteUrl(above.getAttribute('data-src') ?? above.getAttribute('src'), pageUrl) : null;
  if (src) return src;
  let box: Element | null = el.parentElement;
  for (let depth = 0; box && depth < 3 && (box.textContent ?? '').length <= 2500; depth++, box = box.parentElement) {
    const img = portraitIn(box, p.name) ?? all(box, 'img', 5).find((i) => PORTRAIT_CLASS.test(i.getAttribute('class') ?? '')) ?? null;
    const src = img ? absoluteUrl(img.getAttribute('data-src') ?? img.getAttribute('src'), pageUrl) : null;
    if (src) return src;
  }
  return null;
}

/**
 * Links in the bio: profiles on social sites, and the author's own site where the link says so or carries their
 * surname ("janeroe.com"); an employer named in the bio is not the person's website.
 */
function linksIn(el: Element, p: CapturedPerson, pageUrl: string, person: CapturedPerson): void {
  const surname = normKey(p.name).split(' ').pop() ?? '';
  const sameAs = [...(person.sameAs ?? [])];
  for (const a of all(el, 'a[href]', 20)) {
    const href = absoluteUrl(a.getAttribute('href'), pageUrl);
    const host = href ? bareHost(href) : '';
    if (!href || host === bareHost(pageUrl)) continue;
    if (SOCIAL.test(host)) {
      if (!sameAs.includes(href)) sameAs.push(href);
    } else if (!person.website && (/website|web site|homepage|blog/i.test(textOf(a)) || (surname.length > 2 && host.includes(surname)))) person.website = href;
  }
  if (sameAs.length) person.sameAs = sameAs;
}

/** The longest paragraph of an author section's parts, in whatever person it is written ("I'm a folklorist …"). */
function sectionBio(parts: Element[], p: CapturedPerson): Element | null {
  // A bio speaks of a person: their name, or "I", "he", "she", "they"; a teaser of their latest piece need not.
  const first = p.name.split(' ')[0]!;
  const personal = (t: string): boolean => t.includes(first) || /\b(I|I'm|my|he|she|they|his|her|their)\b/.test(t);
  const fits = (els: Element[]): Element | null => els.map((el) => ({ el, text: textOf(el) }))
    .filter((t) => t.text.length >= 60 && t.text.length <= 1500 && personal(t.text)).sort((a, b) => b.text.length - a.text.length)[0]?.el ?? null;
  const paragraphs = parts.flatMap((part) => [...(part.tagName.toLowerCase() === 'p' ? [part] : []), ...all(part, 'p', 20)]);
  // Paragraphs first: a "description" wrapper also holds the section's label.
  return fits(paragraphs) ?? fits(parts.flatMap((part) => all(part, '[class*="description" i], [class*="bio" i]', 20)));
}

/** The person with the bio, photo and links a bio paragraph gives; the input is returned when the page has none. */
export function enrichFromBio(document: Document, pageUrl: string, p: CapturedPerson): CapturedPerson {
  if (p.bio || !p.name.includes(' ')) return p;
  // "About the author" sections print the bio under the name, often in the first person ("I'm a folklorist …").
  const el = bioElement(document, p) ?? sectionBio(sectionAbout(document, p.name), p);
  if (!el) return p;
  const person: CapturedPerson = { ...p, bio: clean(textOf(el).replace(LABEL_START, '').replace(TAIL, '')) };
  const photo = person.photo ?? photoNear(el, p, pageUrl);
  if (photo) person.photo = photo;
  linksIn(el, p, pageUrl, person);
  return person;
}
