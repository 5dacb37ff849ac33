import type { BodyBlock } from '../model/capture.ts';
import { defaultSiteSettings } from '../model/site.ts';
import type { Store } from '../store/open.ts';
import { clearDemoRows, hasNoPieces } from '../store/demo.ts';
import { ensureTag, insertOutlet, insertPerson } from '../store/directory.ts';
import { insertPiece } from '../store/pieces.ts';
import { getSetting, getSiteSettings, putSetting } from '../store/settings.ts';
import { editorsNote } from './rules/editors-note.ts';
import { takeExcerpt } from './rules/excerpt.ts';
import { piecePath, slugify } from './rules/slug.ts';

/*
 * The demo site a newcomer sees on first start. All text is written for this project (no copyrighted
 * material), every outlet and person is fictional, links point at reserved example domains, and every row
 * is flagged `demo` so `newsdesk demo --clear` removes exactly these.
 */

const P = (html: string): BodyBlock => ({ type: 'paragraph', html });

const OPINION_BODY: BodyBlock[] = [
  P('Every morning, editors at small newsrooms read far more good journalism than they could ever commission. Most of it never reaches their readers, because copying a link by hand is slow and easy to get wrong.'),
  P('A recommendation fixes that. It credits the outlet and the author by name, quotes only the opening, and sends the reader to the original for the rest, where the outlet can count the visit and ask for support.'),
  P('Done well, it builds trust both ways: readers learn which voices the newsroom respects, and outlets gain readers they would not otherwise reach.'),
  P('Done badly, it becomes copying: whole articles pasted without consent, bylines lost, images without credit. That is why the rules of a good recommendation belong in the software, not in a style guide nobody opens.'),
  P('The excerpt stops after a few paragraphs. The credit line is never empty. The link to the original always works, and somebody checks that it still does a year later.'),
  P('None of this is new. Newspapers have quoted each other for centuries. What is new is the volume, and the need to do it carefully at speed.'),
  P('Readers notice the difference. A page that says plainly who wrote a piece, where it first appeared and why the newsroom chose it earns a kind of trust that a bare link never does.'),
  P('Outlets notice it too. A fair excerpt with a clear credit sends them readers who arrive already interested, and those readers are the ones most likely to subscribe or donate.'),
  P('The work is small for each piece and large in total. A desk that recommends five articles a day handles well over a thousand links a year, each with an author, a date and an image credit to get right.'),
  P('That is exactly the kind of repetitive care that software should take over, so that editors can spend their attention on choosing well rather than on copying carefully.'),
  P('The best recommendation pages read like a good colleague passing on an article: here is what it is, here is who wrote it, here is why you might want to read it, and here is where to find the rest.'),
  P('This text is demo content written for newsdesk; the outlet and the author do not exist.'),
];

/** Seeds the demo site when the database has no pieces and the demo has not been cleared before. Returns true when it seeded. */
export async function seedDemoIfEmpty(store: Store, opts: { siteUrl: string; now: Date }): Promise<boolean> {
  const { db } = store;
  if (!(await hasNoPieces(db)) || (await getSetting(db, 'demo-cleared', false))) return false;
  const now = opts.now.toISOString();
  const settings = await getSiteSettings(db);
  if (settings.name.en === defaultSiteSettings().name.en) {
    await putSetting(db, 'site', { ...settings, name: { en: 'Newsdesk Demo Desk', uk: 'Демо-редакція Newsdesk' } }, now);
  }
  const site = await getSiteSettings(db);
  const tz = site.timeZone;
  await putSetting(db, 'demo', true, now);

  const outletId = await insertOutlet(db, { name: 'The Example Chronicle', slug: 'the-example-chronicle', home_url: 'https://www.example.com/', demo: 1, created_at: now, updated_at: now });
  const personId = await insertPerson(db, {
    slug: 'olena-demchenko', names: JSON.stringify({ en: 'Olena Demchenko', uk: 'Олена Демченко' }), spellings: '[]',
    bios: JSON.stringify({ en: 'Olena Demchenko is a fictional media critic invented for the newsdesk demo. She writes about how small newsrooms work together.', uk: 'Олена Демченко — вигадана медіакритикиня, створена для демонстрації newsdesk. Пише про те, як співпрацюють невеликі редакції.' }),
    website_url: 'https://www.example.org/olena-demchenko', profiles: '[]', pronoun: 'she', demo: 1, created_at: now, updated_at: now,
  });
  const staffId = await insertPerson(db, {
    slug: 'demo-desk', names: JSON.stringify({ en: 'Demo Desk', uk: 'Демо-редакція' }), spellings: '[]',
    bios: JSON.stringify({ en: 'The demo desk writes the sample stories that ship with newsdesk.' }), profiles: '[]', pronoun: 'they', staff: 1, demo: 1, created_at: now, updated_at: now,
  });
  const tagMedia = await ensureTag(db, { slug: 'media', names: JSON.stringify({ en: 'Media', uk: 'Медіа' }), demo: 1, created_at: now });
  const tagDemo = await ensureTag(db, { slug: 'demo', names: JSON.stringify({ en: 'Demo', uk: 'Демо' }), demo: 1, created_at: now });

  const originalAt = new Date(opts.now.getTime() - 26 * 3600_000).toISOString();
  const headline = 'Why small newsrooms should share their best links';
  const recSlug = slugify(`Olena Demchenko ${headline}`);
  const excerpt = takeExcerpt(OPINION_BODY, site.excerptPolicy);
  await insertPiece(db, {
    row: {
      type: 'recommendation', kind: 'opinion', state: 'published', language: 'en', slug: recSlug, path: piecePath(now, recSlug, tz),
      headline, excerpt: JSON.stringify(excerpt.blocks), original_url: 'https://www.example.com/opinions/small-newsrooms-should-share-their-best-links',
      editor_note: editorsNote({ kind: 'opinion', lang: 'en', outlet: 'The Example Chronicle', site: site.name.en, templates: site.noteTemplates }),
      outlet_id: outletId, original_published_at: originalAt, seo: 'noindex', demo: 1,
      image: JSON.stringify({ decision: 'link', url: `${opts.siteUrl}/assets/demo-lead.svg`, width: 1200, height: 675, alt: 'Three stacked newspapers beside a laptop showing a link', caption: 'Editors at a small newsroom choose the day\u2019s recommendations.', credit: 'Illustration: newsdesk demo' }),
      published_at: now, created_at: now, updated_at: now,
    },
    authorIds: [personId], tagIds: [tagMedia, tagDemo],
  });

  const storyHeadline = 'Welcome to your newsdesk';
  const storySlug = slugify(storyHeadline);
  await insertPiece(db, {
    row: {
      type: 'story', kind: 'news', state: 'published', language: 'en', slug: storySlug, path: piecePath(now, storySlug, tz),
      headline: storyHeadline, standfirst: 'This is a demo story. It shows how your own reporting looks next to the recommendations you publish.',
      body_md: DEMO_STORY, seo: 'index', demo: 1, published_at: new Date(opts.now.getTime() - 3600_000).toISOString(), created_at: now, updated_at: now,
    },
    authorIds: [staffId], tagIds: [tagDemo],
  });
  return true;
}

/** Removes the demo content and remembers that, so the demo is not seeded again. */
export async function clearDemo(store: Store, now: Date) {
  const removed = await clearDemoRows(store.db);
  await putSetting(store.db, 'demo-cleared', true, now.toISOString());
  return removed;
}

const DEMO_STORY = `Stories are the newsroom's own reporting: they show their full text, written in **Markdown** and sanitized when the page is rendered.

## What to do next

1. Capture an article you admire with \`newsdesk capture <url>\`.
2. Turn the capture into a recommendation with \`newsdesk recommend <capture-id>\`.
3. Remove this demo with \`newsdesk demo --clear\`.

> Everything on this demo site was written for newsdesk. The outlet and people are fictional.
`;
