import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { html, jsonForScript, raw } from './html.ts';

describe('html templates', () => {
  it('escape interpolated text, including in attributes', () => {
    const title = '<script>alert(1)</script>" onmouseover="x';
    assert.equal(html`<a title="${title}">${title}</a>`.value,
      '<a title="&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x">&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x</a>');
  });
  it('compose nested templates and arrays without double escaping', () => {
    const items = ['a&b', 'c'].map((s) => html`<li>${s}</li>`);
    assert.equal(html`<ul>${items}</ul>`.value, '<ul><li>a&amp;b</li><li>c</li></ul>');
    assert.equal(html`${raw('<b>x</b>')}${null}${false}${0}`.value, '<b>x</b>0');
  });
  it('keep JSON-LD from closing its script element', () => {
    assert.equal(jsonForScript({ t: '</script><script>x' }).value, '{"t":"\\u003c/script\\u003e\\u003cscript\\u003ex"}');
  });
});
