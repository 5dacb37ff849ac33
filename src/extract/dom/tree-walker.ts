/** `document.createTreeWalker` over the light tree: `nextNode()` in document order, filtered by `whatToShow`. */
import type { LightNode, LightParent } from './nodes.ts';

/** NodeFilter bits of the node types a walker can show (element, text, CDATA, comment). */
const SHOW_BIT: Record<number, number> = { 1: 0x1, 3: 0x4, 4: 0x8, 8: 0x80 };

/** A TreeWalker that only walks forward, which is all extraction asks of one. */
export class LightTreeWalker {
  currentNode: LightNode;

  constructor(readonly root: LightParent, readonly whatToShow: number = 0xffffffff) {
    this.currentNode = root;
  }

  nextNode(): LightNode | null {
    let n: LightNode | null = this.currentNode;
    for (;;) {
      n = following(n, this.root);
      if (n === null) return null;
      if ((SHOW_BIT[n.nodeType] ?? 0) & this.whatToShow) return (this.currentNode = n);
    }
  }
}

/** The node after `n` in document order, staying inside `root` (every pre-order walk of the light tree). */
export function following(n: LightNode, root: LightParent): LightNode | null {
  const first = n.nodeType === 1 || n.nodeType === 9 ? (n as LightParent).firstChild : null;
  if (first !== null) return first;
  let m: LightNode | null = n;
  while (m !== null && m !== root && m.nextSibling === null) m = m.parentNode;
  return m === null || m === root ? null : m.nextSibling;
}
