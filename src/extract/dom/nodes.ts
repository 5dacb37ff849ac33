/**
 * A small read-mostly DOM for extraction. linkedom builds a complete, mutable DOM: every element, text and
 * attribute is a node with an event-listener map in a WeakMap, and every element has an end marker; building
 * that tree was over half of an extraction's time. Extraction only reads the tree, so it parses into these
 * plain objects instead (attributes as one record per element, children as sibling links) and offers the part
 * of the DOM API the stages use, with linkedom's answers (its `head`/`body` rules, `textContent`, selectors
 * through css-select as linkedom does). The parity test runs both over the same pages and compares results.
 */
import { selectAll, selectOne, matches } from './select.ts';
import { following, LightTreeWalker } from './tree-walker.ts';

/** Any node of the light tree. */
export class LightNode {
  parentNode: LightParent | null = null;
  nextSibling: LightNode | null = null;
  previousSibling: LightNode | null = null;
  constructor(readonly nodeType: number, public ownerDocument: LightDocument | null) {}

  get parentElement(): LightElement | null {
    const p = this.parentNode;
    return p !== null && p.nodeType === 1 ? (p as LightElement) : null;
  }

  get nextElementSibling(): LightElement | null {
    let n = this.nextSibling;
    while (n !== null && n.nodeType !== 1) n = n.nextSibling;
    return n as LightElement | null;
  }

  get previousElementSibling(): LightElement | null {
    let n = this.previousSibling;
    while (n !== null && n.nodeType !== 1) n = n.previousSibling;
    return n as LightElement | null;
  }

  get textContent(): string {
    return '';
  }
}

/** Text, CDATA and comment nodes. */
export class LightCharacterData extends LightNode {
  constructor(nodeType: number, ownerDocument: LightDocument | null, public data: string) {
    super(nodeType, ownerDocument);
  }

  override get textContent(): string {
    return this.data;
  }
}

/** Elements and the document: nodes with children. */
export class LightParent extends LightNode {
  firstChild: LightNode | null = null;
  lastChild: LightNode | null = null;

  get childNodes(): LightNode[] {
    const out: LightNode[] = [];
    for (let n = this.firstChild; n !== null; n = n.nextSibling) out.push(n);
    return out;
  }

  get children(): LightElement[] {
    const out: LightElement[] = [];
    for (let n = this.firstChild; n !== null; n = n.nextSibling) if (n.nodeType === 1) out.push(n as LightElement);
    return out;
  }

  get firstElementChild(): LightElement | null {
    let n = this.firstChild;
    while (n !== null && n.nodeType !== 1) n = n.nextSibling;
    return n as LightElement | null;
  }

  /** Text of the text and CDATA nodes below, in document order (comments excluded, as in linkedom). */
  override get textContent(): string {
    const parts: string[] = [];
    for (let n = following(this, this); n !== null; n = following(n, this)) {
      if (n.nodeType === 3 || n.nodeType === 4) parts.push((n as LightCharacterData).data);
    }
    return parts.join('');
  }

  /** Appends `node`, taking it out of where it was. */
  appendChild<T extends LightNode>(node: T): T {
    detach(node);
    node.parentNode = this;
    node.previousSibling = this.lastChild;
    if (this.lastChild) this.lastChild.nextSibling = node;
    else this.firstChild = node;
    this.lastChild = node;
    return node;
  }

  contains(node: LightNode | null): boolean {
    for (let n = node; n !== null; n = n.parentNode) if (n === this) return true;
    return false;
  }

  querySelector(selector: string): LightElement | null {
    return selectOne(selector, this);
  }

  querySelectorAll(selector: string): LightElement[] {
    return selectAll(selector, this);
  }

  getElementsByTagName(name: string): LightElement[] {
    return selectAll(name, this);
  }
}

/** Takes `node` out of its parent's child list. */
function detach(node: LightNode): void {
  const parent = node.parentNode;
  if (!parent) return;
  if (node.previousSibling) node.previousSibling.nextSibling = node.nextSibling;
  else parent.firstChild = node.nextSibling;
  if (node.nextSibling) node.nextSibling.previousSibling = node.previousSibling;
  else parent.lastChild = node.previousSibling;
  node.parentNode = node.nextSibling = node.previousSibling = null;
}

/** An element; attribute names are kept as written, as linkedom keeps them. */
export class LightElement extends LightParent {
  constructor(ownerDocument: LightDocument | null, readonly localName: string, readonly attribs: Record<string, string>) {
    super(1, ownerDocument);
  }

  get tagName(): string {
    return this.localName.toUpperCase();
  }

  getAttribute(name: string): string | null {
    return Object.hasOwn(this.attribs, name) ? this.attribs[name]! : null;
  }

  getAttributeNode(name: string): { name: string; value: string } | null {
    return Object.hasOwn(this.attribs, name) ? { name, value: this.attribs[name]! } : null;
  }

  getAttributeNames(): string[] {
    return Object.keys(this.attribs);
  }

  hasAttribute(name: string): boolean {
    return Object.hasOwn(this.attribs, name);
  }

  closest(selector: string): LightElement | null {
    if (matches(selector, this)) return this;
    for (let el = this.parentElement; el !== null; el = el.parentElement) if (matches(selector, el)) return el;
    return null;
  }
}

/** The document: its element children are the page's roots (linkedom's `head`/`body` rules, without creating them). */
export class LightDocument extends LightParent {
  doctype: string | null = null;

  constructor() {
    super(9, null);
  }

  get documentElement(): LightElement | null {
    return this.firstElementChild;
  }

  /** linkedom's rule: the root's first element child when it is `<head>`. */
  get head(): LightElement | null {
    const first = this.documentElement?.firstElementChild ?? null;
    return first !== null && first.localName === 'head' ? first : null;
  }

  /** linkedom's rule: the element after the head (or the first, when there is no head) when it is `<body>`. */
  get body(): LightElement | null {
    const first = this.documentElement?.firstElementChild ?? null;
    const candidate = first !== null && first.localName === 'head' ? first.nextElementSibling : first;
    return candidate !== null && candidate.localName === 'body' ? candidate : null;
  }

  get title(): string {
    const head = this.head;
    return (head && selectOne('title', head)?.textContent) || '';
  }

  createTreeWalker(root: LightParent, whatToShow?: number): LightTreeWalker {
    return new LightTreeWalker(root, whatToShow);
  }
}
