/**
 * Turns the content roots into structured, sanitized `BodyBlock`s: paragraphs (also from loose
 * text in `<div>`s), headings, quotes, lists, figures, tables, preformatted text and allowed embeds.
 */
import type { BodyBlock } from '../../model/capture.ts';
import { inlineHtml, inlineText } from '../sanitize/inline-html.ts';
import { hostAllowed, safeMediaUrl } from '../sanitize/url.ts';
import { BLOCK_TAGS, ELEMENT_NODE, TEXT_NODE, firstDescendant, tagOf, textOf } from './dom.ts';
import { figureBlock } from './figure.ts';
import { blockText } from './to-text.ts';
import type { ElementStats } from './stats.ts';

/** What the block builder needs to know about the page. */
export interface BlockContext {
  baseUrl: string;
  skip: (el: Element) => boolean;
  stats: Map<Element, ElementStats>;
  embedHosts: readonly string[];
}

interface Frame {
  next: Node | null;
  inline: Node[];
}

/** Elements read as containers: their children become blocks of their own. */
const CONTAINERS = new Set([
  'div', 'section', 'article', 'main', 'body', 'html', 'center', 'span', 'font', 'form', 'details', 'header', 'footer',
  'aside', 'nav', 'dl', 'dd', 'dt', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'li', 'hgroup', 'address', 'picture',
]);

/** Builds the blocks of the given roots, in order. Iterative: one frame per open container. */
export function buildBlocks(roots: Element[], ctx: BlockContext): BodyBlock[] {
  const out: BodyBlock[] = [];
  for (const root of roots) {
    if (!CONTAINERS.has(tagOf(root)) || tagOf(root) === 'li') {
      emitElement(root, ctx, out);
      continue;
    }
    const stack: Frame[] = [{ next: root.firstChild, inline: [] }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const node = top.next;
      if (!node) {
        flush(top.inline, ctx, out);
        stack.pop();
        continue;
      }
      top.next = node.nextSibling;
      const opened = visit(node, top, ctx, out);
      if (opened) stack.push({ next: opened.firstChild, inline: [] });
    }
  }
  return out;
}

/** Handles one child of a container; returns an element to descend into, if any. */
function visit(node: Node, frame: Frame, ctx: BlockContext, out: BodyBlock[]): Element | null {
  if (node.nodeType === TEXT_NODE) {
    frame.inline.push(node);
    return null;
  }
  if (node.nodeType !== ELEMENT_NODE) return null;
  const el = node as Element;
  if (ctx.skip(el)) return null;
  const tag = tagOf(el);
  const s = ctx.stats.get(el);
  if (tag === 'br') {
    // Two line breaks in a row are how many sites separate paragraphs in loose text.
    const last = frame.inline[frame.inline.length - 1];
    if (last && last.nodeType === ELEMENT_NODE && tagOf(last as Element) === 'br') flush(frame.inline, ctx, out);
    else frame.inline.push(el);
    return null;
  }
  if (!BLOCK_TAGS.has(tag) && !s?.hasBlock && tag !== 'img' && tag !== 'iframe') {
    frame.inline.push(el);
    return null;
  }
  flush(frame.inline, ctx, out);
  if (CONTAINERS.has(tag) || (tag === 'p' && s?.hasBlock && hasParagraphs(el))) return el;
  if (tag === 'blockquote' && s?.hasBlock && firstDescendant(el, QUOTE_STRUCTURE) !== null) return el;
  if (tag === 'table' && s?.hasBlock && isLayoutTable(el)) return el;
  emitElement(el, ctx, out);
  return null;
}

/** Blocks inside a quote that make it a container of its own (an excerpt with headings or lists). */
const QUOTE_STRUCTURE: ReadonlySet<string> = new Set(['h2', 'h3', 'ul', 'ol', 'table', 'figure', 'blockquote']);
/** Blocks inside a `<p>` that make it a container (invalid nesting some CMSs write). */
const PARAGRAPH_BLOCKS: ReadonlySet<string> = new Set(['p', 'div', 'ul', 'ol', 'table', 'figure']);
/** Blocks inside a table that make it page layout. */
const LAYOUT_BLOCKS: ReadonlySet<string> = new Set(['p', 'table', 'div', 'ul']);

function hasParagraphs(el: Element): boolean {
  return firstDescendant(el, PARAGRAPH_BLOCKS) !== null;
}

/** A table that holds paragraphs or other tables is page layout, not data. */
function isLayoutTable(el: Element): boolean {
  return firstDescendant(el, LAYOUT_BLOCKS) !== null;
}

/** Emits the block for one non-container element. */
function emitElement(el: Element, ctx: BlockContext, out: BodyBlock[]): void {
  const tag = tagOf(el);
  if (tag === 'p' || tag === 'li' || tag === 'dt' || tag === 'dd') return paragraph([el], ctx, out);
  if (/^h[2-6]$/.test(tag)) {
    const html = inlineHtml(el.childNodes, ctx.baseUrl, ctx.skip);
    if (inlineText(html) !== '') out.push({ type: 'heading', level: Number(tag[1]) as 2 | 3 | 4 | 5 | 6, html });
    return;
  }
  if (tag === 'h1') return;
  if (tag === 'blockquote') return quote(el, ctx, out);
  if (tag === 'ul' || tag === 'ol') return list(el, tag === 'ol', ctx, out);
  if (tag === 'pre') {
    const text = textOf(el);
    if (text !== '') out.push({ type: 'preformatted', text: el.textContent ?? text });
    return;
  }
  if (tag === 'figure' || tag === 'img') {
    const block = figureBlock(el, ctx.baseUrl);
    if (block) out.push(block);
    return;
  }
  if (tag === 'table') return table(el, ctx, out);
  if (tag === 'iframe') return embed(el, ctx, out);
  paragraph([el], ctx, out);
}

/** Writes the pending inline nodes as one paragraph. */
function flush(inline: Node[], ctx: BlockContext, out: BodyBlock[]): void {
  if (inline.length === 0) return;
  paragraph(inline.splice(0), ctx, out);
}

function paragraph(nodes: Node[], ctx: BlockContext, out: BodyBlock[]): void {
  const html = inlineHtml(nodes, ctx.baseUrl, ctx.skip);
  if (html === '') return;
  const block: BodyBlock = { type: 'paragraph', html };
  if (blockText(block) !== '') out.push(block);
}

function quote(el: Element, ctx: BlockContext, out: BodyBlock[]): void {
  const html = inlineHtml(el.childNodes, ctx.baseUrl, ctx.skip);
  if (inlineText(html) === '') return;
  const cite = el.getAttribute('cite');
  const citeUrl = cite ? safeMediaUrl(cite, ctx.baseUrl) : null;
  out.push(citeUrl ? { type: 'quote', html, cite: citeUrl } : { type: 'quote', html });
}

function list(el: Element, ordered: boolean, ctx: BlockContext, out: BodyBlock[]): void {
  const items: string[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== ELEMENT_NODE || ctx.skip(c as Element)) continue;
    const html = inlineHtml((c as Element).childNodes, ctx.baseUrl, ctx.skip);
    if (inlineText(html) !== '') items.push(html);
  }
  if (items.length > 0) out.push({ type: 'list', ordered, items });
}

function table(el: Element, ctx: BlockContext, out: BodyBlock[]): void {
  const rows: string[][] = [];
  for (const tr of el.querySelectorAll('tr')) {
    const cells: string[] = [];
    for (let c = tr.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === ELEMENT_NODE && /^t[dh]$/.test(tagOf(c as Element))) cells.push(textOf(c));
    }
    if (cells.some((cell) => cell !== '')) rows.push(cells);
  }
  if (rows.length > 0) out.push({ type: 'table', rows });
}

function embed(el: Element, ctx: BlockContext, out: BodyBlock[]): void {
  const url = safeMediaUrl(el.getAttribute('src') ?? el.getAttribute('data-src'), ctx.baseUrl);
  if (!url || !hostAllowed(url, ctx.embedHosts)) return;
  out.push({ type: 'embed', url, provider: new URL(url).hostname.replace(/^www\./, '') });
}
