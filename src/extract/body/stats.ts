/**
 * One post-order pass over the page that measures every element (text, link text, commas) and
 * scores paragraph-like elements into their ancestors, in the manner of Readability's scoring but
 * in a single iterative walk instead of repeated queries.
 */
import { ELEMENT_NODE, TEXT_NODE, BLOCK_TAGS, tagOf } from './dom.ts';
import { skipKind, type NameVerdicts, type SkipKind } from './boilerplate.ts';

/** What the pass measured about one element. */
export interface ElementStats {
  /** Non-whitespace characters of readable text below the element. */
  text: number;
  /** Of those, characters inside links. */
  link: number;
  commas: number;
  /** Characters of text that is not inside a block descendant (loose text of a `<div>`). */
  own: number;
  /** Of the loose text, characters inside links. */
  ownLink: number;
  /** True when the element holds block-level descendants that hold text. */
  hasBlock: boolean;
  /** Score collected from paragraph-like descendants (before link-density scaling). */
  score: number;
  /** Characters of prose below: paragraphs of some length with few links (unlimited depth). */
  prose: number;
}

/** Result of the pass: per-element stats and the elements that received a score. */
export interface PageStats {
  stats: Map<Element, ElementStats>;
  candidates: Element[];
  skip: (el: Element) => boolean;
}

/** Tags whose own text makes them a paragraph for scoring. */
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'td', 'blockquote']);
/** Containers that count as a paragraph when they hold text but no blocks (text in bare `<div>`s). */
const BARE_TEXT_TAGS = new Set(['div', 'section', 'article', 'main', 'span', 'font', 'center']);

/** An open element of the walk, holding its own measurements: one object per element (the walk allocates less). */
interface Frame extends ElementStats {
  el: Element;
  next: Node | null;
  inLink: boolean;
}

/** Measures and scores every non-skipped element under `root`. `lenient` skips only hard furniture. */
export function measurePage(root: Element, lenient: boolean): PageStats {
  const kinds = new Map<Element, SkipKind>();
  const verdicts: NameVerdicts = new Map();
  const skip = (el: Element): boolean => {
    let kind = kinds.get(el);
    if (kind === undefined) kinds.set(el, (kind = skipKind(el, verdicts)));
    return kind === 'hard' || (!lenient && kind === 'soft');
  };
  const stats = new Map<Element, ElementStats>();
  const scored = new Set<Element>();
  const stack: Frame[] = [frame(root, false)];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const node = top.next;
    if (node) {
      top.next = node.nextSibling;
      if (node.nodeType === TEXT_NODE) addText(top, (node as Text).data);
      else if (node.nodeType === ELEMENT_NODE && !skip(node as Element)) {
        const el = node as Element;
        stack.push(frame(el, top.inLink || tagOf(el) === 'a'));
      }
      continue;
    }
    stack.pop();
    stats.set(top.el, top);
    const parent = stack[stack.length - 1];
    if (!parent) break;
    const tag = tagOf(top.el);
    if (isParagraph(tag, top)) {
      scoreAncestors(stack, paragraphScore(top, top.text), scored);
      if (!top.hasBlock && isProse(top.text, top.link)) top.prose += top.text;
    } else if (top.hasBlock && top.own >= 20 && BARE_TEXT_TAGS.has(tag)) {
      // Loose text beside blocks scores like a paragraph of its own container.
      if (isProse(top.own, top.ownLink)) top.prose += top.own;
      stack.push(top);
      scoreAncestors(stack, paragraphScore(top, top.own), scored);
      stack.pop();
    }
    addToParent(parent, top, tag);
  }
  return { stats, candidates: [...scored], skip };
}

/** Adds a finished child's measurements to its parent's. */
function addToParent(parent: ElementStats, child: ElementStats, tag: string): void {
  parent.text += child.text;
  parent.link += child.link;
  parent.commas += child.commas;
  parent.prose += child.prose;
  // Empty blocks (spacer `<div>`s) do not turn loose text into a container.
  if ((BLOCK_TAGS.has(tag) || child.hasBlock) && child.text > 0) parent.hasBlock = true;
  else {
    parent.own += child.text;
    parent.ownLink += child.link;
  }
}

function frame(el: Element, inLink: boolean): Frame {
  return { el, next: el.firstChild, inLink, text: 0, link: 0, commas: 0, own: 0, ownLink: 0, hasBlock: false, score: 0, prose: 0 };
}

/** Adds a text node's non-whitespace characters and commas to its element, counted in place (no copies, no result object). */
function addText(frame: Frame, data: string): void {
  let chars = 0;
  let commas = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c > 32 && c !== 160) chars++;
    if (c === 44 || c === 0xff0c || c === 0x3001 || c === 0x060c) commas++;
  }
  frame.text += chars;
  frame.own += chars;
  frame.commas += commas;
  if (frame.inLink) {
    frame.link += chars;
    frame.ownLink += chars;
  }
}

/** Prose: a paragraph long enough to be a sentence or two, and not a link list. */
function isProse(chars: number, link: number): boolean {
  return chars >= 120 && link <= 0.25 * chars;
}

function isParagraph(tag: string, s: ElementStats): boolean {
  if (s.text < 20) return false;
  return PARAGRAPH_TAGS.has(tag) || (BARE_TEXT_TAGS.has(tag) && !s.hasBlock);
}

/** Readability's paragraph score: a point, a point per comma, a point per ~100 characters (at most 3). */
function paragraphScore(s: ElementStats, chars: number): number {
  const linkFactor = s.text > 0 ? 1 - s.link / s.text : 0;
  const commas = chars === s.text ? s.commas : Math.round((s.commas * chars) / s.text);
  return (1 + commas + Math.min(Math.floor(chars / 85), 3)) * linkFactor;
}

/** Adds a paragraph's score to its parent (whole), grandparent (half) and further ancestors (decaying). */
function scoreAncestors(stack: Frame[], score: number, scored: Set<Element>): void {
  for (let level = 0; level < 5; level++) {
    const frame = stack[stack.length - 1 - level];
    if (!frame) return;
    frame.score += score / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    scored.add(frame.el);
  }
}

/** Link characters over text characters of an element's stats (0 for empty elements). */
export function linkDensity(s: ElementStats): number {
  return s.text > 0 ? s.link / s.text : 0;
}
