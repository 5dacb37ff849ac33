/** A new person record from a captured author, when matching found nobody; bad links are dropped with a warning. */
import type { CapturedPerson } from '../../model/capture.ts';
import type { Person } from '../../model/person.ts';
import type { Language } from '../../model/site.ts';
import { safeHttpUrl } from './links.ts';
import { stripBylinePrefix } from './names.ts';
import { slugify, transliterateUk } from './slug.ts';

/** The fields of a new person (the store assigns the id) and what the editor should check. */
export interface NewPerson {
  person: Omit<Person, 'id'>;
  warnings: { field: string; message: string }[];
}

/** Builds a person from a captured author, written in `lang`; never guesses a pronoun (defaults to `they`). */
export function personFromCapture(captured: CapturedPerson, lang: Language): NewPerson {
  const warnings: NewPerson['warnings'] = [];
  const name = stripBylinePrefix(captured.name).replace(/\s+/g, ' ');
  // A Cyrillic name captured from a Ukrainian page also gets a Latin display name by the KMU table,
  // which an editor may replace with the person's own spelling.
  const cyrillic = /[\u0400-\u04ff]/.test(name);
  const names: Person['names'] = cyrillic ? { en: transliterateUk(name), uk: name } : lang === 'uk' ? { en: name, uk: name } : { en: name };
  const link = (field: string, value: string | undefined): string | undefined => {
    if (value === undefined) return undefined;
    const safe = safeHttpUrl(value);
    if (safe === null) warnings.push({ field, message: `${field}: "${value}" is not a valid http(s) address; dropped` });
    return safe ?? undefined;
  };
  const website = link('website', captured.website);
  const photoUrl = link('photo', captured.photo);
  const profiles: string[] = [];
  for (const [i, url] of [captured.url, ...(captured.sameAs ?? [])].entries()) {
    const safe = link(i === 0 ? 'url' : `sameAs[${i - 1}]`, url);
    if (safe !== undefined && !profiles.includes(safe)) profiles.push(safe);
  }
  const bio = captured.bio?.trim();
  const person: Omit<Person, 'id'> = {
    names,
    otherSpellings: cyrillic || name === captured.name.trim() ? [] : [captured.name.trim()],
    slug: slugify(name),
    bios: bio ? { [lang]: bio } : {},
    profiles,
    pronoun: 'they',
    staff: false,
  };
  if (website !== undefined) person.website = website;
  if (photoUrl !== undefined) person.photo = { url: photoUrl, alt: names[lang] ?? names.en };
  return { person, warnings };
}
