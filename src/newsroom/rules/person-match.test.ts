import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type KnownPerson, matchAuthors, matchPerson, profileKey } from './person-match.ts';

const people: KnownPerson[] = [
  {
    id: 'mb',
    names: { en: 'Michael Bociurkiw', uk: 'Майкл Бочурків' },
    otherSpellings: ['Michael Bociurkiw Jr.', 'Mykhailo Bochurkiv'],
    profiles: ['https://edition.cnn.com/profiles/michael-bociurkiw', 'https://twitter.com/WorldAffairsPro'],
    website: 'https://bociurkiw.example/',
  },
  { id: 'js', names: { en: 'John Smith' }, otherSpellings: [], profiles: ['https://news.example/authors/john-smith'] },
  { id: 'js2', names: { en: 'John Smith' }, otherSpellings: [], profiles: [] },
  { id: 'zn', names: { en: 'Zoë Núñez' }, otherSpellings: [], profiles: ['https://outlet.example/?author=42'] },
  { id: 'home', names: { en: 'Ann Lee' }, otherSpellings: [], profiles: ['https://cnn.com/'] },
];

describe('matchPerson by URL', () => {
  it('matches a profile URL ignoring scheme, www, trailing slash, fragment and case', () => {
    assert.deepEqual(matchPerson(people, { name: 'Somebody Else', url: 'http://EDITION.cnn.com/profiles/Michael-Bociurkiw/#top' }), { kind: 'match', personId: 'mb', by: 'url' });
    assert.deepEqual(matchPerson(people, { name: 'x', sameAs: ['https://www.twitter.com/worldaffairspro'] }), { kind: 'match', personId: 'mb', by: 'url' });
  });
  it("matches the person's own website, home page included", () => {
    assert.deepEqual(matchPerson(people, { name: 'M. B.', website: 'http://bociurkiw.example' }), { kind: 'match', personId: 'mb', by: 'url' });
  });
  it('keeps a query that identifies the author', () => {
    assert.deepEqual(matchPerson(people, { name: 'x', url: 'https://outlet.example/?author=42' }), { kind: 'match', personId: 'zn', by: 'url' });
    assert.deepEqual(matchPerson(people, { name: 'x', url: 'https://outlet.example/?author=43' }), { kind: 'none' });
  });
  it('never matches on an outlet home page', () => {
    assert.deepEqual(matchPerson(people, { name: 'Bob Stone', url: 'https://www.cnn.com' }), { kind: 'none' });
  });
  it('prefers a URL match over a name match', () => {
    assert.deepEqual(matchPerson(people, { name: 'John Smith', url: 'https://news.example/authors/john-smith' }), { kind: 'match', personId: 'js', by: 'url' });
  });
});

describe('matchPerson by name', () => {
  it('matches any spelling in any language, with byline labels, case and spacing normalised', () => {
    for (const name of ['Michael Bociurkiw', 'By Michael  Bociurkiw', 'OPINION BY michael bociurkiw', 'Майкл Бочурків', 'Автор: Майкл Бочурків', 'Mykhailo Bochurkiv', 'Michael Bociurkiw Jr']) {
      assert.deepEqual(matchPerson(people, { name }), { kind: 'match', personId: 'mb', by: 'name' }, name);
    }
  });
  it('ignores diacritics and hyphen/apostrophe differences', () => {
    assert.deepEqual(matchPerson(people, { name: 'Zoe Nunez' }), { kind: 'match', personId: 'zn', by: 'name' });
    assert.deepEqual(matchPerson(people, { name: 'ZOË  NÚÑEZ' }), { kind: 'match', personId: 'zn', by: 'name' });
  });
  it('never matches a bare surname or first name', () => {
    assert.deepEqual(matchPerson(people, { name: 'Bociurkiw' }), { kind: 'none' });
    assert.deepEqual(matchPerson(people, { name: 'By Bociurkiw' }), { kind: 'none' });
    assert.deepEqual(matchPerson(people, { name: 'Michael' }), { kind: 'none' });
    assert.deepEqual(matchPerson(people, { name: '' }), { kind: 'none' });
  });
  it('does not match a different full name sharing the surname', () => {
    assert.deepEqual(matchPerson(people, { name: 'Anna Bociurkiw' }), { kind: 'none' });
  });
  it('reports two people with the same name as ambiguous', () => {
    assert.deepEqual(matchPerson(people, { name: 'John Smith' }), { kind: 'ambiguous', personIds: ['js', 'js2'], by: 'name' });
  });
  it('matches nobody in an empty list', () => {
    assert.deepEqual(matchPerson([], { name: 'Michael Bociurkiw', url: 'https://edition.cnn.com/profiles/michael-bociurkiw' }), { kind: 'none' });
  });
});

describe('matchAuthors', () => {
  it('matches each captured author; an empty byline gives no matches', () => {
    assert.deepEqual(matchAuthors(people, []), []);
    assert.deepEqual(
      matchAuthors(people, [{ name: 'Michael Bociurkiw' }, { name: 'New Person' }]).map((m) => m.kind),
      ['match', 'none'],
    );
  });
});

describe('profileKey', () => {
  it('normalises and refuses non-http URLs', () => {
    assert.equal(profileKey('HTTPS://WWW.Example.com/A/B/'), 'example.com/a/b');
    assert.equal(profileKey('javascript:alert(1)'), null);
    assert.equal(profileKey('/relative'), null);
  });
});
