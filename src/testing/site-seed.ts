/** Seeds a large fictional site for `bench:site`, `bench:load` and the load suite: outlets, people, tags and N pieces (mostly recommendations). */
import { defaultSiteSettings } from '../model/site.ts';
import { piecePathFor } from '../newsroom/rules/slug.ts';
import type { Store } from '../store/open.ts';
import { putSetting } from '../store/settings.ts';

const WORDS = 'grain corridor port ship river steppe market energy court election budget school hospital bridge railway harbour festival archive border council'.split(' ');
const KINDS = ['opinion', 'news', 'analysis', 'investigation', 'interview'];

function text(i: number, n: number): string {
  return Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');
}

/** Inserts the site and `count` published pieces; returns the path of a recommendation in the middle of the range. */
export async function seedBenchSite(store: Store, count: number, siteUrl: string): Promise<string> {
  const { db } = store;
  const now = new Date();
  const at = now.toISOString();
  const site = defaultSiteSettings({ en: 'The Bench Independent', uk: 'Тестове Незалежне' });
  site.readerSupport.en.buttonUrl = 'https://support.example.org/';
  await putSetting(db, 'site', site, at);
  const stamp = { created_at: at, updated_at: at };
  const outlets = await db.insertInto('outlets').values(Array.from({ length: 20 }, (_, i) => ({ name: `Outlet ${i}`, slug: `outlet-${i}`, home_url: `https://outlet${i}.example.com/`, ...stamp }))).returning('id').execute();
  const people = await db.insertInto('people').values(Array.from({ length: 200 }, (_, i) => ({
    slug: `person-${i}`, names: JSON.stringify({ en: `Person Number${i}`, uk: `Особа Номер${i}` }), spellings: '[]',
    bios: JSON.stringify({ en: `Person Number${i} is a fictional writer who covers ${text(i, 3)}.` }), website_url: `https://person${i}.example.org/`, profiles: '[]', pronoun: i % 2 ? 'he' : 'she', ...stamp,
  }))).returning('id').execute();
  const tags = await db.insertInto('tags').values(Array.from({ length: 50 }, (_, i) => ({ slug: `tag-${i}`, names: JSON.stringify({ en: `Tag ${i}`, uk: `Тег ${i}` }), created_at: at }))).returning('id').execute();
  let middle = '';
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i++) {
      const rec = i % 5 !== 0;
      const published = new Date(now.getTime() - (count - i) * 600_000).toISOString();
      const slug = `${text(i, 6).replace(/ /g, '-')}-${i}`;
      const type = rec ? 'recommendation' : 'story';
      const path = piecePathFor({ type, originalPublishedAt: published, publishedAt: published, createdAt: published, slug }, site.timeZone);
      const paragraphs = Array.from({ length: 3 }, (_, k) => ({ type: 'paragraph', html: `${text(i + k, 40)}.` }));
      const { id } = await trx.insertInto('pieces').values({
        type, kind: KINDS[i % KINDS.length]!, state: 'published', language: i % 4 === 0 ? 'uk' : 'en', slug, path, headline: `${text(i, 8)} ${i}`,
        standfirst: rec ? null : text(i, 15), body_md: rec ? null : paragraphs.map((p) => p.html).join('\n\n'), excerpt: rec ? JSON.stringify(paragraphs) : null,
        editor_note: rec ? `This piece was published by Outlet ${i % 20}. The Bench Independent is aggregating it as a recommendation to our readers.` : null,
        original_url: rec ? `https://outlet${i % 20}.example.com/${slug}` : null, outlet_id: rec ? Number(outlets[i % 20]!.id) : null, original_published_at: rec ? published : null,
        image: JSON.stringify({ decision: 'link', url: `${siteUrl}/assets/demo-lead.svg`, width: 1200, height: 675, alt: 'Newspapers', caption: text(i, 10), credit: `Photographer ${i % 9}` }),
        seo: rec ? 'noindex' : 'index', published_at: published, created_at: published, updated_at: published,
      }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('piece_authors').values([{ piece_id: Number(id), person_id: Number(people[i % 200]!.id), position: 0 }]).execute();
      await trx.insertInto('piece_tags').values([{ piece_id: Number(id), tag_id: Number(tags[i % 50]!.id) }, { piece_id: Number(id), tag_id: Number(tags[(i + 7) % 50]!.id) }]).execute();
      if (i === Math.floor(count / 2) + 1 && rec) middle = path;
      if (!middle && i > count / 2 && rec) middle = path;
    }
  });
  return middle;
}
