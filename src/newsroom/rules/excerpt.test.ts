import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BodyBlock } from '../../model/capture.ts';
import { DEFAULT_EXCERPT_POLICY } from '../../model/site.ts';
import { describeExcerpt, mergeExcerptPolicy, takeExcerpt } from './excerpt.ts';

const words = (n: number, w = 'word') => Array.from({ length: n }, () => w).join(' ');
const para = (n: number, w?: string): BodyBlock => ({ type: 'paragraph', html: words(n, w) });

describe('takeExcerpt', () => {
  it('takes three paragraphs when they fit the default policy', () => {
    const body = [para(42), para(80), para(60), para(500), para(400)];
    const r = takeExcerpt(body, DEFAULT_EXCERPT_POLICY);
    assert.equal(r.paragraphsQuoted, 3);
    assert.equal(r.wordsQuoted, 182);
    assert.equal(r.wordsTotal, 1082);
    assert.deepEqual(r.blocks, body.slice(0, 3));
    assert.equal(r.reason, undefined);
    assert.equal(describeExcerpt(r), 'quoted 182 of 1,082 words (3 paragraphs)');
  });
  it('cuts only at a paragraph end when the word limit would fall inside one', () => {
    const r = takeExcerpt([para(42), para(80), para(83), para(900)]);
    assert.equal(r.paragraphsQuoted, 2);
    assert.equal(r.wordsQuoted, 122);
  });
  it('never quotes more than the share of the piece', () => {
    // 100 words of 400 is 25%; adding the second paragraph would be 50%.
    const r = takeExcerpt([para(100), para(100), para(100), para(100)]);
    assert.equal(r.wordsQuoted, 100);
    assert.ok(r.wordsQuoted <= r.wordsTotal * 0.3);
  });
  it('refuses when one huge first paragraph breaks the word limit', () => {
    const r = takeExcerpt([para(250), para(2000)]);
    assert.deepEqual(r.blocks, []);
    assert.equal(r.reason, 'first-paragraph-over-word-limit');
    assert.match(describeExcerpt(r), /^no excerpt: the first paragraph alone is longer than the word limit/);
  });
  it('refuses when the first paragraph is more than the share of a short piece', () => {
    const r = takeExcerpt([para(50), para(50)]);
    assert.equal(r.reason, 'first-paragraph-over-share');
    assert.equal(r.wordsTotal, 100);
  });
  it('never quotes the whole piece, even when an outlet allows 100%', () => {
    const policy = mergeExcerptPolicy(DEFAULT_EXCERPT_POLICY, { maxShare: 5 });
    assert.equal(policy.maxShare, 1);
    const r = takeExcerpt([para(40)], policy);
    assert.equal(r.reason, 'whole-piece');
    const r2 = takeExcerpt([para(40), para(40)], policy);
    assert.equal(r2.paragraphsQuoted, 1);
  });
  it('returns no-text for an empty body or one with only images', () => {
    assert.equal(takeExcerpt([]).reason, 'no-text');
    const fig: BodyBlock = { type: 'figure', image: { url: 'https://example.org/a.jpg' } };
    const r = takeExcerpt([fig]);
    assert.equal(r.reason, 'no-text');
    assert.equal(r.wordsTotal, 0);
  });
  it('skips a leading heading and figures but stops at a later heading', () => {
    const body: BodyBlock[] = [
      { type: 'heading', level: 2, html: 'Intro' },
      { type: 'figure', image: { url: 'https://example.org/a.jpg', caption: 'many words in a caption' } },
      para(30),
      { type: 'embed', url: 'https://example.org/v', provider: 'x' },
      para(30),
      { type: 'heading', level: 2, html: 'Next section' },
      para(30),
      para(500),
    ];
    const r = takeExcerpt(body);
    assert.deepEqual(r.blocks, [body[2], body[4]]);
    assert.equal(r.wordsTotal, 1 + 30 + 30 + 2 + 30 + 500);
  });
  it('counts words in inline HTML without counting markup, and Ukrainian text', () => {
    const uk: BodyBlock = { type: 'paragraph', html: 'Київ <a href="https://example.org/">зустрів</a> сім&rsquo;ю&nbsp;<em>до</em>бре' };
    const r = takeExcerpt([uk, para(100, 'слово')]);
    assert.equal(r.wordsQuoted, 4);
    assert.equal(r.wordsTotal, 104);
  });
  it('quotes nothing when an outlet forbids quoting', () => {
    const r = takeExcerpt([para(10), para(1000)], mergeExcerptPolicy(DEFAULT_EXCERPT_POLICY, { maxParagraphs: 0 }));
    assert.equal(r.reason, 'quoting-disabled');
  });
});

describe('mergeExcerptPolicy', () => {
  it('lets an outlet widen or tighten single fields', () => {
    assert.deepEqual(mergeExcerptPolicy(DEFAULT_EXCERPT_POLICY, { maxWords: 300 }), { maxParagraphs: 3, maxWords: 300, maxShare: 0.3 });
    assert.deepEqual(mergeExcerptPolicy({ maxParagraphs: 4, maxWords: 150, maxShare: 0.2 }, { maxParagraphs: 1 }), { maxParagraphs: 1, maxWords: 150, maxShare: 0.2 });
  });
  it('ignores invalid override fields', () => {
    const bad = { maxWords: -1, maxParagraphs: Number.NaN, maxShare: undefined } as unknown as Partial<typeof DEFAULT_EXCERPT_POLICY>;
    assert.deepEqual(mergeExcerptPolicy(DEFAULT_EXCERPT_POLICY, bad), DEFAULT_EXCERPT_POLICY);
    assert.deepEqual(mergeExcerptPolicy(DEFAULT_EXCERPT_POLICY, null), DEFAULT_EXCERPT_POLICY);
  });
  it('applies a partner widening in takeExcerpt', () => {
    const body = [para(150), para(140), para(700), para(700)];
    assert.equal(takeExcerpt(body).paragraphsQuoted, 1);
    assert.equal(takeExcerpt(body, mergeExcerptPolicy(DEFAULT_EXCERPT_POLICY, { maxWords: 300 })).paragraphsQuoted, 2);
  });
});
