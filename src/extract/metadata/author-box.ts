/** Fills in bio, photo, website and profiles of authors from the page's author boxes. */
import type { CapturedPerson } from '../../model/capture.ts';
import { absoluteUrl, all, bareHost, clean, normKey, textOf } from './dom.ts';
import { matching, type Indexed } from './page-index.ts';
import { enrichFromBio } from './author-bio.ts';

/** Class words of author boxes (`author-bio` and the like are covered by `bio`). */
const BOX_CLASS = /author-?box|about-author|author-(info|card|profile|details)|bio/;
/** `[class*="author-box" i], …, [class*="bio" i], [itemprop~="author" i]` as a test on the page index. */
function isBox(r: Indexed): boolean {
  if (BOX_CLASS.test(r.cls)) return true;
  const prop = r.el.getAttribute('itemprop');
  return prop !== null && prop.toLowerCase().split(/\s+/).includes('author');
}
const SOCIAL = /(^|\.)(twitter|x|facebook|linkedin|instagram|threads|bsky|youtube|tiktok|t\.me|telegram|mastodon|github|medium|substack)\.(com|app|me|social|org)$/i;
const WEBSITE_TEXT = /(website|web site|homepage|home page|personal site|сайт|вебсайт)/i;

function boxFor(document: Document, name: string): Element | null {
  const key = normKey(name);
  let best: Element | null = null;
  for (const box of matching(document, isBox, 100)) {
    const text = textOf(box);
    // A box is about one author: it names them and says more than the name, but is not the whole page.
    if (text.length < key.length + 20 || text.length > 2000 || !normKey(text).includes(key)) continue;
    if (!best || text.length < textOf(best).length) best = box;
  }
  return best;
}

function bioOf(box: Element, name: string): string | undefined {
  const paragraphs = all(box, 'p, [class*="description" i], [class*="bio" i]', 20).map(textOf).filter((t) => t.length >= 30);
  let bio = paragraphs.sort((a, b) => b.length - a.length)[0];
  if (!bio) {
    const text = textOf(box);
    const at = text.indexOf(name);
    bio = at >= 0 && text.length - name.length >= 30 ? text.slice(at + name.length).trim() : undefined;
  }
  if (!bio) return undefined;
  // Link labels glued to the end are navigation, not biography.
  return clean(bio.replace(/\s*(see|visit|read)\s+(his|her|their)\s+(website|site|profile)\.?\s*$/i, '').replace(/\s*(more|all) (articles|stories|posts) by .*$/i, ''));
}

function linksOf(box: Element, pageUrl: string, person: CapturedPerson): void {
  const pageHost = bareHost(pageUrl);
  const sameAs: string[] = [...(person.sameAs ?? [])];
  for (const a of all(box, 'a[href]', 30)) {
    const href = absoluteUrl(a.getAttribute('href'), pageUrl);
    if (!href) continue; // empty, `#`-less javascript: or mailto: targets never become links
    const host = bareHost(href);
    const label = `${textOf(a)} ${a.getAttribute('title') ?? ''} ${a.getAttribute('aria-label') ?? ''}`;
    if (SOCIAL.test(host)) {
      if (!sameAs.includes(href)) sameAs.push(href);
    } else if (host === pageHost) {
      if (!person.url && /\/(author|authors|people|person|profile|contributors?|columnists?|staff)\//i.test(href)) person.url = href;
    } else if (!person.website && (WEBSITE_TEXT.test(label) || !textOf(a).includes(' '))) {
      person.website = href;
    }
  }
  if (sameAs.length) person.sameAs = sameAs;
}

/** Returns the people enriched with what their author box says; the input is not modified. */
export function enrichFromAuthorBoxes(document: Document, pageUrl: string, people: CapturedPerson[]): CapturedPerson[] {
  // Where no box holds the bio, a paragraph that opens with the name may ("Jane Roe is a reporter …").
  return people.map((p) => enrichFromBio(document, pageUrl, fromBox(document, pageUrl, p)));
}

/** The person with what the author box that names them says. */
function fromBox(document: Document, pageUrl: string, p: CapturedPerson): CapturedPerson {
  const box = boxFor(document, p.name);
  if (!box) return p;
  const person: CapturedPerson = { ...p };
  if (!person.bio) {
    const bio = bioOf(box, p.name);
    if (bio && bio.length >= 20) person.bio = bio;
  }
  if (!person.photo) {
    const img = box.querySelector('img');
    const src = img ? absoluteUrl(img.getAttribute('data-src') ?? img.getAttribute('src'), pageUrl) : null;
    if (src) person.photo = src;
  }
  linksOf(box, pageUrl, person);
  return person;
}
