/**
 * Author boxes without author classes: a portrait, a name on its own line and, right below it, a bio that
 * opens with the same name and says what the person does ("Jane Roe is a freelance travel writer …").
 */
import { all, insideForeign, lineText, normKey } from './dom.ts';
import { byTag } from './page-index.ts';
import { namesFromByline } from './names.ts';
import { portraitIn } from './author-portrait.ts';

/** A bio that opens with its subject's full name: "Jane Roe is a reporter …". */
export const BIO_START = /^(\p{Lu}[\p{L}'.-]+(?:\s+\p{Lu}[\p{L}'.-]+){1,3})\s+(?:is|was|has|writes|covers|joined|leads)\b/u;
/** What a bio says its subject does; a product or a place described the same way says none of this. */
export const WORK = /\b(writer|writes|editor|journalist|author|reporter|blogger|columnist|contributor|correspondent|founder|marketing|marketer|freelance|copywriter|content|strategist|consultant|specialist|expert|researcher|head of|ceo|director|manager)\b/i;

/** The element just before `el` in reading order, climbing out of wrappers it opens. */
function previousInReadingOrder(el: Element): Element | null {
  let cur: Element | null = el;
  for (let depth = 0; cur && depth < 3; depth++, cur = cur.parentElement) {
    if (cur.previousElementSibling) return cur.previousElementSibling;
  }
  return null;
}

/** True when a box around `el` (up to three levels up) holds an image whose alt text names `name`. */
function hasPortrait(el: Element, name: string): boolean {
  const key = normKey(name);
  let box: Element | null = el.parentElement;
  for (let depth = 0; box && depth < 3; depth++, box = box.parentElement) {
    if (all(box, 'img[alt]', 10).some((img) => normKey(img.getAttribute('alt') ?? '').includes(key))) return true;
  }
  return false;
}

/** True when no paragraph of text follows `p` in its container: the bio closes the piece. */
function endsText(p: Element): boolean {
  for (let s = p.nextElementSibling; s; s = s.nextElementSibling) if (lineText(s, 100).length > 80) return false;
  return true;
}

/** True when `el` has more than `max` element children (counted without building linkedom's `children` list). */
function hasMoreChildren(el: Element, max: number): boolean {
  let count = 0;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (++count > max) return true;
  return false;
}

/** The one person an unmarked author box describes; none when there are several (a list of people). */
export function fromBioBox(document: Document, outletNames: string[]): string[] {
  const found = new Set<string>();
  for (const p of byTag(document, 'p', 1500)) {
    if (hasMoreChildren(p, 8)) continue;
    const text = lineText(p, 200);
    const m = BIO_START.exec(text);
    if (!m || !WORK.test(text) || insideForeign(p)) continue;
    const prev = previousInReadingOrder(p);
    const head = prev ? lineText(prev, 120).split(' | ').pop() ?? '' : '';
    // A portrait alone above the bio stands where the name line would: at the end of the text, it shows the writer
    // (inside the text, a photo above "Jane Roe is a founder …" shows whom the story is about).
    const pictured = !!prev && !head && !!portraitIn(prev, m[1]!) && endsText(p);
    if ((head !== m[1] || !hasPortrait(p, head)) && !pictured) continue;
    for (const n of namesFromByline(m[1]!, outletNames)) found.add(n);
  }
  return found.size === 1 ? [...found] : [];
}
