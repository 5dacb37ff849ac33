import type { BodyBlock } from '../../model/capture.ts';
import { defaultSiteSettings } from '../../model/site.ts';
import { editorsNote } from '../../newsroom/rules/editors-note.ts';
import { piecePathFor, slugify } from '../../newsroom/rules/slug.ts';
import { ensureTag, insertOutlet, insertPerson } from '../../store/directory.ts';
import type { Store } from '../../store/open.ts';
import { insertCorrection, insertPiece } from '../../store/pieces.ts';
import { recordLinkCheck } from '../../store/link-checks.ts';
import { putSetting } from '../../store/settings.ts';

/*
 * A small, fictional reader site for tests and the benchmark: text written for this project, outlets on
 * reserved example domains, the lead image served by the site itself (so browsers load it without the network).
 */

const P = (html: string): BodyBlock => ({ type: 'paragraph', html });
const TZ = 'Europe/Kyiv';

/** Ids and public paths of the sample records. */
export interface SampleSite {
  opinionPath: string;
  storyPath: string;
  ukPath: string;
  retractedPath: string;
  goneImagePath: string;
  tagIds: Record<'kazakhstan' | 'media' | 'ukraina', number>;
  outletId: number;
  personIds: number[];
}

const STAMP = (s: string) => ({ created_at: s, updated_at: s });

/** Seeds the sample site: settings, two outlets, three people, three tags and five pieces. */
export async function seedSampleSite(store: Store, siteUrl: string, now: Date): Promise<SampleSite> {
  const { db } = store;
  const at = now.toISOString();
  const site = { ...defaultSiteSettings({ en: 'The Sample Independent', uk: 'Зразкове Незалежне' }), timeZone: TZ };
  site.readerSupport.en.buttonUrl = 'https://support.example.org/';
  await putSetting(db, 'site', site, at);
  const outletId = await insertOutlet(db, { name: 'Example Daily', slug: 'example-daily', home_url: 'https://daily.example.com/', ...STAMP(at) });
  const outlet2 = await insertOutlet(db, { name: 'Приклад Медіа', slug: 'pryklad-media', home_url: 'https://media.example.net/', ...STAMP(at) });
  const person = (slug: string, en: string, uk: string, bio: string, website: string | null, pronoun: string) => insertPerson(db, {
    slug, names: JSON.stringify({ en, uk }), spellings: '[]', bios: JSON.stringify({ en: bio }), website_url: website, profiles: '[]', pronoun, ...STAMP(at),
  });
  const ann = await person('ann-writer', 'Ann Writer', 'Анн Райтер', 'Ann Writer is a fictional columnist who covers Central Asia.', 'https://ann.example.org/', 'she');
  const bo = await person('bo-critic', 'Bo Critic', 'Бо Крітік', 'Bo Critic is a fictional critic.', '', 'he');
  const staff = await person('desk-reporter', 'Desk Reporter', 'Репортер Редакції', 'Desk Reporter writes our own stories.', null, 'they');
  const tag = (slug: string, en: string, uk: string) => ensureTag(db, { slug, names: JSON.stringify({ en, uk }), created_at: at });
  const tagIds = { kazakhstan: await tag('kazakhstan', 'Kazakhstan', 'Казахстан'), media: await tag('media', 'Media', 'Медіа'), ukraina: await tag('ukraina', 'Ukraine', 'Україна') };
  const image = (file: string) => JSON.stringify({ decision: 'link', url: `${siteUrl}/assets/${file}`, width: 1200, height: 675, alt: 'Stacked newspapers beside a laptop', caption: 'Activists gather at a rally in the square.', credit: 'example_photo' });
  const hour = 3600_000;
  const rec = async (o: { headline: string; kind: string; lang: 'en' | 'uk'; at: number; authors: number[]; tags: number[]; outlet: number; body: BodyBlock[]; state?: string; image?: string | null; seo?: string }) => {
    const published = new Date(now.getTime() - o.at * hour).toISOString();
    const slug = slugify(o.headline);
    const path = piecePathFor({ type: 'recommendation', originalPublishedAt: published, createdAt: at, slug }, TZ);
    await insertPiece(db, {
      row: {
        type: 'recommendation', kind: o.kind, state: o.state ?? 'published', language: o.lang, slug, path, headline: o.headline, excerpt: JSON.stringify(o.body),
        original_url: `https://daily.example.com/${slug}`, outlet_id: o.outlet, original_published_at: published, seo: o.seo ?? 'noindex', image: o.image ?? null,
        editor_note: editorsNote({ kind: o.kind as 'opinion', lang: o.lang, outlet: o.outlet === outletId ? 'Example Daily' : 'Приклад Медіа', site: site.name[o.lang] ?? site.name.en, templates: site.noteTemplates }),
        retraction_note: o.state === 'retracted' ? 'Retracted: the original was withdrawn by its publisher.' : null, published_at: published, ...STAMP(published),
      },
      authorIds: o.authors, tagIds: o.tags,
    });
    return path;
  };
  const opinionPath = await rec({ headline: 'For the steppe, a domino too big to fall', kind: 'opinion', lang: 'en', at: 5, authors: [ann, bo], tags: [tagIds.kazakhstan], outlet: outletId, image: image('demo-lead.svg'), seo: 'index',
    body: [P('The protests began over fuel prices and spread within days across the country.'), P('Observers in the region watched closely, because <em>stability</em> had long been the promise.'), P('What happens next will shape the neighbourhood for years.')] });
  const ukPath = await rec({ headline: 'Як незалежні редакції діляться новинами', kind: 'analysis', lang: 'uk', at: 3, authors: [bo], tags: [tagIds.ukraina, tagIds.media], outlet: outlet2,
    body: [P('Незалежні редакції щодня читають більше журналістики, ніж можуть замовити.'), P('Рекомендації допомагають читачам знайти найкраще.')] });
  const retractedPath = await rec({ headline: 'A withdrawn report on fuel', kind: 'news', lang: 'en', at: 30, authors: [ann], tags: [tagIds.kazakhstan], outlet: outletId, state: 'retracted', body: [P('Withdrawn.')] });
  const goneImagePath = await rec({ headline: 'Rivers of the steppe', kind: 'news', lang: 'en', at: 8, authors: [ann], tags: [tagIds.kazakhstan], outlet: outletId,
    image: JSON.stringify({ decision: 'link', url: 'https://images.example.com/gone.jpg', alt: 'A river', caption: 'A river.', credit: 'nobody' }), body: [P('Rivers run dry in summer.')] });
  await recordLinkCheck(db, { url: 'https://images.example.com/gone.jpg', state: 'broken', httpStatus: 404, at });
  const storySlug = slugify('Our newsroom opens a Kyiv bureau');
  const storyAt = new Date(now.getTime() - hour).toISOString();
  const storyPath = piecePathFor({ type: 'story', publishedAt: storyAt, createdAt: at, slug: storySlug }, TZ);
  const storyId = await insertPiece(db, {
    row: {
      type: 'story', kind: 'news', state: 'published', language: 'en', slug: storySlug, path: storyPath, headline: 'Our newsroom opens a Kyiv bureau',
      standfirst: 'Three reporters will cover the capital full time.', body_md: 'The bureau opens **on Monday**.\n\n## Why Kyiv\n\nBecause the story is there.', seo: 'index', published_at: storyAt, ...STAMP(storyAt),
    },
    authorIds: [staff], tagIds: [tagIds.media],
  });
  await insertCorrection(db, { pieceId: storyId, at: storyAt, text: 'An earlier version misstated the number of reporters.', userId: null });
  return { opinionPath, storyPath, ukPath, retractedPath, goneImagePath, tagIds, outletId, personIds: [ann, bo, staff] };
}
