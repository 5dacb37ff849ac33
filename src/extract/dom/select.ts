/**
 * CSS selectors over the light tree, by css-select (the engine linkedom uses too, so `[class*="x" i]`,
 * selector lists and combinators mean the same). Compiled selectors are kept: the stages ask the same few again
 * and again.
 */
import { compile, type Options } from 'css-select';
import type { LightElement, LightNode, LightParent } from './nodes.ts';
import { following } from './tree-walker.ts';

const adapter: NonNullable<Options<LightNode, LightElement>['adapter']> = {
  isTag: (node): node is LightElement => node.nodeType === 1,
  getAttributeValue: (el, name) => el.getAttribute(name) ?? undefined,
  getChildren: (node) => (node.nodeType === 1 || node.nodeType === 9 ? (node as LightParent).childNodes : []),
  getName: (el) => el.localName,
  getParent: (el) => el.parentNode,
  getSiblings: (node) => (node.parentNode ? node.parentNode.childNodes : [node]),
  prevElementSibling: (node) => node.previousElementSibling,
  getText: (node) => node.textContent,
  hasAttrib: (el, name) => el.hasAttribute(name),
  removeSubsets: (nodes) => nodes.filter((n, i) => !nodes.some((m, j) => j !== i && m !== n && (m as LightParent).contains?.(n))),
};

type Test = (el: LightElement) => boolean;
const compiled = new Map<string, Test>();

/** The compiled test of `selector` (throws on an invalid selector, as the DOM does). */
function testOf(selector: string): Test {
  let test = compiled.get(selector);
  if (!test) {
    test = compile<LightNode, LightElement>(selector, { adapter, xmlMode: false }) as Test;
    // A handful of selectors in the code; a page cannot add more, but keep the map bounded anyway.
    if (compiled.size > 500) compiled.clear();
    compiled.set(selector, test);
  }
  return test;
}

/** True when `el` matches `selector`. */
export function matches(selector: string, el: LightElement): boolean {
  return testOf(selector)(el);
}

/** Descendants of `root` matching `selector`, in document order. */
export function selectAll(selector: string, root: LightParent): LightElement[] {
  const test = testOf(selector);
  const out: LightElement[] = [];
  walk(root, (el) => {
    if (test(el)) out.push(el);
    return false;
  });
  return out;
}

/** The first descendant of `root` matching `selector`. */
export function selectOne(selector: string, root: LightParent): LightElement | null {
  const test = testOf(selector);
  let found: LightElement | null = null;
  walk(root, (el) => {
    if (!test(el)) return false;
    found = el;
    return true;
  });
  return found;
}

/** Pre-order walk of the elements below `root` until `visit` returns true (iterative: pages nest deep). */
function walk(root: LightParent, visit: (el: LightElement) => boolean): void {
  for (let n = following(root, root); n !== null; n = following(n, root)) {
    if (n.nodeType === 1 && visit(n as LightElement)) return;
  }
}
