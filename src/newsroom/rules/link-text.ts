/** The words of the links around a recommendation: "Continue reading on …" and "See his website". */
import type { Pronoun } from '../../model/person.ts';
import type { Language } from '../../model/site.ts';
import { safeHttpUrl } from './links.ts';

/** `Continue reading on CNN website` / `Читати далі на сайті CNN`. */
export function continueReadingText(outlet: string, lang: Language): string {
  const name = outlet.trim();
  return lang === 'uk' ? `Читати далі на сайті ${name}` : `Continue reading on ${name} website`;
}

/** The continue-reading link: always the original's URL, or null when that URL is not valid http(s). */
export function continueReadingLink(originalUrl: string, outlet: string, lang: Language): { href: string; text: string } | null {
  const href = safeHttpUrl(originalUrl);
  return href === null ? null : { href, text: continueReadingText(outlet, lang) };
}

// Ukrainian has no settled singular "they"; the plural possessive "їхній" is what style guides
// suggest for people who do not use він/вона, and it reads naturally in link text.
const WEBSITE_TEXT: Record<Language, Record<Pronoun, string>> = {
  en: { he: 'See his website', she: 'See her website', they: 'See their website' },
  uk: { he: 'Його вебсайт', she: 'Її вебсайт', they: 'Їхній вебсайт' },
};

/** `See his website` / `See her website` / `See their website` (and the Ukrainian forms). */
export function websiteLinkText(pronoun: Pronoun, lang: Language): string {
  return WEBSITE_TEXT[lang][pronoun] ?? WEBSITE_TEXT[lang].they;
}

/** The author's website link, or null when the website is missing or not valid http(s): never `href=""`. */
export function authorWebsiteLink(website: string | null | undefined, pronoun: Pronoun, lang: Language): { href: string; text: string } | null {
  const href = safeHttpUrl(website);
  return href === null ? null : { href, text: websiteLinkText(pronoun, lang) };
}
