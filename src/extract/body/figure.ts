/** Figures in the body: the image (absolute http(s) URL, lazy-loading attributes understood) and its caption. */
import type { BodyBlock, CapturedImage } from '../../model/capture.ts';
import { safeMediaUrl } from '../sanitize/url.ts';
import { firstDescendant, tagOf, textOf } from './dom.ts';

/** Attributes that lazy-loading scripts use for the real image source, best first. */
const SOURCE_ATTRIBUTES = ['data-src', 'data-original', 'data-lazy-src', 'data-url', 'src'];

const IMG: ReadonlySet<string> = new Set(['img']);
const FIGCAPTION: ReadonlySet<string> = new Set(['figcaption']);

/** Builds a figure block from a `<figure>` or `<img>`, or null when it has no usable image. */
export function figureBlock(el: Element, baseUrl: string): BodyBlock | null {
  const img = tagOf(el) === 'img' ? el : firstDescendant(el, IMG);
  if (!img) return null;
  const url = imageSource(img, baseUrl);
  if (!url) return null;
  const image: CapturedImage = { url };
  const width = Number(img.getAttribute('width'));
  const height = Number(img.getAttribute('height'));
  if (Number.isInteger(width) && width > 0) image.width = width;
  if (Number.isInteger(height) && height > 0) image.height = height;
  const alt = img.getAttribute('alt')?.trim();
  if (alt) image.alt = alt;
  const caption = tagOf(el) === 'figure' ? firstDescendant(el, FIGCAPTION) : null;
  const captionText = caption ? textOf(caption) : '';
  if (captionText !== '') image.caption = captionText;
  return { type: 'figure', image };
}

/** The image's real source: lazy-loading attributes first, then `src`, then the first `srcset` entry. */
function imageSource(img: Element, baseUrl: string): string | null {
  for (const name of SOURCE_ATTRIBUTES) {
    const url = safeMediaUrl(img.getAttribute(name), baseUrl);
    if (url) return url;
  }
  const srcset = img.getAttribute('srcset') ?? img.getAttribute('data-srcset');
  const first = srcset?.split(',')[0]?.trim().split(/\s+/)[0];
  return safeMediaUrl(first, baseUrl);
}
