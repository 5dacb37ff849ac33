import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { insertPiece } from '../../store/pieces.ts';
import { storeKinds } from '../../testing/test-stores.ts';
import { startSampleApp, type SampleApp } from './sample-app.ts';

/** The document of an HTML response. */
function doc(body: string) {
  return parseHTML(body).document;
}

for (const kind of storeKinds()) {
  describe(`reader site pages (${kind.name})`, () => {
    let s: SampleApp;
    before(async () => { s = await startSampleApp(kind); });
    after(async () => { await s.close(); });
    const get = (url: string, headers: Record<string, string> = {}) => s.app.inject({ method: 'GET', url, headers });

    it('home: masthead date in the site zone and language, recommendations told apart, sections, outlets strip', async () => {
      const en = await get('/');
      assert.equal(en.statusCode, 200);
      const d = doc(en.body);
      assert.equal(d.querySelector('.masthead-date')?.textContent, 'Saturday, December 10, 2022');
      assert.ok(d.querySelectorAll('.item-rec').length >= 2 && d.querySelectorAll('.item-story').length >= 1);
      assert.match(d.querySelector('.item-rec .item-label')!.textContent!, /Recommended from/);
      const links = [...d.querySelectorAll('.item-headline a')].map((a) => a.getAttribute('href'));
      assert.equal(new Set(links).size, links.length, 'the front page does not repeat a piece');
      assert.deepEqual([...d.querySelectorAll('.outlets-strip a')].map((a) => a.getAttribute('href')), ['/outlets/example-daily', '/outlets/pryklad-media']);
      assert.ok(!en.body.includes('withdrawn report'), 'retracted pieces are not listed');
      const uk = doc((await get('/uk/')).body);
      assert.equal(uk.querySelector('.masthead-date')?.textContent, 'субота, 10 грудня 2022 р.');
      assert.equal(uk.documentElement.getAttribute('lang'), 'uk');
      assert.equal(uk.querySelector('a[href="/uk/tag/ukraina"], .item a[href^="/uk/20"]') !== null, true);
    });

    it('piece page follows the anatomy order with semantic elements', async () => {
      const res = await get(s.sample.opinionPath);
      assert.equal(res.statusCode, 200);
      const d = doc(res.body);
      const order = ['.masthead-date', 'h1.headline', '.byline-authors', 'time[datetime]', 'figure.lead img', 'figcaption .credit', '.excerpt p', '.continue a', 'aside.editors-note', '.author-box', '.tags', '.support'];
      const all = [...d.querySelectorAll('*')];
      const positions = order.map((sel) => all.indexOf(d.querySelector(sel)!));
      assert.ok(positions.every((p) => p >= 0), `missing: ${order.filter((_, i) => positions[i]! < 0)}`);
      assert.deepEqual([...positions].sort((a, b) => a - b), positions);
      assert.equal(d.querySelector('h1')!.textContent, 'Ann Writer and Bo Critic: For the steppe, a domino too big to fall');
      assert.equal(d.querySelector('.byline-authors')!.textContent, 'by Ann Writer and Bo Critic');
      assert.equal(d.querySelector('.byline time')!.textContent, 'December 10, 2022 7:00 am');
      assert.equal(d.querySelector('.byline time')!.getAttribute('datetime'), '2022-12-10T05:00:00.000Z');
      assert.equal(d.querySelector('figcaption .credit')!.textContent, '(example_photo)');
      assert.equal(d.querySelector('figcaption .caption')!.textContent, 'Activists gather at a rally in the square.');
      assert.equal(d.querySelector('.continue a')!.textContent, 'Continue reading on Example Daily website');
      assert.equal(d.querySelector('.continue a')!.getAttribute('rel'), 'noopener');
      assert.equal(d.querySelectorAll('.excerpt p').length, 3);
      assert.match(d.querySelector('.editors-note')!.textContent!, /^Editor’s Note: This op-ed was published by Example Daily\. The Sample Independent is aggregating it/);
      const boxes = [...d.querySelectorAll('.author-box')];
      assert.equal(boxes.length, 2);
      assert.equal(boxes[0]!.querySelector('.author-website a')!.textContent, 'See her website');
      assert.equal(boxes[1]!.querySelector('.author-website'), null, 'an empty website renders no link');
      assert.equal(d.querySelectorAll('a[href=""]').length, 0);
      assert.equal(d.querySelector('.support a.button')!.getAttribute('href'), 'https://support.example.org/');
    });

    it('piece page SEO: JSON-LD never claims the original, robots and canonical follow the policy', async () => {
      const d = doc((await get(s.sample.opinionPath)).body);
      const ld = JSON.parse(d.querySelector('script[type="application/ld+json"]')!.textContent!);
      assert.equal(ld['@type'], 'WebPage');
      assert.equal(ld.author, undefined);
      assert.equal(ld.isBasedOn.url, 'https://daily.example.com/for-the-steppe-a-domino-too-big-to-fall');
      assert.equal(ld.isBasedOn.publisher.name, 'Example Daily');
      assert.deepEqual(ld.isBasedOn.author.map((a: { name: string }) => a.name), ['Ann Writer', 'Bo Critic']);
      assert.equal(d.querySelector('meta[name="robots"]'), null, 'seo=index');
      assert.equal(d.querySelector('meta[property="og:title"]')!.getAttribute('content'), 'Ann Writer and Bo Critic: For the steppe, a domino too big to fall');
      assert.equal(d.querySelectorAll('link[rel="canonical"]').length, 1);
      const uk = doc((await get(s.sample.ukPath)).body);
      assert.equal(uk.querySelector('meta[name="robots"]')!.getAttribute('content'), 'noindex, follow');
      await s.store.db.updateTable('pieces').set({ seo: 'canonical' }).where('path', '=', s.sample.ukPath).execute();
      await s.rt.syncNow();
      const canonical = doc((await get(s.sample.ukPath)).body);
      assert.equal(canonical.querySelector('meta[name="robots"]'), null);
      assert.equal(canonical.querySelector('link[rel="canonical"]')!.getAttribute('href'), 'https://daily.example.com/yak-nezalezhni-redaktsii-diliatsia-novynamy');
      await s.store.db.updateTable('pieces').set({ seo: 'noindex' }).where('path', '=', s.sample.ukPath).execute();
      const story = doc((await get(s.sample.storyPath)).body);
      const sld = JSON.parse(story.querySelector('script[type="application/ld+json"]')!.textContent!);
      assert.equal(sld['@type'], 'NewsArticle');
      assert.equal(sld.publisher.name, 'The Sample Independent');
      assert.equal(story.querySelector('.body h2')!.textContent, 'Why Kyiv');
      assert.equal(story.querySelector('.continue'), null);
      assert.match(story.querySelector('.corrections')!.textContent!, /misstated/);
    });

    it('the piece page in Ukrainian interface keeps the piece language and links in /uk/', async () => {
      const res = await get(`/uk${s.sample.opinionPath}`);
      assert.equal(res.statusCode, 200);
      const d = doc(res.body);
      assert.equal(d.querySelector('.continue a')!.textContent, 'Читати далі на сайті Example Daily');
      assert.equal(d.querySelector('article')!.getAttribute('lang'), 'en');
      assert.equal(d.querySelector('.tags a')!.getAttribute('href'), '/uk/tag/kazakhstan');
      assert.equal(d.querySelector('link[rel="canonical"]')!.getAttribute('href'), `http://site.test${s.sample.opinionPath}`);
      assert.equal((await get(`/en${s.sample.opinionPath}`)).statusCode, 301);
    });

    it('tag, person, outlet and archive pages list the right pieces', async () => {
      const tag = doc((await get('/tag/kazakhstan')).body);
      assert.equal(tag.querySelector('h1')!.textContent, 'Tag: Kazakhstan');
      assert.equal(tag.querySelectorAll('.item').length, 2);
      assert.ok(tag.querySelector('link[type="application/rss+xml"][href="/tag/kazakhstan/feed.xml"]'));
      const person = doc((await get('/people/ann-writer')).body);
      assert.equal(person.querySelectorAll('.item').length, 2);
      assert.equal(person.querySelector('.person-intro a')!.getAttribute('href'), 'https://ann.example.org/');
      const personLd = JSON.parse(person.querySelector('script[type="application/ld+json"]')!.textContent!);
      assert.equal(personLd['@type'], 'ProfilePage');
      assert.equal(personLd.mainEntity.name, person.querySelector('h1')!.textContent);
      assert.ok(personLd.mainEntity.url.endsWith('/people/ann-writer'));
      assert.ok(personLd.mainEntity.sameAs.includes('https://ann.example.org/'));
      const outlet = doc((await get('/outlets/pryklad-media')).body);
      assert.equal(outlet.querySelectorAll('.item').length, 1);
      const outletLd = JSON.parse(outlet.querySelector('script[type="application/ld+json"]')!.textContent!);
      assert.equal(outletLd.about['@type'], 'NewsMediaOrganization');
      assert.ok(outletLd.url.endsWith('/outlets/pryklad-media'));
      const ukOutletLd = JSON.parse(doc((await get('/uk/outlets/pryklad-media')).body).querySelector('script[type="application/ld+json"]')!.textContent!);
      assert.ok(ukOutletLd.url.endsWith('/uk/outlets/pryklad-media'), ukOutletLd.url);
      const archive = doc((await get('/archive')).body);
      const month = archive.querySelector('.archive-months a')!;
      assert.equal(month.getAttribute('href'), '/archive/2022/12');
      assert.equal(doc((await get('/archive/2022/12')).body).querySelectorAll('.item').length, 4);
      assert.equal(doc((await get('/uk/archive')).body).querySelector('.archive-months a')!.textContent, 'грудень 2022 р.');
    });

    it('404 with useful links for unknown slugs; 410 for retracted; no broken image box', async () => {
      for (const url of ['/tag/nope', '/people/nope', '/outlets/nope', '/2022/12/10/nope', '/uk/tag/nope', '/archive/2022/13', '/nothing/here']) {
        const res = await get(url);
        assert.equal(res.statusCode, 404, url);
        const d = doc(res.body);
        assert.ok(d.querySelector('form[role="search"]') && d.querySelector('a[href$="/archive"]'), url);
        assert.ok(d.querySelectorAll('.item').length > 0, url);
      }
      assert.equal(doc((await get('/uk/tag/nope')).body).documentElement.getAttribute('lang'), 'uk');
      const gone = await get(s.sample.retractedPath);
      assert.equal(gone.statusCode, 410);
      assert.match(gone.body, /the original was withdrawn/);
      const noImage = await get(s.sample.goneImagePath);
      assert.equal(noImage.statusCode, 200);
      assert.equal(doc(noImage.body).querySelector('figure, img'), null);
    });

    it('bad input is a normal page, never a 500', async () => {
      const urls = ['/?page=99999999999999999999', '/latest?page=-1', '/latest?page=1e9', '/latest?page[]=2&page=x', '/tag/kazakhstan?page=%E0%A4%A',
        '/latest?page=5000000', '/search?q=%E0%A4%A', '/search?q=NEAR(a%20b)%20OR%20%22x%22*%20AND%20-y', `/search?q=${'слово '.repeat(1700)}`,
        '/search?q=a&q=b', '/search?q[x]=1', '/2022/12/10/%00', `/tag/${'x'.repeat(400)}`, '/sitemaps/pieces-999999.xml', '/sitemaps/..%2f..%2fetc'];
      for (const url of urls) {
        const res = await get(url);
        assert.ok(res.statusCode < 500, `${url} → ${res.statusCode}`);
        if (res.statusCode === 200 || res.statusCode === 404) assert.match(res.headers['content-type'] as string, /text\/html|xml/, url);
      }
      const past = await get('/latest?page=5000');
      assert.equal(past.statusCode, 404);
      assert.match(past.body, /There is nothing on page 5,000/);
    });

    it('home sections by kind show pieces older than the latest list (runs last: it adds pieces)', async () => {
      for (let i = 0; i < 13; i++) {
        const at = new Date(Date.UTC(2022, 11, 9, 8, i)).toISOString();
        await insertPiece(s.store.db, { row: { type: 'story', kind: 'analysis', state: 'published', language: 'en', slug: `a-${i}`, path: `/2022/12/09/a-${i}`, headline: `Analysis ${i}`, body_md: 'x', seo: 'index', published_at: at, created_at: at, updated_at: at }, authorIds: [], tagIds: [] });
      }
      await s.rt.syncNow();
      const d = doc((await get('/')).body);
      assert.equal(d.querySelectorAll('.latest .item').length, 12);
      // The 12 latest are the 4 sample pieces and Analysis 12…5; the analysis section goes on with the next four.
      const section = [...d.querySelectorAll('.section .item-headline a')].map((a) => a.textContent);
      assert.deepEqual(section, ['Analysis 4', 'Analysis 3', 'Analysis 2', 'Analysis 1']);
      assert.equal(d.querySelector('#section-opinion'), null, 'the only opinion piece is already in the latest list');
    });

    it('search: ranked, highlighted, Ukrainian and English', async () => {
      const en = doc((await get('/search?q=steppe')).body);
      assert.equal(en.querySelectorAll('.item').length, 2);
      assert.deepEqual([...en.querySelectorAll('.item-headline mark')].map((m) => m.textContent), ['steppe', 'steppe']);
      const ranked = doc((await get('/search?q=summer%20river')).body);
      assert.match(ranked.querySelector('.item-snippet')!.innerHTML, /<mark>Rivers<\/mark> run dry in <mark>summer<\/mark>/);
      const uk = doc((await get(`/uk/search?q=${encodeURIComponent('РЕДАКЦІЇ')}`)).body);
      // The Ukrainian piece by its headline, and our story by its author's Ukrainian name (Репортер Редакції).
      assert.equal(uk.querySelectorAll('.item').length, 2);
      assert.equal(uk.querySelector('.item-headline mark')!.textContent, 'редакції');
      assert.match(uk.querySelector('[role="status"]')!.textContent!, /Результатів за запитом «РЕДАКЦІЇ»: 2/);
      const none = doc((await get('/search?q=zzzzqqq')).body);
      assert.match(none.querySelector('[role="status"]')!.textContent!, /Nothing matched/);
      const byName = doc((await get('/search?q=bo%20critic')).body);
      assert.equal(byName.querySelectorAll('.item').length, 2, 'author names are searchable');
    });
  });
}
