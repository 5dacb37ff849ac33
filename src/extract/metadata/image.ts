/** Finds the lead image with its size, alt text, caption and credit (kept apart). */
import type { CapturedImage, Sourced } from '../../model/capture.ts';
import { splitCaption } from './credit.ts';
import { absoluteUrl, clean, textOf } from './dom.ts';
import { byTag, hasAncestor, matching } from './page-index.ts';
import { ldList, ldString, type LdData, type LdNode } from './json-ld.ts';
import { firstMeta, type MetaTags } from './meta-tags.ts';

/** The lead image and the notes for the editor about it. */
export interface ImageResult {
  image: Sourced<CapturedImage> | null;
  warnings: { field: string; message: string }[];
}

function num(v: unknown): number | undefined {
  const n = Number(typeof v === 'string' ? v.replace(/px$/, '') : v);
  return Number.isFinite(n) && n > 0 && n < 100_000 ? Math.round(n) : undefined;
}

/** The file name of an image URL without size suffixes, so a resized copy matches the original. */
function stem(url: string): string {
  try {
    const file = new URL(url).pathname.split('/').pop() ?? '';
    return decodeURIComponent(file).toLowerCase().replace(/\.(jpe?g|png|webp|gif|avif)$/, '').replace(/[-_](\d+x\d+|\d+w|scaled|large|medium|small)$/, '');
  } catch {
    return '';
  }
}

function imgSrc(img: Element, base: string): string | null {
  const src = img.getAttribute('src');
  const lazy = img.getAttribute('data-src') ?? img.getAttribute('data-lazy-src') ?? img.getAttribute('data-original');
  const srcset = (img.getAttribute('srcset') ?? img.getAttribute('data-srcset') ?? '').split(',').pop()?.trim().split(/\s+/)[0];
  for (const c of [lazy, src && !src.startsWith('data:') ? src : null, srcset]) {
    const u = absoluteUrl(c, base);
    if (u) return u;
  }
  return null;
}

function fromLd(ld: LdData, url: string): (CapturedImage & { credit?: string }) | null {
  if (!ld.article) return null;
  for (const raw of ldList(ld.article['image'])) {
    const v = ld.resolve(raw);
    if (typeof v === 'string') {
      const u = absoluteUrl(v, url);
      if (u) return { url: u };
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    const n = v as LdNode;
    const u = absoluteUrl(ldString(n['url']) ?? ldString(n['contentUrl']), url);
    if (!u) continue;
    const img: CapturedImage = { url: u };
    const w = num(n['width']), h = num(n['height']);
    if (w) img.width = w;
    if (h) img.height = h;
    const cap = clean(ldString(n['caption']));
    if (cap) img.caption = cap;
    const holder = ld.resolve(n['copyrightHolder']);
    const credit = clean(ldString(n['creditText']) ?? (holder && typeof holder === 'object' ? ldString((holder as LdNode)['name']) : ldString(holder)));
    if (credit) img.credit = credit;
    return img;
  }
  return null;
}

/** The `<img>` in the page that shows `url` (same file name), or the first figure image inside the article. */
function findImageElement(document: Document, url: string | null, base: string): Element | null {
  const key = url ? stem(url) : '';
  const imgs = byTag(document, 'img', 400);
  if (key.length >= 4) {
    const match = imgs.find((img) => {
      const s = imgSrc(img, base);
      return s !== null && stem(s) === key;
    });
    if (match) return match;
  }
  if (url) return null;
  // Any image inside a figure, in document order (as `article figure img, …, figure img` returned them).
  return matching(document, (r) => hasAncestor(r, (a) => a.tag === 'figure'), 5, ['img']).find((img) => imgSrc(img, base)) ?? null;
}

/** Caption and credit from the figure around an image: figcaption text plus any separate credit element. */
function figureText(img: Element): { caption?: string; credit?: string } {
  const figure = img.closest('figure') ?? img.parentElement?.closest('[class*="image" i], [class*="photo" i], [class*="media" i]');
  if (!figure) return {};
  const creditEl = figure.querySelector('[class*="credit" i], [class*="copyright" i]');
  // A "credit" element that holds a date or a sentence is some other caption line.
  const creditRaw = creditEl ? clean(textOf(creditEl)) : '';
  const credit = creditRaw.length <= 80 && creditRaw.split(' ').length <= 10 && !/\d{4}|published|updated/i.test(creditRaw) ? creditRaw : '';
  const captionEl = figure.querySelector('figcaption, [class*="caption" i]');
  let captionText = captionEl ? textOf(captionEl) : '';
  if (credit && captionText.endsWith(credit)) captionText = captionText.slice(0, -credit.length);
  const split = splitCaption(captionText);
  const out: { caption?: string; credit?: string } = {};
  if (split.caption) out.caption = split.caption;
  const c = credit ? splitCaption(credit).credit ?? credit : split.credit;
  if (c) out.credit = c.replace(/^[([]|[)\]]$/g, '');
  return out;
}

/** Reads the lead image: og:image, JSON-LD image, twitter:image, else the first figure of the article. */
export function extractLeadImage(document: Document, url: string, meta: MetaTags, ld: LdData): ImageResult {
  const warnings: ImageResult['warnings'] = [];
  const ldImg = fromLd(ld, url);
  const og = firstMeta(meta, 'og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src', 'thumbnail');
  const ogUrl = og ? absoluteUrl(og.value, url) : null;
  let source = ogUrl ? `meta:${og!.key}` : ldImg ? 'json-ld:image' : '';
  const chosen = ogUrl ?? ldImg?.url ?? null;
  const el = findImageElement(document, chosen, url);
  const finalUrl = chosen ?? (el ? imgSrc(el, url) : null);
  if (!finalUrl) return { image: null, warnings };
  if (!chosen) source = 'figure';
  const image: CapturedImage = { url: finalUrl };
  const sameAsLd = ldImg && (ldImg.url === finalUrl || stem(ldImg.url) === stem(finalUrl));
  const w = (og ? num(meta.get('og:image:width')?.[0]) : undefined) ?? (sameAsLd ? ldImg.width : undefined) ?? (el ? num(el.getAttribute('width')) : undefined);
  const h = (og ? num(meta.get('og:image:height')?.[0]) : undefined) ?? (sameAsLd ? ldImg.height : undefined) ?? (el ? num(el.getAttribute('height')) : undefined);
  if (w && h) Object.assign(image, { width: w, height: h });
  const alt = clean(el?.getAttribute('alt')) || clean(meta.get('og:image:alt')?.[0]) || clean(meta.get('twitter:image:alt')?.[0]);
  if (alt) image.alt = alt;
  const fig = el ? figureText(el) : {};
  const ldSplit = sameAsLd && ldImg.caption ? splitCaption(ldImg.caption) : {};
  const caption = fig.caption ?? ldSplit.caption;
  const credit = fig.credit ?? (sameAsLd ? ldImg.credit : undefined) ?? ldSplit.credit;
  if (caption) image.caption = caption;
  if (credit) image.credit = credit;
  if (!caption) warnings.push({ field: 'leadImage', message: 'no caption found' });
  if (!credit) warnings.push({ field: 'leadImage', message: 'no image credit found' });
  return { image: { value: image, source }, warnings };
}
