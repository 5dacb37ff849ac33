import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BodyBlock, Extraction } from '../../model/capture.ts';
import { defaultSiteSettings } from '../../model/site.ts';
import { draftRecommendation, pieceLanguage } from './recommendation-draft.ts';
import { piecePathFor } from './slug.ts';
import { validateLinks } from './links.ts';

// A made-up op-ed written for this test, shaped like the reference page.
const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
const body: BodyBlock[] = [
  { type: 'paragraph', html: `Rivers remember. ${words(40)}` },
  { type: 'paragraph', html: `The second paragraph <a href="https://river.example/report">cites a report</a>. ${words(70)}` },
  { type: 'paragraph', html: words(60) },
  { type: 'paragraph', html: words(400) },
  { type: 'paragraph', html: words(400) },
];

function extraction(over: Partial<Extraction> = {}): Extraction {
  return {
    headline: { value: 'For the river, the dam is a promise too big to break', source: 'json-ld' },
    kind: { value: 'opinion', source: 'json-ld' },
    authors: { value: [{ name: 'Mara Quill' }], source: 'json-ld' },
    bylineOrg: null,
    published: { value: '2022-01-18T15:54:00+02:00', source: 'json-ld' },
    modified: null,
    outlet: { value: { name: 'River News' }, source: 'og:site_name' },
    canonicalUrl: 'https://river.example/2022/01/18/opinions/dam-promise',
    language: 'en-GB',
    description: null,
    leadImage: { value: { url: 'https://river.example/img/dam.jpg', caption: 'The dam at dawn.', credit: 'river_photos', alt: 'A concrete dam' }, source: 'og:image' },
    body,
    bodySource: 'test',
    wordCount: 0,
    paywalled: false,
    warnings: [],
    ...over,
  };
}

const site = defaultSiteSettings({ en: 'The Desk', uk: 'Редакція' });

describe('draftRecommendation', () => {
  it('applies every rule of the reference page', () => {
    const d = draftRecommendation({ extraction: extraction(), site, outlet: { name: 'River News' }, authors: [{ id: 'p1', name: 'Mara Quill' }] });
    assert.deepEqual(d.warnings, []);
    assert.equal(d.displayHeadline, 'Mara Quill: For the river, the dam is a promise too big to break');
    assert.equal(d.fields.headline, 'For the river, the dam is a promise too big to break');
    assert.equal(d.fields.headlineOverride, undefined);
    assert.deepEqual(d.fields.authors, ['p1']);
    assert.equal(d.fields.originalPublishedAt, '2022-01-18T13:54:00.000Z');
    assert.deepEqual(d.fields.image, { decision: 'link', url: 'https://river.example/img/dam.jpg', caption: 'The dam at dawn.', credit: 'river_photos', alt: 'A concrete dam' });
    assert.equal(d.excerpt.paragraphsQuoted, 3);
    assert.deepEqual(d.fields.excerpt, body.slice(0, 3));
    assert.ok(d.excerpt.wordsQuoted <= 200);
    assert.equal(d.fields.editorsNote, 'This op-ed was published by River News. The Desk is aggregating it as a recommendation to our readers.');
    assert.equal(d.fields.originalUrl, 'https://river.example/2022/01/18/opinions/dam-promise');
    assert.equal(d.fields.seo, 'noindex');
    assert.equal(d.fields.language, 'en');
    assert.equal(d.fields.slug, 'mara-quill-for-the-river-the-dam-is-a-promise-too-big-to-break');
    assert.equal(piecePathFor({ ...d.fields, createdAt: '2026-01-01T00:00:00Z' }, site.timeZone), '/2022/01/18/mara-quill-for-the-river-the-dam-is-a-promise-too-big-to-break');
    assert.deepEqual(validateLinks({ originalUrl: d.fields.originalUrl, image: d.fields.image, excerpt: d.fields.excerpt }), []);
  });
  it("uses the editor's choices", () => {
    const d = draftRecommendation({
      extraction: extraction(), site, outlet: { name: 'River News' }, authors: [{ id: 'p1', name: 'Mara Quill' }],
      choices: { kind: 'analysis', headline: ' Our title ', note: 'Our note.', tags: ['rivers'], language: 'uk' },
    });
    assert.equal(d.displayHeadline, 'Our title');
    assert.equal(d.fields.headlineOverride, 'Our title');
    assert.equal(d.fields.kind, 'analysis');
    assert.equal(d.fields.editorsNote, 'Our note.');
    assert.deepEqual(d.fields.tags, ['rivers']);
    assert.equal(d.fields.language, 'uk');
    assert.equal(d.fields.slug, 'our-title');
  });
  it('writes the Ukrainian note with the Ukrainian site name', () => {
    const d = draftRecommendation({ extraction: extraction({ language: 'uk' }), site, outlet: { name: 'River News' }, authors: [{ id: 'p1', name: 'Мара Квіл' }] });
    assert.equal(d.fields.editorsNote, 'Цю колонку опублікувало видання River News. Редакція поширює її як рекомендацію для наших читачів.');
    assert.equal(d.fields.slug, 'mara-kvil-for-the-river-the-dam-is-a-promise-too-big-to-break');
  });
  it('warns about what is missing and never keeps a bad link', () => {
    const d = draftRecommendation({
      extraction: extraction({ kind: null, published: null, headline: null, leadImage: { value: { url: 'javascript:alert(1)' }, source: 'og:image' }, body: [{ type: 'paragraph', html: words(30) }], canonicalUrl: 'https://www.river.example/x' }),
      site, outlet: { name: ' ' }, authors: [],
    });
    assert.deepEqual(d.warnings.map((w) => w.field).sort(), ['authors', 'excerpt', 'headline', 'image.url', 'kind', 'originalPublishedAt', 'outlet']);
    assert.equal(d.outletName, 'river.example');
    assert.equal(d.fields.kind, 'other');
    assert.deepEqual(d.fields.image, { decision: 'none' });
    assert.deepEqual(d.fields.excerpt, []);
    assert.equal(d.fields.editorsNote, 'This piece was published by river.example. The Desk is aggregating it as a recommendation to our readers.');
    assert.equal(d.fields.slug, 'river-example');
  });
  it("applies the outlet's excerpt override", () => {
    const d = draftRecommendation({ extraction: extraction(), site, outlet: { name: 'River News', excerptPolicy: { maxParagraphs: 1 } }, authors: [] });
    assert.equal(d.excerpt.paragraphsQuoted, 1);
  });
});

describe('pieceLanguage', () => {
  it('maps BCP 47 tags to site languages', () => {
    assert.equal(pieceLanguage('uk-UA', site), 'uk');
    assert.equal(pieceLanguage('EN_us', site), 'en');
    assert.equal(pieceLanguage('de', site), 'en');
    assert.equal(pieceLanguage(null, { languages: ['uk', 'en'] }), 'uk');
  });
});
