import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { continueReadingText, websiteLinkText } from './link-text.ts';

describe('continueReadingText', () => {
  it('names the outlet in both languages', () => {
    assert.equal(continueReadingText('CNN', 'en'), 'Continue reading on CNN website');
    assert.equal(continueReadingText(' CNN ', 'uk'), 'Читати далі на сайті CNN');
  });
});

describe('websiteLinkText', () => {
  it('follows the pronoun', () => {
    assert.equal(websiteLinkText('he', 'en'), 'See his website');
    assert.equal(websiteLinkText('she', 'en'), 'See her website');
    assert.equal(websiteLinkText('they', 'en'), 'See their website');
    assert.equal(websiteLinkText('he', 'uk'), 'Його вебсайт');
    assert.equal(websiteLinkText('she', 'uk'), 'Її вебсайт');
    assert.equal(websiteLinkText('they', 'uk'), 'Їхній вебсайт');
  });
});
