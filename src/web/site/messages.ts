import type { ArticleKind } from '../../model/capture.ts';
import type { Language } from '../../model/site.ts';

/** Every interface string of the reader site, per language. `{n}`-style placeholders are filled by `tf`. */
const MESSAGES = {
  en: {
    skipToContent: 'Skip to content',
    latest: 'Latest',
    recommendation: 'Recommended',
    recommendedFrom: 'Recommended from {outlet}',
    story: 'Our story',
    by: 'by',
    noPieces: 'Nothing has been published yet.',
    editorsNote: 'Editor\u2019s Note:',
    tags: 'Tags',
    corrections: 'Corrections',
    demoBanner: 'This is a demo site. Its outlets, people and texts are fictional. Remove them with `newsdesk demo --clear`.',
    notFoundTitle: 'Page not found',
    notFoundText: 'We could not find that page. It may have moved, or the address may be mistyped.',
    notFoundHelp: 'Try the search, the latest pieces or the archive:',
    goHome: 'Go to the front page',
    retractedTitle: 'This piece was retracted',
    home: 'Home',
    originalPublished: 'Originally published',
    aboutAuthors: 'About the authors',
    mostRecommended: 'Outlets we recommend most',
    sections: 'Sections',
    more: 'More',
    archive: 'Archive',
    archiveOf: 'Archive: {month}',
    search: 'Search',
    searchLabel: 'Search the site',
    searchButton: 'Search',
    searchResults: '{n} results for \u201c{q}\u201d',
    searchNone: 'Nothing matched \u201c{q}\u201d. Try fewer or different words.',
    searchPrompt: 'Type one or more words; pieces containing all of them are shown, best matches first.',
    searchBusy: 'Search is busy right now. Please try again in a few seconds.',
    tagTitle: 'Tag: {name}',
    outletTitle: 'Recommended from {name}',
    personPieces: 'Pieces by {name}',
    page: 'Page {n}',
    pageOf: 'Page {n} of {total}',
    previous: 'Newer',
    next: 'Older',
    pagination: 'Pages',
    pageEmpty: 'There is nothing on page {n}. This list has {total} pages.',
    firstPage: 'Go to the first page',
    feeds: 'Feeds',
    language: 'Language',
    rssFeed: 'RSS feed',
    website: 'Website',
    pieceCount: '{n} pieces',
    allLatest: 'All the latest pieces',
    printedFrom: 'Printed from {url}',
  },
  uk: {
    skipToContent: 'Перейти до змісту',
    latest: 'Останнє',
    recommendation: 'Рекомендуємо',
    recommendedFrom: 'Рекомендуємо з {outlet}',
    story: 'Наш матеріал',
    by: 'автор:',
    noPieces: 'Поки що нічого не опубліковано.',
    editorsNote: 'Примітка редакції:',
    tags: 'Теги',
    corrections: 'Виправлення',
    demoBanner: 'Це демонстраційний сайт. Видання, люди й тексти на ньому вигадані. Видаліть їх командою `newsdesk demo --clear`.',
    notFoundTitle: 'Сторінку не знайдено',
    notFoundText: 'Ми не знайшли цієї сторінки. Можливо, її перенесли або в адресі помилка.',
    notFoundHelp: 'Спробуйте пошук, останні матеріали або архів:',
    goHome: 'На головну',
    retractedTitle: 'Цей матеріал відкликано',
    home: 'Головна',
    originalPublished: 'Оригінал опубліковано',
    aboutAuthors: 'Про авторів',
    mostRecommended: 'Видання, які ми рекомендуємо найчастіше',
    sections: 'Рубрики',
    more: 'Більше',
    archive: 'Архів',
    archiveOf: 'Архів: {month}',
    search: 'Пошук',
    searchLabel: 'Пошук на сайті',
    searchButton: 'Шукати',
    searchResults: 'Результатів за запитом «{q}»: {n}',
    searchNone: 'За запитом «{q}» нічого не знайдено. Спробуйте менше слів або інші слова.',
    searchPrompt: 'Введіть одне чи кілька слів: покажемо матеріали, що містять усі слова, найкращі збіги першими.',
    searchBusy: 'Пошук зараз перевантажений. Спробуйте ще раз за кілька секунд.',
    tagTitle: 'Тег: {name}',
    outletTitle: 'Рекомендуємо з {name}',
    personPieces: 'Матеріали: {name}',
    page: 'Сторінка {n}',
    pageOf: 'Сторінка {n} з {total}',
    previous: 'Новіші',
    next: 'Старіші',
    pagination: 'Сторінки',
    pageEmpty: 'На сторінці {n} нічого немає. У цьому списку сторінок: {total}.',
    firstPage: 'На першу сторінку',
    feeds: 'Стрічки',
    language: 'Мова',
    rssFeed: 'RSS-стрічка',
    website: 'Вебсайт',
    pieceCount: 'Матеріалів: {n}',
    allLatest: 'Усі останні матеріали',
    printedFrom: 'Надруковано з {url}',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** The message keys. */
export type MessageKey = keyof (typeof MESSAGES)['en'];

/** The interface text for `key` in `lang`. */
export function t(lang: Language, key: MessageKey): string {
  return MESSAGES[lang][key];
}

/** The interface text with `{name}` placeholders filled (numbers formatted for the language). */
export function tf(lang: Language, key: MessageKey, values: Record<string, string | number>): string {
  return t(lang, key).replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = values[k];
    if (v === undefined) return m;
    return typeof v === 'number' ? formatNumber(v, lang) : v;
  });
}

const NUMBER_FORMATS: Record<Language, Intl.NumberFormat> = { en: new Intl.NumberFormat('en-US'), uk: new Intl.NumberFormat('uk') };

/** A number in the page's language (`10,000` / `10 000`). */
export function formatNumber(n: number, lang: Language): string {
  return NUMBER_FORMATS[lang].format(n);
}

const KIND_NAMES: Record<Language, Record<ArticleKind, string>> = {
  en: { opinion: 'Opinion', news: 'News', analysis: 'Analysis', investigation: 'Investigations', interview: 'Interviews', review: 'Reviews', video: 'Video', other: 'Other' },
  uk: { opinion: 'Думки', news: 'Новини', analysis: 'Аналітика', investigation: 'Розслідування', interview: 'Інтерв’ю', review: 'Рецензії', video: 'Відео', other: 'Інше' },
};

/** The section name of a kind of piece. */
export function kindName(kind: ArticleKind, lang: Language): string {
  return KIND_NAMES[lang][kind] ?? KIND_NAMES[lang].other;
}

/** The name of a language in itself, for the language switcher. */
export function languageName(lang: Language): string {
  return lang === 'uk' ? 'Українська' : 'English';
}
