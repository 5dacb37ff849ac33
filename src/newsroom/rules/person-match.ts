/**
 * Recognising a known person in a capture, so that one person gets many pieces instead of a new
 * record each time. Profile URLs are the strong evidence; full names (any known spelling) the weaker.
 * A bare surname never matches: "Smith" is too many people.
 */
import type { CapturedPerson } from '../../model/capture.ts';
import type { Person, PersonId } from '../../model/person.ts';
import { nameKey } from './names.ts';

/** What matching found: one person (and by what), several equally good ones, or nobody. */
export type PersonMatch =
  | { kind: 'match'; personId: PersonId; by: 'url' | 'name' }
  | { kind: 'ambiguous'; personIds: PersonId[]; by: 'url' | 'name' }
  | { kind: 'none' };

/** The people to match against: enough of Person for matching. */
export type KnownPerson = Pick<Person, 'id' | 'names' | 'otherSpellings' | 'profiles'> & { website?: string };

/** A comparison key for a profile URL: no scheme, no `www.`, no trailing slash, no fragment; case folded except the query. */
export function profileKey(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.replace(/^www\./, '').replace(/\.$/, '');
  const path = decodeURIComponentSafe(u.pathname).toLowerCase().replace(/\/+$/, '');
  return `${host}${path}${u.search}`;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function urlKeys(urls: readonly (string | null | undefined)[], allowHomePage = false): Set<string> {
  const keys = new Set<string>();
  for (const url of urls) {
    const key = url === undefined || url === null ? null : profileKey(url);
    // A bare home page (`https://cnn.com/`) says nothing about who the person is, unless it is
    // compared as the person's own website.
    if (key !== null && (allowHomePage || /[/?]/.test(key))) keys.add(key);
  }
  return keys;
}

function intersects(a: Set<string>, b: Set<string>): boolean {
  for (const k of a) if (b.has(k)) return true;
  return false;
}

/** The name keys of a person: display names in every language and other spellings, with at least two words. */
function nameKeys(names: readonly (string | undefined)[]): Set<string> {
  const keys = new Set<string>();
  for (const n of names) {
    const key = n === undefined ? '' : nameKey(n);
    if (key.includes(' ')) keys.add(key);
  }
  return keys;
}

function found(ids: PersonId[], by: 'url' | 'name'): PersonMatch {
  const unique = [...new Set(ids)];
  if (unique.length === 1) return { kind: 'match', personId: unique[0] as PersonId, by };
  return { kind: 'ambiguous', personIds: unique, by };
}

/** Finds the known person a captured author is: by profile URL first, else by full name in any spelling. */
export function matchPerson(people: readonly KnownPerson[], captured: Pick<CapturedPerson, 'name' | 'url' | 'sameAs' | 'website'>): PersonMatch {
  const wantedProfiles = urlKeys([captured.url, captured.website, ...(captured.sameAs ?? [])]);
  const wantedSite = urlKeys([captured.website], true);
  const byUrl = people
    .filter((p) => intersects(wantedProfiles, urlKeys([p.website, ...p.profiles])) || intersects(wantedSite, urlKeys([p.website], true)))
    .map((p) => p.id);
  if (byUrl.length > 0) return found(byUrl, 'url');
  const key = nameKey(captured.name ?? '');
  // One word is a surname or a first name alone, never enough to say who it is.
  if (!key.includes(' ')) return { kind: 'none' };
  const byName = people
    .filter((p) => nameKeys([...Object.values(p.names), ...p.otherSpellings]).has(key))
    .map((p) => p.id);
  return byName.length > 0 ? found(byName, 'name') : { kind: 'none' };
}

/** Matches every captured author; the same person named twice in one byline is reported once per position. */
export function matchAuthors(people: readonly KnownPerson[], captured: readonly Pick<CapturedPerson, 'name' | 'url' | 'sameAs' | 'website'>[]): PersonMatch[] {
  return captured.map((c) => matchPerson(people, c));
}
