/**
 * Allowlist serializer for inline content: walks the parsed tree (never re-parses strings) and
 * writes only the tags `BodyBlock.html` may hold, with escaped text and safe absolute links.
 */
import { BLOCK_TAGS, ELEMENT_NODE, TEXT_NODE, tagOf } from '../body/dom.ts';
import { safeLinkUrl } from './url.ts';

/** Inline tags kept as they are (without attributes), as promised by the `BodyBlock` type. */
const KEPT = new Set(['em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'code', 'q', 'abbr', 'mark', 'small', 'cite']);
/** Elements whose content is never text of the article. */
const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'button',
  'input', 'select', 'textarea', 'video', 'audio', 'img', 'picture', 'source', 'head', 'title', 'meta', 'link',
]);

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  // Most text nodes have nothing to escape: the test spares a new string for each of them.
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : text;
}

/** Predicate for elements left out of the output with their subtree (furniture inside a paragraph). */
export type SkipElement = (el: Element) => boolean;

/**
 * Whitespace that is not already a single space: a run of two or more, or one other whitespace character.
 * Replacing these with a space collapses every run, like `/[\s\u00a0]+/g`, without rewriting the many
 * single spaces between words.
 */
const SPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;

/** Serializes the given sibling nodes (and their subtrees) as sanitized inline HTML. */
export function inlineHtml(nodes: Iterable<Node>, baseUrl: string, skip?: SkipElement): string {
  const out: string[] = [];
  for (const node of nodes) serializeInto(node, baseUrl, out, skip);
  return trimBreaks(out.join('').replace(SPACE_TO_COLLAPSE, ' '));
}

/**
 * Removes leading and trailing spaces and `<br>`s (whitespace is already one space). A loop, not
 * `/(?:\s|<br>)+$/`, which the regex engine retries at every space of a long paragraph.
 */
function trimBreaks(s: string): string {
  let start = 0;
  let end = s.length;
  for (;;) {
    if (s.charCodeAt(start) === 32) start++;
    else if (s.startsWith('<br>', start)) start += 4;
    else break;
  }
  while (end > start) {
    if (s.charCodeAt(end - 1) === 32) end--;
    else if (end - 4 >= start && s.endsWith('<br>', end)) end -= 4;
    else break;
  }
  return s.slice(start, end);
}

/** An open element of the serializer: the next child to write and the text that closes it. */
interface Frame {
  node: Node | null;
  close: string;
}

/** Iterative serializer: a frame per open element, so deep nesting cannot overflow the stack. */
function serializeInto(root: Node, baseUrl: string, out: string[], skip?: SkipElement): void {
  const stack: Frame[] = [];
  open(root, baseUrl, out, stack, skip);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (!top.node) {
      out.push(top.close);
      stack.pop();
      continue;
    }
    const node = top.node;
    top.node = node.nextSibling;
    open(node, baseUrl, out, stack, skip);
  }
}

/** Writes a text node, or the opening of an element and pushes its frame (a module function, not a closure per call). */
function open(node: Node, baseUrl: string, out: string[], stack: Frame[], skip?: SkipElement): void {
  if (node.nodeType === TEXT_NODE) {
    out.push(escapeHtml((node as Text).data));
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const el = node as Element;
  const tag = tagOf(el);
  if (DROPPED.has(tag) || skip?.(el)) return;
  if (tag === 'br') {
    out.push('<br>');
    return;
  }
  let close = '';
  if (KEPT.has(tag)) {
    out.push(`<${tag}>`);
    close = `</${tag}>`;
  } else if (BLOCK_TAGS.has(tag)) {
    // Block boundaries inside inline content (a <p> in a <blockquote>) must keep words apart.
    out.push(' ');
    close = ' ';
  } else if (tag === 'a') {
    const href = safeLinkUrl(el.getAttribute('href'), baseUrl);
    if (href) {
      out.push(`<a href="${escapeHtml(href)}">`);
      close = '</a>';
    }
  }
  stack.push({ node: el.firstChild, close });
}

const DECODES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Plain text of sanitized inline HTML produced by `inlineHtml` (tags dropped, entities decoded). */
export function inlineText(html: string): string {
  // The tag and entity passes only run when the string has a tag or an entity (most lines have neither).
  let text = html;
  if (text.includes('<')) text = text.replace(/<br>/g, ' ').replace(/<[^>]*>/g, '');
  if (text.includes('&')) text = text.replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => DECODES[e] ?? '');
  return text.replace(/\s+/g, ' ').trim();
}
