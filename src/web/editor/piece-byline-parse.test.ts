import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../model/app-error.ts';
import { parseByline } from './piece-byline.ts';

describe('parseByline', () => {
  const known = new Set([1, 2, 3]);
  it('orders by position, drops removed rows and duplicates', () => {
    const b = parseByline({ author_0: '1', author_pos_0: '3', author_1: '2', author_pos_1: '1', author_2: '', author_pos_2: '2', author_3: '2', author_pos_3: '4', author_new: '' }, known);
    assert.deepEqual(b, { ids: [2, 1], newName: '' });
  });
  it('keeps rows without a usable position after the numbered ones, in form order', () => {
    assert.deepEqual(parseByline({ author_0: '3', author_pos_0: '', author_1: '1', author_pos_1: '1' }, known)?.ids, [1, 3]);
  });
  it('leaves the byline alone when the form has no author rows', () => {
    assert.equal(parseByline({ headline: 'x' }, known), undefined);
  });
  it('refuses a person that does not exist, naming the field', () => {
    assert.throws(() => parseByline({ author_0: '99', author_pos_0: '1' }, known), (e: unknown) => e instanceof AppError && e.code === 'invalid' && /^authors: /.test(e.message));
  });
});
