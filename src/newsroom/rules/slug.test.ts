import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pathInstant, piecePath, piecePathFor, slugify, transliterateUk, zonedDate } from './slug.ts';

describe('transliterateUk (KMU 2010)', () => {
  // Examples given in the resolution itself.
  const official: [string, string][] = [
    ['Алушта', 'Alushta'], ['Борщагівка', 'Borshchahivka'], ['Вінниця', 'Vinnytsia'], ['Гадяч', 'Hadiach'],
    ['Ґорґани', 'Gorgany'], ['Донецьк', 'Donetsk'], ['Рівне', 'Rivne'], ['Єнакієве', 'Yenakiieve'], ['Гаєвич', 'Haievych'],
    ['Короп’є', 'Koropie'], ['Житомир', 'Zhytomyr'], ['Закарпаття', 'Zakarpattia'], ['Медвин', 'Medvyn'], ['Іршава', 'Irshava'],
    ['Їжакевич', 'Yizhakevych'], ['Кадиївка', 'Kadyivka'], ['Йосипівка', 'Yosypivka'], ['Стрий', 'Stryi'], ['Олексій', 'Oleksii'],
    ['Київ', 'Kyiv'], ['Лебедин', 'Lebedyn'], ['Миколаїв', 'Mykolaiv'], ['Ніжин', 'Nizhyn'], ['Одеса', 'Odesa'], ['Полтава', 'Poltava'],
    ['Ромни', 'Romny'], ['Суми', 'Sumy'], ['Тетерів', 'Teteriv'], ['Ужгород', 'Uzhhorod'], ['Фастів', 'Fastiv'], ['Харків', 'Kharkiv'],
    ['Біла Церква', 'Bila Tserkva'], ['Чернівці', 'Chernivtsi'], ['Шостка', 'Shostka'], ['Гоща', 'Hoshcha'], ['Русь', 'Rus'],
    ['Юрій', 'Yurii'], ['Корюківка', 'Koriukivka'], ['Яготин', 'Yahotyn'], ['Костянтин', 'Kostiantyn'], ['Знам’янка', 'Znamianka'],
    ['Феодосія', 'Feodosiia'], ['Згорани', 'Zghorany'], ['Розгон', 'Rozghon'], ['Щербухи', 'Shcherbukhy'], ['Запоріжжя', 'Zaporizhzhia'],
  ];
  for (const [uk, en] of official) it(`${uk} → ${en}`, () => assert.equal(transliterateUk(uk), en));

  it('treats every apostrophe form as inside the word and drops it', () => {
    for (const a of ["'", '’', 'ʼ']) assert.equal(transliterateUk(`Знам${a}янка`), 'Znamianka');
  });
  it('uses the word-start form after spaces, hyphens and punctuation', () => {
    assert.equal(transliterateUk('Івано-Франківськ'), 'Ivano-Frankivsk');
    assert.equal(transliterateUk('стара Яготинська, «Юність»'), 'stara Yahotynska, «Yunist»');
    assert.equal(transliterateUk('ЄВРОПА'), 'YEVROPA');
  });
  it('handles Russian-only letters sensibly', () => {
    assert.equal(transliterateUk('Ёлки Объезд Эхо Бывший'), 'Yolky Obezd Ekho Byvshyi');
  });
  it('leaves Latin and digits alone', () => {
    assert.equal(transliterateUk('CNN 2022 — Київ'), 'CNN 2022 — Kyiv');
  });
});

describe('slugify', () => {
  it('slugs the reference headline', () => {
    assert.equal(slugify('Michael Bociurkiw: For Putin, Kazakhstan is a domino too big to fall'), 'michael-bociurkiw-for-putin-kazakhstan-is-a-domino-too-big-to-fall');
  });
  it('transliterates Ukrainian titles', () => {
    assert.equal(slugify('Збройні сили України звільнили Херсон'), 'zbroini-syly-ukrainy-zvilnyly-kherson');
    assert.equal(slugify('Згорани: м’ясо і сім’я'), 'zghorany-miaso-i-simia');
  });
  it('drops apostrophes and accents in Latin text', () => {
    assert.equal(slugify("Putin's “war” — Café Zürich & Łódź, Straße"), 'putins-war-cafe-zurich-lodz-strasse');
  });
  it('cuts at a word boundary within the limit', () => {
    assert.equal(slugify('alpha beta gamma delta', 12), 'alpha-beta');
    assert.equal(slugify('alpha beta gamma delta', 10), 'alpha-beta');
    assert.equal(slugify('alpha beta gamma delta', 11), 'alpha-beta');
    assert.equal(slugify('supercalifragilistic word', 8), 'supercal');
    const long = slugify('word '.repeat(40));
    assert.ok(long.length <= 80 && !long.endsWith('-'));
  });
  it('returns an empty slug when nothing is left', () => {
    assert.equal(slugify(' — !!! '), '');
    assert.equal(slugify('北京'), '');
  });
});

describe('piecePath', () => {
  it('formats the date in the site time zone', () => {
    assert.equal(
      piecePath('2022-01-18T13:54:00Z', 'michael-bociurkiw-for-putin-kazakhstan-is-a-domino-too-big-to-fall', 'Europe/Kyiv'),
      '/2022/01/18/michael-bociurkiw-for-putin-kazakhstan-is-a-domino-too-big-to-fall',
    );
  });
  it('takes the local day, not the UTC day, around midnight', () => {
    // 23:30 UTC on 31 Dec is 01:30 on 1 Jan in Kyiv (UTC+2 in winter).
    assert.equal(piecePath(new Date('2022-12-31T23:30:00Z'), 's', 'Europe/Kyiv'), '/2023/01/01/s');
    assert.equal(piecePath(new Date('2022-12-31T23:30:00Z'), 's', 'UTC'), '/2022/12/31/s');
    assert.deepEqual(zonedDate('2022-07-01T21:30:00Z', 'Europe/Kyiv'), { year: '2022', month: '07', day: '02' });
  });
  it('rejects an invalid instant', () => {
    assert.throws(() => piecePath('not a date', 's', 'Europe/Kyiv'), RangeError);
  });
});

describe('piecePathFor', () => {
  const base = { slug: 's', createdAt: '2026-03-01T10:00:00Z' };
  it('dates a recommendation by the original', () => {
    assert.equal(piecePathFor({ ...base, type: 'recommendation', originalPublishedAt: '2022-01-18T13:54:00Z', publishedAt: '2026-03-02T10:00:00Z' }, 'Europe/Kyiv'), '/2022/01/18/s');
    assert.equal(pathInstant({ ...base, type: 'recommendation' }), base.createdAt);
  });
  it('dates a story by our publication, else the schedule, else creation', () => {
    assert.equal(piecePathFor({ ...base, type: 'story', publishedAt: '2026-03-02T10:00:00Z', originalPublishedAt: '2020-01-01T00:00:00Z' }, 'Europe/Kyiv'), '/2026/03/02/s');
    assert.equal(pathInstant({ ...base, type: 'story', scheduledAt: '2026-04-01T00:00:00Z' }), '2026-04-01T00:00:00Z');
    assert.equal(pathInstant({ ...base, type: 'story' }), base.createdAt);
  });
});
