/**
 * Which elements are never article text. `hard` ones (scripts, forms controls, hidden nodes) are
 * skipped by every stage; `soft` ones (navigation, share bars, related stories, comments…) are
 * skipped too, except by the lenient retry that rescues pages whose article sits in an oddly named box.
 */
import { classOf, countDescendants, firstDescendant, tagOf, textLongerThan } from './dom.ts';

/** How an element is treated by the body stages. */
export type SkipKind = 'keep' | 'soft' | 'hard';

const HARD_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'canvas', 'button', 'input', 'select', 'textarea',
  'object', 'embed', 'head', 'title', 'meta', 'link', 'dialog', 'map', 'option', 'label',
]);
const SOFT_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'menu', 'figcaption']);
const SOFT_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar', 'dialog', 'alert', 'search', 'tablist']);

/**
 * Class/id words that mark page furniture. Matched per class token, so `related-links` is furniture
 * while a token that also names content (`article-body`) is kept.
 */
const FURNITURE = new RegExp([
  '(?:^|[-_])(?:ad|ads|adv|advert|advertisement|advertising|dfp|gpt|sponsor(?:ed)?|promo|promoted|partner)(?:$|[-_\\d])',
  'banner', 'breadcrumb', 'combx', 'comment', 'disqus', 'community', 'cookie', 'consent', 'gdpr', 'footer', 'masthead',
  'menu', 'related', 'recirc', 'remark', 'replies', 'rss', 'share', 'sharing', 'social', 'sidebar', 'skyscraper',
  'shoutbox', 'supplemental', 'pagination', 'pager', 'popup', 'modal', 'newsletter', 'subscribe', 'subscription',
  'signup', 'sign-up', 'outbrain', 'taboola', 'most-?popular', 'most-?read', 'trending', 'toolbar', 'navbar',
  '(?:^|[-_])nav(?:$|[-_])', 'navigation', 'byline', 'author-?(?:bio|info|box|card)', 'tags?(?:$|-list|-links)',
  'topics', 'keywords', 'print-?only', 'visually-?hidden', 'sr-only', 'screen-?reader', 'skip-?link',
  'tooltip', 'read-?more', 'recommend', 'more-?stories', 'also-?read', 'paywall', 'login',
  'register', 'donate', 'follow', 'syndication', 'caption', '(?:^|[-_])credits?(?:$|[-_])', 'bottom-?of-?article', 'endcard', 'jump-?link', 'app-?promo',
].join('|'), 'i');
/** Furniture that no retry should bring back: reader comments, consent banners, newsletter boxes, ad networks. */
const HARD_FURNITURE = /(?:^|[-_])comments?(?:$|[-_])|comment-?(?:list|body|content|text|respond)|commentlist|disqus|cookie|consent|gdpr|newsletter|outbrain|taboola|(?:^|[-_])respond(?:$|[-_])/i;
/** Tokens that describe a state (`has-comments`, `no-sidebar`), not what the box is. */
const STATE_TOKEN = /^(?:has|no|with|without|show|hide|enable|disable|allow|is|can|js)[-_]/i;
/** A token naming a post or article is the article even when it also says `newsletter` (Substack's `newsletter-post`). */
const ARTICLE_TOKEN = /post|article|story|entry/i;
/** Class/id words that name the article itself; a token with one of them is never furniture. */
const CONTENT = /article|body|content|entry|main|post|story|text|prose|rich|blog/i;
/** Tokens that look like content but are furniture nonetheless (`article-footer`, `post-meta`). */
const STRONG_FURNITURE = /(?:article|post|story|entry|content)[-_]?(?:footer|header|meta|tags|share|sharing|social|related|comments?|sidebar|aside|nav|toolbar|byline|info|topics|bottom|end)(?:$|[-_])/i;

/**
 * Verdicts by class and id, for one page: pages repeat the same names hundreds of times, and the patterns
 * are costly. Per page, not per process: the names are slices of the page's HTML and would keep it alive.
 */
export type NameVerdicts = Map<string, SkipKind>;

/** Decides whether `el` is skipped by the body stages, and how firmly. */
export function skipKind(el: Element, verdicts: NameVerdicts = new Map()): SkipKind {
  const tag = tagOf(el);
  if (HARD_TAGS.has(tag)) return 'hard';
  // Hidden boxes are menus and dialogs, except where a script was meant to reveal the article (streamed SSR).
  if (isHidden(el)) return holdsArticle(el) ? 'keep' : 'hard';
  if (tag === 'body' || tag === 'html') return 'keep';
  const names = namesVerdict(classOf(el), el.getAttribute('id') ?? '', verdicts);
  if (names === 'hard') return 'hard';
  if (tag === 'main' || tag === 'article') return 'keep';
  const role = el.getAttribute('role');
  const soft = SOFT_TAGS.has(tag) || (role !== null && SOFT_ROLES.has(role.toLowerCase())) || names === 'soft';
  return soft && !holdsArticle(el) ? 'soft' : 'keep';
}

/** What the class and id alone say: `hard` furniture, `soft` furniture, or nothing (`keep`). */
function namesVerdict(cls: string, id: string, verdicts: NameVerdicts): SkipKind {
  if (cls === '' && id === '') return 'keep';
  // The class alone when there is no id: the attribute's own string keeps its hash, a joined one is hashed anew.
  // A class holds no line break (`classOf` joins tokens with spaces), so the two kinds of key never collide.
  const key = id === '' ? cls : `${cls}\n${id}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    verdict = hasHardFurnitureClass(cls, id) ? 'hard' : hasFurnitureClass(cls, id) ? 'soft' : 'keep';
    verdicts.set(key, verdict);
  }
  return verdict;
}

/** A `<p>` this long is a paragraph of prose. */
const LONG_PARAGRAPH = 150;
const PARAGRAPH = new Set(['p']);

/**
 * Furniture names are guesses; a box that holds several long paragraphs is the article whatever
 * it is called (page builders name wrappers `…-banner-w980`, `infinite-pagination-container`).
 */
function holdsArticle(el: Element): boolean {
  return countDescendants(el, 'p', (p) => textLongerThan(p, LONG_PARAGRAPH), 4) >= 4;
}

/** True when the element is hidden from readers (attribute or inline style). */
function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true' && !firstDescendant(el, PARAGRAPH)) return true;
  const style = el.getAttribute('style');
  return style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** True when a class/id token names comments, consent banners or the like. */
function hasHardFurnitureClass(cls: string, id: string): boolean {
  if (!HARD_FURNITURE.test(cls) && !HARD_FURNITURE.test(id)) return false;
  for (const token of `${cls} ${id}`.split(/\s+/)) {
    if (STATE_TOKEN.test(token)) continue;
    if (HARD_FURNITURE.test(token) && (/comment|disqus|respond/i.test(token) || !ARTICLE_TOKEN.test(token))) return true;
  }
  return false;
}

/** True when some class/id token names furniture and no token names content. */
function hasFurnitureClass(cls: string, id: string): boolean {
  if (cls === '' && id === '') return false;
  let furniture = false;
  for (const token of `${cls} ${id}`.split(/\s+/)) {
    if (token === '' || STATE_TOKEN.test(token)) continue;
    // Embedded posts (`social-media-embed`, `twitter-embed`) are quoted in the article on purpose.
    if (/embed/i.test(token)) return false;
    if (STRONG_FURNITURE.test(token)) return true;
    if (FURNITURE.test(token)) furniture = true;
    else if (CONTENT.test(token)) return false;
  }
  return furniture;
}
