import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { personFromCapture } from './person-from-capture.ts';

describe('personFromCapture', () => {
  it('keeps the author box: name, bio, website, profiles', () => {
    const { person, warnings } = personFromCapture(
      { name: 'Jane Doe', bio: ' Jane Doe is a writer. ', website: 'https://janedoe.example', url: 'https://outlet.example/authors/jane', sameAs: ['https://outlet.example/authors/jane', 'https://social.example/@jane'] },
      'en',
    );
    assert.deepEqual(warnings, []);
    assert.deepEqual(person, {
      names: { en: 'Jane Doe' },
      otherSpellings: [],
      slug: 'jane-doe',
      bios: { en: 'Jane Doe is a writer.' },
      profiles: ['https://outlet.example/authors/jane', 'https://social.example/@jane'],
      pronoun: 'they',
      staff: false,
      website: 'https://janedoe.example/',
    });
  });
  it('drops an invalid website with a warning instead of keeping an empty link', () => {
    for (const website of ['', 'javascript:alert(1)', '/about']) {
      const { person, warnings } = personFromCapture({ name: 'Jane Doe', website }, 'en');
      assert.equal(person.website, undefined);
      assert.equal(warnings[0]?.field, 'website');
    }
  });
  it('strips a byline label and remembers the spelling seen', () => {
    const { person } = personFromCapture({ name: 'By  Jane Doe' }, 'en');
    assert.equal(person.names.en, 'Jane Doe');
    assert.deepEqual(person.otherSpellings, ['By  Jane Doe']);
  });
  it('gives a Ukrainian author a transliterated English name and a Latin slug', () => {
    const { person } = personFromCapture({ name: 'Олена Їжакевич', photo: 'https://img.example/o.jpg', bio: 'Журналістка.' }, 'uk');
    assert.deepEqual(person.names, { en: 'Olena Yizhakevych', uk: 'Олена Їжакевич' });
    assert.equal(person.slug, 'olena-yizhakevych');
    assert.deepEqual(person.bios, { uk: 'Журналістка.' });
    assert.deepEqual(person.photo, { url: 'https://img.example/o.jpg', alt: 'Олена Їжакевич' });
  });
});
