/**
 * Picks the element that holds the article (highest link-adjusted score, nudged by tag and
 * class names), then the siblings that continue it (text split over several boxes).
 */
import { classOf, elementChildren, tagOf } from './dom.ts';
import { linkDensity, type ElementStats, type PageStats } from './stats.ts';

const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose/i;
const NEGATIVE = /-ad-|hidden|^hid$|banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|card|teaser|list/i;
/** Markup that publishers use to label the article body itself. */
const ARTICLE_BODY = /article[-_]?body|story[-_]?body|entry[-_]?content|post[-_]?(?:content|body)|article[-_]?content|article[-_]?text|body[-_]?text|story[-_]?content|articlebody/i;

/** Tag and class prior of a candidate, as in Readability. */
function prior(el: Element): number {
  const tag = tagOf(el);
  let score = 0;
  if (tag === 'div' || tag === 'article' || tag === 'main') score += 5;
  else if (tag === 'pre' || tag === 'td' || tag === 'blockquote') score += 3;
  else if (['address', 'ol', 'ul', 'dl', 'dd', 'dt', 'li', 'form'].includes(tag)) score -= 3;
  else if (/^h[1-6]$/.test(tag) || tag === 'th') score -= 5;
  for (const name of [classOf(el), el.getAttribute('id')]) {
    if (!name) continue;
    if (NEGATIVE.test(name)) score -= 25;
    if (POSITIVE.test(name)) score += 25;
    if (ARTICLE_BODY.test(name) || el.getAttribute('itemprop') === 'articleBody') score += 25;
  }
  return score;
}

/** The link-adjusted score of an element (0 when it was never scored). */
function finalScore(el: Element, s: ElementStats | undefined): number {
  if (!s || s.score === 0) return 0;
  return (s.score + prior(el)) * (1 - linkDensity(s));
}

/** Returns the content root elements in document order, or [] when no element scored. */
export function pickContent(page: PageStats): Element[] {
  let best: Element | null = null;
  let bestScore = -Infinity;
  // Class-name bonuses must not let a box without a single real paragraph beat one with prose.
  const anyProse = page.candidates.some((el) => (page.stats.get(el)?.prose ?? 0) > 0);
  for (const el of page.candidates) {
    const tag = tagOf(el);
    if (tag === 'body' || tag === 'html') continue;
    const s = page.stats.get(el);
    if (anyProse && !s?.prose) continue;
    const score = finalScore(el, s);
    if (score > bestScore) {
      bestScore = score;
      best = el;
    }
  }
  // Pages that put their paragraphs straight into <body> have no other container.
  if (!best) {
    const fallback = page.candidates.find((el) => tagOf(el) === 'body') ?? page.candidates.find((el) => tagOf(el) === 'html');
    return fallback ? [fallback] : [];
  }
  best = climbToProse(best, page);
  best = climbWhileOnlyChild(best, page);
  return withSiblings(best, finalScore(best, page.stats.get(best)), page);
}

/** Weight of non-prose text (menus, captions, link lists) against prose when choosing the container. */
const JUNK_WEIGHT = 1.0;
/** Extra weight of link text: teaser lists of other stories are prose plus headline links. */
const LINK_WEIGHT = 3;

/**
 * Scores are local (five levels), so an article split over many page-builder sections can lose to
 * one section. Climb to the ancestor with the most prose net of other text, which spans them all.
 */
function climbToProse(el: Element, page: PageStats): Element {
  const value = (s: ElementStats | undefined): number => (s ? s.prose - JUNK_WEIGHT * (s.text - s.prose) - LINK_WEIGHT * s.link : -Infinity);
  let best = el;
  let bestValue = value(page.stats.get(el));
  for (let a = el.parentElement; a && tagOf(a) !== 'html'; a = a.parentElement) {
    const v = value(page.stats.get(a));
    if (v > bestValue) {
      best = a;
      bestValue = v;
    }
  }
  return best;
}

/** A lone child box says nothing by itself; its parent is the natural container for sibling joining. */
function climbWhileOnlyChild(el: Element, page: PageStats): Element {
  let current = el;
  for (;;) {
    const parent = current.parentElement;
    if (!parent || tagOf(parent) === 'body' || tagOf(parent) === 'html') return current;
    let count = 0;
    for (const child of elementChildren(parent)) if (!page.skip(child)) count++;
    if (count !== 1) return current;
    current = parent;
  }
}

/** Adds siblings of the top candidate that look like more of the same article. */
function withSiblings(top: Element, topScore: number, page: PageStats): Element[] {
  const parent = top.parentElement;
  if (!parent) return [top];
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = classOf(top);
  const out: Element[] = [];
  for (const sibling of elementChildren(parent)) {
    if (sibling === top) {
      out.push(top);
      continue;
    }
    if (page.skip(sibling)) continue;
    const s = page.stats.get(sibling);
    if (!s || s.text === 0) continue;
    const bonus = topClass !== '' && classOf(sibling) === topClass ? topScore * 0.2 : 0;
    // A sibling box joins for its score only if it holds real prose (not a grid of teaser lines).
    if (s.prose > 0 && finalScore(sibling, s) + bonus >= threshold) out.push(sibling);
    else if (tagOf(sibling) === 'p' && looksLikeProse(sibling, s)) out.push(sibling);
  }
  return out;
}

/** A paragraph sibling counts when it reads like prose rather than a link list. */
function looksLikeProse(el: Element, s: ElementStats): boolean {
  const density = linkDensity(s);
  if (s.text > 70 && density < 0.25) return true;
  return s.text > 0 && density === 0 && /\.( |$)/.test(el.textContent ?? '');
}
