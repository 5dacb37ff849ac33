import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { splitCaption } from './credit.ts';
import { parseMachineDate, parseTextDate, parseUrlDate } from './date-parse.ts';
import { stripSiteName } from './headline.ts';
import { extractMetadata } from './index.ts';
import { namesFromByline } from './names.ts';

function doc(html: string): Document {
  return (parseHTML(html) as unknown as { document: Document }).document;
}

test('splitCaption keeps caption and credit apart', () => {
  assert.deepEqual(splitCaption('About 1,000 activists take part in a rally in Almaty. (orda_kz)'), { caption: 'About 1,000 activists take part in a rally in Almaty.', credit: 'orda_kz' });
  assert.deepEqual(splitCaption('A man walks past a burned car. Photo: Jane Doe/AP'), { caption: 'A man walks past a burned car.', credit: 'Jane Doe/AP' });
  assert.deepEqual(splitCaption('The market at dawn. Credit: John Smith'), { caption: 'The market at dawn.', credit: 'John Smith' });
  assert.deepEqual(splitCaption('Firefighters at work — Reuters'), { caption: 'Firefighters at work', credit: 'Reuters' });
  assert.deepEqual(splitCaption('Soldiers near the front line. Getty Images'), { caption: 'Soldiers near the front line.', credit: 'Getty Images' });
  assert.deepEqual(splitCaption('Players celebrate in Buffalo, N.Y. (AP Photo/Jeffrey Barnes)'), { caption: 'Players celebrate in Buffalo, N.Y.', credit: 'AP Photo/Jeffrey Barnes' });
  assert.deepEqual(splitCaption('Протестувальники на площі. Фото: Ілля Коваль'), { caption: 'Протестувальники на площі.', credit: 'Ілля Коваль' });
  assert.deepEqual(splitCaption('Photo: Anna Ivanova'), { credit: 'Anna Ivanova' });
  // Parentheses that are part of the sentence are no credit.
  assert.deepEqual(splitCaption('The council meets (left to right) on Monday'), { caption: 'The council meets (left to right) on Monday' });
  assert.deepEqual(splitCaption('Image: The mayor has agreed a deal to become head of the regional council'), { caption: 'The mayor has agreed a deal to become head of the regional council' });
  assert.deepEqual(splitCaption('The girl was found on Monday. (Published Monday, Nov. 18, 2019)'), { caption: 'The girl was found on Monday. (Published Monday, Nov. 18, 2019)' });
  assert.deepEqual(splitCaption(''), {});
});

test('namesFromByline strips "By", splits lists and refuses outlets, roles and URLs', () => {
  assert.deepEqual(namesFromByline('By Jane Doe and John Roe'), ['Jane Doe', 'John Roe']);
  assert.deepEqual(namesFromByline('By Jane Doe, John Roe & Ann Lee | January 5, 2022'), ['Jane Doe', 'John Roe', 'Ann Lee']);
  assert.deepEqual(namesFromByline('BY JANE DOE'), ['Jane Doe']);
  assert.deepEqual(namesFromByline('Jane Doe, Senior Editor'), ['Jane Doe']);
  assert.deepEqual(namesFromByline('Dec. 19, 2025 · Niko Matsakis on behalf of the team'), ['Niko Matsakis']);
  assert.deepEqual(namesFromByline('Автор: Олена Петренко'), ['Олена Петренко']);
  assert.deepEqual(namesFromByline('By CNN', ['CNN']), []);
  assert.deepEqual(namesFromByline('Jill Disis, CNN Business', ['CNN']), ['Jill Disis']);
  assert.deepEqual(namesFromByline('https://www.facebook.com/someone'), []);
  assert.deepEqual(namesFromByline('Bruce Y. Lee'), ['Bruce Y. Lee']);
  // A personal site's owner is a person even though the site bears their name.
  assert.deepEqual(namesFromByline('Erin Spain', ['Erin Spain', 'erinspain.com']), ['Erin Spain']);
});

test('dates parse to ISO text, keeping the offset the page gave', () => {
  assert.equal(parseMachineDate('2022-01-18T15:54:00+02:00')?.iso, '2022-01-18T15:54:00+02:00');
  assert.equal(parseMachineDate('2019-11-20T09:29:08+0000')?.iso, '2019-11-20T09:29:08+00:00');
  assert.equal(parseMachineDate('2022-02-30'), null);
  assert.equal(parseMachineDate('Tue, 18 Jan 2022 15:54:00 GMT')?.iso, '2022-01-18T15:54:00Z');
  assert.equal(parseTextDate('By Michael Ashworth January 18, 2022 3:54 pm')?.iso, '2022-01-18T15:54:00');
  assert.equal(parseTextDate('18 січня 2022 о 15:54')?.iso, '2022-01-18T15:54:00');
  assert.equal(parseTextDate('18 января 2022 г.')?.iso, '2022-01-18');
  assert.equal(parseTextDate('2023 Jan 7')?.iso, '2023-01-07');
  assert.equal(parseTextDate('no date here, only 12 apples'), null);
  assert.equal(parseUrlDate('https://x.example/2022/01/18/world/story')?.iso, '2022-01-18');
  assert.equal(parseUrlDate('https://x.example/world/story-12345'), null);
});

test('stripSiteName removes site names and short tails, not parts of the headline', () => {
  assert.equal(stripSiteName('Tax rises expected - CNN', ['CNN']), 'Tax rises expected');
  assert.equal(stripSiteName('Example News | Tax rises expected in spring', ['Example News']), 'Tax rises expected in spring');
  assert.equal(stripSiteName('Defer, Panic, and Recover - The Go Programming Language', ['go.dev']), 'Defer, Panic, and Recover');
  assert.equal(stripSiteName('Spider-Man returns', ['Site']), 'Spider-Man returns');
});

test('prefers saying nothing: no date on a page without one', () => {
  const m = extractMetadata(doc('<html><body><h1>A page about nothing much</h1><p>Text with 2019 in it.</p></body></html>'), 'https://x.example/about');
  assert.equal(m.published, null);
  assert.ok(m.warnings.some((w) => w.field === 'published'));
});

test('dates of related stories and updates are not the publication date', () => {
  const html = `<html><body><h1>Main story headline here</h1>
    <div class="byline">By Jane Roe</div><span class="post-date">Updated March 3, 2024</span>
    <aside class="related"><span class="date">May 1, 2021</span></aside><p>Body.</p></body></html>`;
  const m = extractMetadata(doc(html), 'https://x.example/story');
  assert.equal(m.published, null);
  assert.equal(m.modified?.value, '2024-03-03');
});

test('never throws and stays bounded on pathological pages', () => {
  const deep = `<html><body>${'<div class="meta">'.repeat(20000)}By Jane Roe${'</div>'.repeat(20000)}</body></html>`;
  const big = `<html><body><h1>A long page headline</h1><p class="date">${'x'.repeat(10_000_000)}</p><script type="application/ld+json">{bad json</script></body></html>`;
  for (const html of [deep, big, '', '<<<>>>', '<html><head><meta property="og:image" content="javascript:alert(1)"></head></html>']) {
    const m = extractMetadata(doc(html), 'https://x.example/a');
    assert.equal(m.canonicalUrl, 'https://x.example/a');
    assert.equal(m.leadImage, null);
  }
});

test('never returns an invalid link as an author website', () => {
  const html = `<html><body><h1>Headline of the piece</h1><div class="byline">By Jane Roe</div>
    <div class="author-box"><p>Jane Roe is a reporter who writes about rivers and towns.</p><a href="">See her website</a><a href="javascript:void(0)">x</a></div></body></html>`;
  const m = extractMetadata(doc(html), 'https://x.example/story');
  assert.equal(m.authors?.value[0]?.name, 'Jane Roe');
  assert.equal(m.authors?.value[0]?.website, undefined);
  assert.equal(m.authors?.value[0]?.bio, 'Jane Roe is a reporter who writes about rivers and towns.');
});
