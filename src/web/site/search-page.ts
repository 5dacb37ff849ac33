import type { PieceView } from '../../store/pieces.ts';
import { html, raw, escapeHtml, type SafeHtml } from '../html.ts';
import { displayHeadline, item, pagination } from './items.ts';
import { href, layout, type PageContext } from './layout.ts';
import { t, tf } from './messages.ts';

/*
 * The search page. Matches are highlighted here rather than by the database, so the markup is ours (escaped
 * text with <mark>), identical on SQLite and PostgreSQL, and a term is marked where a word starts with it,
 * as the prefix search found it.
 */

/** Longest query echoed back to the reader (a 10 KB query is searched by its first words and shown shortened). */
const MAX_ECHO = 200;

// As the search matched: words of two letters or more as prefixes, a single letter only as a word of its own.
function matcher(terms: readonly string[]): RegExp | null {
  if (!terms.length) return null;
  const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const prefixes = terms.filter((t) => t.length > 1).map(escape).sort((a, b) => b.length - a.length);
  const letters = terms.filter((t) => t.length === 1).map(escape);
  const parts = [
    ...(prefixes.length ? [`(?:${prefixes.join('|')})[\\p{L}\\p{N}]*`] : []),
    ...(letters.length ? [`(?:${letters.join('|')})(?![\\p{L}\\p{N}])`] : []),
  ];
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})`, 'giu');
}

/** Escapes `text` and wraps every word that starts with a search term in <mark>. */
export function highlight(text: string, terms: readonly string[]): SafeHtml {
  const re = matcher(terms);
  if (!re) return html`${text}`;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(re)) {
    out += escapeHtml(text.slice(last, m.index)) + `<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index + m[0].length;
  }
  return raw(out + escapeHtml(text.slice(last)));
}

/** The plain text of a piece's body or excerpt (markup and Markdown punctuation removed). */
function plainText(v: PieceView): string {
  const source = v.piece.type === 'story'
    ? `${v.piece.standfirst ?? ''} ${v.piece.body ?? ''}`
    : v.piece.excerpt.map((b) => ('html' in b ? b.html : 'items' in b ? b.items.join(' ') : 'text' in b ? b.text : '')).join(' ');
  return source.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ').replace(/[#*_>`[\]]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** About 30 words of the text around the first match, highlighted. */
export function snippet(v: PieceView, terms: readonly string[]): SafeHtml {
  const text = plainText(v);
  const re = matcher(terms);
  const at = re ? (re.exec(text)?.index ?? 0) : 0;
  const start = Math.max(0, text.lastIndexOf(' ', Math.max(0, at - 80)) + 1);
  const words = text.slice(at > 80 ? start : 0).split(' ').slice(0, 30).join(' ');
  return html`<p class="item-snippet">${at > 80 ? '\u2026' : ''}${highlight(words, terms)}${words.length < text.length ? '\u2026' : ''}</p>`;
}

/** What the search page shows. */
export interface SearchView {
  query: string;
  terms: string[];
  views: PieceView[];
  total: number;
  page: number;
}

function results(ctx: PageContext, s: SearchView, echo: string): SafeHtml {
  if (!s.terms.length) return html`<p>${t(ctx.lang, 'searchPrompt')}</p>`;
  if (!s.total) return html`<p role="status">${tf(ctx.lang, 'searchNone', { q: echo })}</p>`;
  return html`<p role="status">${tf(ctx.lang, 'searchResults', { n: s.total, q: echo })}</p>
<ul class="items">${s.views.map((v) => item(v, ctx, snippet(v, s.terms), highlight(displayHeadline(v), s.terms)))}</ul>
${pagination(ctx, '/search', s.page, Math.min(s.total, 10_000), `q=${encodeURIComponent(s.query.slice(0, MAX_ECHO))}`)}`;
}

/** The search page: a GET form that works without JavaScript, ranked results with highlighted matches. */
export function searchPage(ctx: PageContext, s: SearchView): SafeHtml {
  const echo = s.query.length > MAX_ECHO ? `${s.query.slice(0, MAX_ECHO)}\u2026` : s.query;
  return layout(ctx, {
    // The query stays in the path so that the language switcher keeps it.
    title: s.terms.length ? `${t(ctx.lang, 'search')}: ${echo}` : t(ctx.lang, 'search'),
    path: s.query ? `/search?q=${encodeURIComponent(s.query.slice(0, MAX_ECHO))}` : '/search', canonical: false,
    head: html`<meta name="robots" content="noindex, follow">`,
    main: html`<h1>${t(ctx.lang, 'search')}</h1>
<form class="search-form" role="search" method="get" action="${href(ctx, '/search')}">
<label for="q">${t(ctx.lang, 'searchLabel')}</label>
<input id="q" name="q" type="search" value="${s.query.slice(0, MAX_ECHO)}" maxlength="200">
<button type="submit">${t(ctx.lang, 'searchButton')}</button>
</form>
${results(ctx, s, echo)}`,
  });
}

/** The page shown when too many searches are waiting (503 with Retry-After): try again in a moment. */
export function searchBusyPage(ctx: PageContext): SafeHtml {
  return layout(ctx, {
    title: t(ctx.lang, 'search'), path: '/search', canonical: false, head: html`<meta name="robots" content="noindex">`,
    main: html`<h1>${t(ctx.lang, 'search')}</h1><p role="status">${t(ctx.lang, 'searchBusy')}</p>`,
  });
}
