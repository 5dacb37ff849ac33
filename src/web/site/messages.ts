import type { Language } from '../../model/site.ts';

/** Every interface string of the reader site, per language. */
const MESSAGES = {
  en: {
    skipToContent: 'Skip to content',
    latest: 'Latest',
    recommendation: 'Recommended',
    story: 'Story',
    by: 'by',
    noPieces: 'Nothing has been published yet.',
    editorsNote: 'Editor\u2019s Note:',
    tags: 'Tags',
    corrections: 'Corrections',
    demoBanner: 'This is a demo site. Its outlets, people and texts are fictional. Remove them with `newsdesk demo --clear`.',
    notFoundTitle: 'Page not found',
    notFoundText: 'We could not find that page. It may have moved, or the address may be mistyped.',
    goHome: 'Go to the front page',
    retractedTitle: 'This piece was retracted',
    home: 'Home',
    errorTitle: 'Something went wrong',
    errorText: 'The page could not be shown. Please try again in a moment.',
    originalPublished: 'Originally published',
    aboutAuthors: 'About the authors',
  },
  uk: {
    skipToContent: 'Перейти до змісту',
    latest: 'Останнє',
    recommendation: 'Рекомендуємо',
    story: 'Матеріал',
    by: 'автор:',
    noPieces: 'Поки що нічого не опубліковано.',
    editorsNote: 'Примітка редакції:',
    tags: 'Теги',
    corrections: 'Виправлення',
    demoBanner: 'Це демонстраційний сайт. Видання, люди й тексти на ньому вигадані. Видаліть їх командою `newsdesk demo --clear`.',
    notFoundTitle: 'Сторінку не знайдено',
    notFoundText: 'Ми не знайшли цієї сторінки. Можливо, її перенесли або в адресі помилка.',
    goHome: 'На головну',
    retractedTitle: 'Цей матеріал відкликано',
    home: 'Головна',
    errorTitle: 'Щось пішло не так',
    errorText: 'Не вдалося показати сторінку. Спробуйте ще раз за хвилину.',
    originalPublished: 'Оригінал опубліковано',
    aboutAuthors: 'Про авторів',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** The message keys. */
export type MessageKey = keyof (typeof MESSAGES)['en'];

/** The interface text for `key` in `lang`. */
export function t(lang: Language, key: MessageKey): string {
  return MESSAGES[lang][key];
}
