/** Portraits of a person on the page: an image whose alt text or file name names them. */
import { all, insideForeign, lineText, normKey } from './dom.ts';
import { byTag } from './page-index.ts';
import type { BylinePerson } from './names.ts';

/** The words of an image's file name: `/uploads/2017/03/Julia-Gralberg-2.jpg` → "julia gralberg 2". */
function fileWords(src: string): string {
  const file = src.split(/[?#]/)[0]!.split('/').pop() ?? '';
  return normKey(file.replace(/\.[a-z0-9]{2,5}$/i, '').replace(/[-_.]+/g, ' '));
}

/** True when `img` shows `name`: its alt text, title or file name holds the full name. */
export function shows(img: Element, name: string): boolean {
  const key = normKey(name);
  if (!key.includes(' ')) return false; // a first name alone in a file name proves nothing
  const alt = normKey(`${img.getAttribute('alt') ?? ''} ${img.getAttribute('title') ?? ''}`);
  const src = img.getAttribute('data-src') ?? img.getAttribute('src') ?? '';
  return ` ${alt} `.includes(` ${key} `) || ` ${fileWords(src)} `.includes(` ${key} `);
}

/** The first image inside `box` that shows `name`, or null. */
export function portraitIn(box: Element, name: string): Element | null {
  return all(box, 'img', 10).find((img) => shows(img, name)) ?? null;
}

/** An image the page marks as the author's picture by its class or alt text ("avatar author-image", "Photo of author"). */
const AUTHOR_IMAGE = /(^|[\s_-])author([\s_-]|$)|author-?(image|photo|avatar|pic)/i;

/**
 * The people an author's card names beside its picture: the first line of text in the smallest box around an image
 * marked as the author's. Such cards stand where a byline would, without any byline class.
 */
export function fromAuthorImage(document: Document, read: (text: string) => BylinePerson[]): BylinePerson[] {
  for (const img of byTag(document, 'img', 300)) {
    if (!AUTHOR_IMAGE.test(`${img.getAttribute('class') ?? ''} ${img.getAttribute('alt') ?? ''}`) || insideForeign(img)) continue;
    let box: Element | null = img.parentElement;
    for (let depth = 0; box && depth < 5; depth++, box = box.parentElement) {
      const text = lineText(box, 200);
      if (!text) continue;
      const people = read(`By ${text.split(' | ')[0] ?? ''}`);
      if (people.length) return people;
      break;
    }
  }
  return [];
}
