/** Portraits of a person on the page: an image whose alt text or file name names them. */
import { all, normKey } from './dom.ts';

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
