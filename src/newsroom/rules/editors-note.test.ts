import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ARTICLE_KINDS } from '../../model/capture.ts';
import { DEFAULT_NOTE_TEMPLATES, LANGUAGES } from '../../model/site.ts';
import { TemplatePlaceholderError, checkTemplate, editorsNote, fillTemplate, noteTemplate, templatePlaceholders } from './editors-note.ts';

describe('editorsNote', () => {
  it('fills the reference English opinion note exactly', () => {
    assert.equal(
      editorsNote({ kind: 'opinion', lang: 'en', outlet: 'CNN', site: 'The Kyiv Independent' }),
      'This op-ed was published by CNN. The Kyiv Independent is aggregating it as a recommendation to our readers.',
    );
  });
  it('has a filled note for every kind and language with both names and no placeholder left', () => {
    for (const kind of ARTICLE_KINDS) {
      for (const lang of LANGUAGES) {
        const note = editorsNote({ kind, lang, outlet: 'OUTLET', site: 'SITE' });
        assert.ok(note.includes('OUTLET') && note.includes('SITE'), `${kind}/${lang}`);
        assert.doesNotMatch(note, /[{}]/);
      }
    }
  });
  it('writes Ukrainian notes', () => {
    assert.equal(
      editorsNote({ kind: 'opinion', lang: 'uk', outlet: 'CNN', site: 'Newsdesk' }),
      'Цю колонку опублікувало видання CNN. Newsdesk поширює її як рекомендацію для наших читачів.',
    );
    assert.match(editorsNote({ kind: 'investigation', lang: 'uk', outlet: 'CNN', site: 'N' }), /^Це розслідування .* поширює його /);
  });
  it("uses the site's own template and falls back when it is blank", () => {
    const templates = { news: { en: '{site} recommends this {outlet} story.', uk: ' ' } };
    assert.equal(editorsNote({ kind: 'news', lang: 'en', outlet: 'BBC', site: 'We', templates }), 'We recommends this BBC story.');
    assert.equal(noteTemplate('news', 'uk', templates), DEFAULT_NOTE_TEMPLATES.news.uk);
  });
  it('refuses to leave a hole for a blank outlet name', () => {
    assert.throws(() => editorsNote({ kind: 'news', lang: 'en', outlet: ' ', site: 'We' }), (e: unknown) => e instanceof TemplatePlaceholderError && e.placeholder === 'outlet');
  });
});

describe('fillTemplate', () => {
  it('names an unknown placeholder', () => {
    assert.throws(() => fillTemplate('By {outlett}.', { outlet: 'CNN' }), (e: unknown) => e instanceof TemplatePlaceholderError && e.placeholder === 'outlett' && /\{outlett\}/.test(e.message));
  });
  it('fills in one pass so values cannot inject placeholders', () => {
    assert.equal(fillTemplate('{outlet} / {site}', { outlet: '{site}', site: 'S' }), '{site} / S');
  });
  it('writes literal braces for {{ and }}', () => {
    assert.equal(fillTemplate('{{x}} {site}', { site: 'S' }), '{x} S');
  });
  it('does not treat inherited object keys as values', () => {
    assert.throws(() => fillTemplate('{toString}', {}), TemplatePlaceholderError);
  });
});

describe('checkTemplate', () => {
  it('accepts the defaults and rejects unknown placeholders', () => {
    for (const byLang of Object.values(DEFAULT_NOTE_TEMPLATES)) for (const t of Object.values(byLang)) assert.deepEqual(checkTemplate(t), { ok: true });
    const r = checkTemplate('{outlet} and {author}');
    assert.equal(r.ok, false);
    assert.equal(r.ok === false && r.placeholder, 'author');
    assert.deepEqual(templatePlaceholders('{a}{b}{a}{{c}}'), ['a', 'b']);
  });
});
