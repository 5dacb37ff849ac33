import type { Person } from '../../model/person.ts';
import type { Outlet } from '../../model/piece.ts';
import { localized } from '../../model/site.ts';
import { authorWebsiteLink } from '../../newsroom/rules/link-text.ts';
import { safeHttpUrl } from '../../newsroom/rules/links.ts';
import { zonedDate } from '../../newsroom/rules/slug.ts';
import type { PieceView } from '../../store/pieces.ts';
import { html, type SafeHtml } from '../html.ts';
import { itemList, pageCount, pagination, pastTheEnd } from './items.ts';
import { href, layout, type PageContext } from './layout.ts';
import { formatNumber, t, tf } from './messages.ts';

/** One page of a list of pieces (tag, person, outlet, latest, month). */
export interface ListPage {
  title: string;
  /** Unprefixed path of the list (`/tag/media`). */
  path: string;
  /** Intro above the list (a person's bio, an outlet's home link). */
  intro?: SafeHtml;
  /** Extra head elements (JSON-LD of the person or outlet). */
  head?: SafeHtml;
  /** Base path of the list's feeds, when it has any. */
  feedBase?: string;
  views: PieceView[];
  total: number;
  page: number;
}

/** A list page; a page number past the end shows a short message and a link back instead of an empty list. */
export function listPage(ctx: PageContext, l: ListPage): SafeHtml {
  const past = l.page > pageCount(l.total);
  const title = l.page > 1 ? `${l.title} \u2014 ${tf(ctx.lang, 'page', { n: l.page })}` : l.title;
  return layout(ctx, {
    title, path: l.page > 1 ? `${l.path}?page=${l.page}` : l.path, feedBase: l.feedBase, feedTitle: `${l.title} \u2014 ${ctx.siteName}`,
    head: past ? html`<meta name="robots" content="noindex">${l.head ?? ''}` : l.head,
    main: html`<h1>${l.title}</h1>
${l.intro ?? ''}
${l.total > 0 ? html`<p class="list-count">${tf(ctx.lang, 'pieceCount', { n: l.total })}</p>` : ''}
${past && l.total > 0 ? pastTheEnd(ctx, l.path, l.page, l.total) : itemList(l.views, ctx)}
${past ? '' : pagination(ctx, l.path, l.page, l.total)}`,
  });
}

/** The intro of a person's page: photo, bio and website (only when it is a valid URL). */
export function personIntro(p: Person, ctx: PageContext): SafeHtml {
  const bio = p.bios[ctx.lang] ?? p.bios.en;
  const site = authorWebsiteLink(p.website, p.pronoun, ctx.lang);
  const photo = p.photo ? safeHttpUrl(p.photo.url) : null;
  return html`<div class="person-intro">${photo ? html`<img class="author-photo" src="${photo}" alt="" width="96" height="96" referrerpolicy="no-referrer">` : ''}
${bio ? html`<p>${bio}</p>` : ''}${site ? html`<p><a href="${site.href}" rel="noopener">${site.text}</a></p>` : ''}</div>`;
}

/** The intro of an outlet's page: a link to its home page when valid. */
export function outletIntro(o: Outlet, ctx: PageContext): SafeHtml {
  const home = safeHttpUrl(o.homeUrl);
  return home ? html`<p class="outlet-intro"><a href="${home}" rel="noopener">${t(ctx.lang, 'website')}: ${new URL(home).hostname}</a></p>` : html``;
}

/** Title of a person's list. */
export function personTitle(p: Person, ctx: PageContext): string {
  return localized(p.names, ctx.lang);
}

/** `January 2022` / `січень 2022` for a month's archive. */
export function monthName(year: number, month: number, lang: PageContext['lang']): string {
  const d = new Date(Date.UTC(year, month - 1, 15));
  return new Intl.DateTimeFormat(lang === 'uk' ? 'uk' : 'en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** Counts of published pieces per month in the site's zone, newest first. */
export function groupByMonth(instants: readonly string[], timeZone: string): { year: number; month: number; count: number }[] {
  const counts = new Map<string, number>();
  for (const at of instants) {
    const { year, month } = zonedDate(at, timeZone);
    counts.set(`${year}-${month}`, (counts.get(`${year}-${month}`) ?? 0) + 1);
  }
  return [...counts.entries()].map(([k, count]) => ({ year: Number(k.slice(0, 4)), month: Number(k.slice(5)), count }))
    .sort((a, b) => b.year - a.year || b.month - a.month);
}

/** The archive index: every month with pieces, grouped by year. */
export function archiveIndex(ctx: PageContext, months: { year: number; month: number; count: number }[]): SafeHtml {
  const years = [...new Set(months.map((m) => m.year))];
  return layout(ctx, {
    title: t(ctx.lang, 'archive'), path: '/archive',
    main: html`<h1>${t(ctx.lang, 'archive')}</h1>
${months.length ? years.map((y) => html`<section class="archive-year" aria-labelledby="y${y}"><h2 id="y${y}">${y}</h2><ul class="archive-months">
${months.filter((m) => m.year === y).map((m) => html`<li><a href="${href(ctx, `/archive/${m.year}/${String(m.month).padStart(2, '0')}`)}">${monthName(m.year, m.month, ctx.lang)}</a> <span class="count">${formatNumber(m.count, ctx.lang)}</span></li>`)}
</ul></section>`) : html`<p>${t(ctx.lang, 'noPieces')}</p>`}`,
  });
}

/** The UTC instants bounding a calendar month in a time zone: [start, end). */
export function monthBounds(year: number, month: number, timeZone: string): { from: string; to: string } {
  return { from: zonedMidnight(year, month, timeZone), to: month === 12 ? zonedMidnight(year + 1, 1, timeZone) : zonedMidnight(year, month + 1, timeZone) };
}

// The instant of 00:00 on the 1st of a month in a zone: start from UTC midnight and correct by the zone's offset
// at that moment (twice, in case the offset differs across the correction, as around a DST change).
function zonedMidnight(year: number, month: number, timeZone: string): string {
  const target = Date.UTC(year, month - 1, 1);
  let guess = target;
  for (let i = 0; i < 2; i++) {
    const p = zonedDate(new Date(guess), timeZone);
    const hm = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(guess));
    const hour = Number(hm.find((x) => x.type === 'hour')?.value ?? 0);
    const minute = Number(hm.find((x) => x.type === 'minute')?.value ?? 0);
    const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), hour, minute);
    guess -= local - target;
  }
  return new Date(guess).toISOString();
}
