import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LightElement } from './nodes.ts';
import { parseLight } from './parse.ts';

describe('light DOM', () => {
  it('builds the tree linkedom builds: attributes as written, entities decoded, text in order', () => {
    const doc = parseLight('<!doctype html><html><head><title>T &amp; U</title></head><body><p data-X="1" class="a  b a">One <b>two</b> three<!-- c --></p></body></html>');
    assert.equal(doc.doctype, 'html');
    assert.equal(doc.title, 'T & U');
    const p = doc.querySelector('p')!;
    assert.equal(p.getAttribute('data-X'), '1', 'attribute names keep their case');
    assert.equal(p.getAttribute('data-x'), null);
    assert.equal(p.getAttributeNode('class')?.value, 'a  b a');
    assert.deepEqual(p.getAttributeNames(), ['data-X', 'class']);
    assert.equal(p.textContent, 'One two three', 'comments are not text');
    assert.equal(p.tagName, 'P');
    assert.equal(p.childNodes.length, 4);
    assert.equal(p.firstChild?.nodeType, 3);
    assert.equal(p.lastChild?.nodeType, 8);
    assert.equal(doc.body?.localName, 'body');
    assert.equal(doc.head?.localName, 'head');
  });

  it('answers selectors as css-select does, case-insensitive attribute matches included', () => {
    const doc = parseLight('<div class="Site-Logo"><h1 id="h">A</h1></div><main><h1 class="x">B</h1><a href="/x">l</a><a>no</a></main>');
    const [first, second] = doc.querySelectorAll('h1') as [LightElement, LightElement];
    assert.equal(first.closest('nav, footer, aside, [class*="logo" i]')?.getAttribute('class'), 'Site-Logo');
    assert.equal(second.closest('nav, footer, aside, [class*="logo" i]'), null);
    assert.equal(second.closest('main')?.localName, 'main');
    assert.deepEqual(doc.querySelectorAll('a[href]').map((a) => a.textContent), ['l']);
    assert.equal(doc.querySelector('main h1.x')?.textContent, 'B');
    assert.throws(() => doc.querySelector('[[['), 'an invalid selector throws, as in a browser');
  });

  it('has no head or body when the page has none, instead of inventing them', () => {
    const doc = parseLight('<div>only</div>');
    assert.equal(doc.documentElement?.localName, 'div');
    assert.equal(doc.head, null);
    assert.equal(doc.body, null);
    assert.equal(doc.title, '');
  });

  it('walks text nodes in document order with a tree walker, and moves a node on appendChild', () => {
    const doc = parseLight('<html><body><p>a<i>b</i></p><p>c</p></body></html>');
    const walker = doc.createTreeWalker(doc.body!, 4);
    const seen: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) seen.push(n.textContent);
    assert.deepEqual(seen, ['a', 'b', 'c']);
    const [p1, p2] = doc.querySelectorAll('p') as [LightElement, LightElement];
    p2.appendChild(p1.firstChild!);
    assert.equal(p1.textContent, 'b');
    assert.equal(p2.textContent, 'ca');
    assert.ok(doc.body!.contains(p2.lastChild));
  });

  it('reads a tree 100,000 elements deep without recursion', () => {
    const depth = 100_000;
    const doc = parseLight(`${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}`);
    const divs = doc.querySelectorAll('div');
    assert.equal(divs.length, depth);
    assert.equal(doc.documentElement?.textContent, 'deep');
    assert.equal(divs[depth - 1]!.closest('body'), null);
  });
});
