import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { creditsFromByline } from './names.ts';
import { nominativeOfGenitive, opensWithVid } from './uk-genitive.ts';

describe('Ukrainian bylines in the genitive', () => {
  it('puts feminine and masculine names back into the nominative', () => {
    const cases: [string, string][] = [
      ['Олени Петренко', 'Олена Петренко'],
      ['Ольги Ковальської', 'Ольга Ковальська'],
      ['Марії Шевчук', 'Марія Шевчук'],
      ['Наталії Гуменюк', 'Наталія Гуменюк'],
      ['Андрія Шевчука', 'Андрій Шевчук'],
      ['Олександра Петренка', 'Олександр Петренко'],
      ['Петра Коваля', 'Петро Коваль'],
      ['Ігоря Вишневського', 'Ігор Вишневський'],
      ['Дмитра Гнапа', 'Дмитро Гнап'],
    ];
    for (const [genitive, nominative] of cases) assert.equal(nominativeOfGenitive(genitive), nominative, genitive);
  });

  it('leaves Latin names, single words and names with a patronymic as printed', () => {
    for (const name of ['John Smith', 'Олени Петрівни Петренко', 'Петренко']) assert.equal(nominativeOfGenitive(name), name);
  });

  it('recognises a byline that opens with «Від»', () => {
    assert.ok(opensWithVid('Від Олени Петренко'));
    assert.ok(opensWithVid('від Андрія Шевчука'));
    assert.ok(!opensWithVid('Автор: Олена Петренко'));
    assert.ok(!opensWithVid('Відео: Олена Петренко'));
  });
});

describe('a «Від» byline on a page', () => {
  it('gives the author in the nominative, and leaves an «Автор:» byline as printed', () => {
    assert.deepEqual(creditsFromByline('Від Олени Петренко').people.map((p) => p.name), ['Олена Петренко']);
    assert.deepEqual(creditsFromByline('Від Андрія Шевчука та Ольги Ковальської').people.map((p) => p.name), ['Андрій Шевчук', 'Ольга Ковальська']);
    assert.deepEqual(creditsFromByline('Автор: Олена Петренко').people.map((p) => p.name), ['Олена Петренко']);
  });
});
