import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BodyBlock } from '../../model/capture.ts';
import { chooseExcerpt, excerptOptions } from './excerpt-choice.ts';

const para = (words: number): BodyBlock => ({ type: 'paragraph', html: Array.from({ length: words }, (_, i) => `w${i}`).join(' ') });
const BODY = [para(40), para(40), para(40), para(40), para(40), para(40), para(40), para(40), para(40), para(40)];

describe('excerpt choice', () => {
  it('offers only lengths within the policy', () => {
    const opts = excerptOptions(BODY, { maxParagraphs: 5, maxWords: 100, maxShare: 1 });
    assert.deepEqual(opts, [{ paragraphs: 1, words: 40 }, { paragraphs: 2, words: 80 }]);
  });
  it('refuses a choice beyond the policy, naming the field', () => {
    const r = chooseExcerpt(BODY, { maxParagraphs: 5, maxWords: 100, maxShare: 1 }, 3);
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.message : '', /^excerpt: .*at most 2/);
  });
  it('never quotes the whole piece', () => {
    const short = [para(10), para(10)];
    assert.deepEqual(excerptOptions(short, { maxParagraphs: 5, maxWords: 500, maxShare: 1 }), [{ paragraphs: 1, words: 10 }]);
    assert.equal(chooseExcerpt(short, { maxParagraphs: 5, maxWords: 500, maxShare: 1 }, 2).ok, false);
  });
  it('accepts no excerpt at all', () => {
    assert.deepEqual(chooseExcerpt(BODY, { maxParagraphs: 3, maxWords: 200, maxShare: 0.3 }, 0), { ok: true, blocks: [], words: 0 });
  });
});
