import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { captionLine } from './image-caption.ts';

describe('captionLine', () => {
  it('puts the credit in parentheses after the caption', () => {
    assert.equal(captionLine('Activists rally in Aktobe.', 'orda_kz'), 'Activists rally in Aktobe. (orda_kz)');
  });
  it('does not double parentheses or repeat a credit the caption already carries', () => {
    assert.equal(captionLine('A rally.', '(Reuters)'), 'A rally. (Reuters)');
    assert.equal(captionLine('A rally. (Reuters)', 'Reuters'), 'A rally. (Reuters)');
    assert.equal(captionLine('A rally. Photo: Reuters', 'Reuters'), 'A rally. Photo: Reuters');
  });
  it('handles either part missing', () => {
    assert.equal(captionLine('Only caption', ''), 'Only caption');
    assert.equal(captionLine(undefined, 'AP'), '(AP)');
    assert.equal(captionLine(null, null), '');
  });
});
