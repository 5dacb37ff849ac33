import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ARTICLE_KINDS } from './capture.ts';
import { DEFAULT_NOTE_TEMPLATES, LANGUAGES, defaultSiteSettings, localized } from './site.ts';

describe('defaultSiteSettings', () => {
  it('gives a Kyiv English+Ukrainian newsroom the documented defaults', () => {
    const s = defaultSiteSettings({ en: 'The Kyiv Desk', uk: 'Київська редакція' });
    assert.equal(s.timeZone, 'Europe/Kyiv');
    assert.deepEqual(s.languages, ['en', 'uk']);
    assert.deepEqual(s.excerptPolicy, { maxParagraphs: 3, maxWords: 200, maxShare: 0.3 });
    assert.equal(s.seoDefault, 'noindex');
    assert.equal(s.name.uk, 'Київська редакція');
    assert.equal(s.noteTemplates.opinion.en, 'This op-ed was published by {outlet}. {site} is aggregating it as a recommendation to our readers.');
    for (const lang of LANGUAGES) {
      assert.ok(s.readerSupport[lang].heading && s.readerSupport[lang].text && s.readerSupport[lang].buttonLabel, lang);
      // No donation page is known yet: no button rather than an empty link.
      assert.equal(s.readerSupport[lang].buttonUrl, null);
    }
  });
  it('has a template for every kind and language', () => {
    for (const kind of ARTICLE_KINDS) for (const lang of LANGUAGES) assert.match(DEFAULT_NOTE_TEMPLATES[kind][lang], /\{outlet\}.*\{site\}/, `${kind}/${lang}`);
  });
  it('returns copies that callers may change without touching the defaults', () => {
    const a = defaultSiteSettings();
    a.noteTemplates.news.en = 'changed';
    a.excerptPolicy.maxWords = 1;
    const b = defaultSiteSettings();
    assert.notEqual(b.noteTemplates.news.en, 'changed');
    assert.equal(b.excerptPolicy.maxWords, 200);
  });
});

describe('localized', () => {
  it('falls back to English for a missing or blank language', () => {
    assert.equal(localized({ en: 'Site', uk: 'Сайт' }, 'uk'), 'Сайт');
    assert.equal(localized({ en: 'Site' }, 'uk'), 'Site');
    assert.equal(localized({ en: 'Site', uk: ' ' }, 'uk'), 'Site');
  });
});
