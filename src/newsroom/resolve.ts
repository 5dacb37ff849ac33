import type { CapturedPerson, Extraction } from '../model/capture.ts';
import type { Language } from '../model/site.ts';
import { ensureTag, findOutlet, insertOutlet, insertOutletIfSlugFree, insertPerson, insertPersonIfSlugFree, listOutlets, listPeople, slugTaken } from '../store/directory.ts';
import { toPerson } from '../store/mappers.ts';
import type { Store } from '../store/open.ts';
import { outletName, readableHost } from './rules/outlet-name.ts';
import { matchPerson } from './rules/person-match.ts';
import { personFromCapture } from './rules/person-from-capture.ts';
import { slugify, transliterateUk } from './rules/slug.ts';

/** A slug not yet used in `table`: `base`, else `base-2`, `base-3`, … */
export async function freeSlug(store: Store, table: 'people' | 'outlets' | 'tags', base: string): Promise<string> {
  const root = base || table.slice(0, -1);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? root : `${root}-${n}`;
    if (!(await slugTaken(store.db, table, slug))) return slug;
  }
}

/** The outlet of a captured page: an existing one with the same home host or name, else a new record. */
export async function resolveOutlet(store: Store, x: Extraction, now: string): Promise<{ id: number; name: string; created: boolean; warning?: string }> {
  const host = hostOf(x.outlet?.value.home ?? x.canonicalUrl);
  const named = outletName(x.outlet?.value.name, x.canonicalUrl);
  const find = async () => (await listOutlets(store.db)).find((o) => (o.home_url && hostOf(o.home_url) === host) || o.name.toLowerCase() === named.name.toLowerCase());
  const known = await find();
  if (known) return { id: Number(known.id), name: known.name, created: false };
  const row = { name: named.name, slug: slugify(named.name) || 'outlet', home_url: x.outlet?.value.home ?? originOf(x.canonicalUrl), created_at: now, updated_at: now };
  // The plain slug first: two captures of one new outlet race for it, and the loser finds the winner's record.
  let id = await insertOutletIfSlugFree(store.db, row);
  if (id === null) {
    const winner = await find();
    if (winner) return { id: Number(winner.id), name: winner.name, created: false };
    id = await insertOutlet(store.db, { ...row, slug: await freeSlug(store, 'outlets', row.slug) });
  }
  return { id, name: named.name, created: true, ...(named.fellBack ? { warning: named.warning } : {}) };
}

/** The people of a byline: matched to known people by profile URL or name spelling, else created. */
export async function resolveAuthors(store: Store, captured: readonly CapturedPerson[], lang: Language, now: string): Promise<{ ids: { id: number; name: string }[]; warnings: { field: string; message: string }[] }> {
  const known = (await listPeople(store.db)).map(toPerson);
  const ids: { id: number; name: string }[] = [];
  const warnings: { field: string; message: string }[] = [];
  for (const author of captured) {
    const r = await resolveAuthor(store, known, author, lang, now);
    ids.push({ id: r.id, name: r.name });
    warnings.push(...r.warnings);
  }
  return { ids, warnings };
}

type Known = ReturnType<typeof toPerson>[];
type Resolved = { id: number; name: string; warnings: { field: string; message: string }[] };

/** One author: a known person, else a new record (added to `known`, so a byline naming someone twice makes one). */
async function resolveAuthor(store: Store, known: Known, author: CapturedPerson, lang: Language, now: string): Promise<Resolved> {
  const nameOf = (names: { en: string; uk?: string }) => (lang === 'uk' ? (names.uk ?? names.en) : names.en);
  const match = () => {
    const m = matchPerson(known.map((p) => ({ ...p, ...(p.website ? { website: p.website } : {}) })), author);
    return { m, found: m.kind === 'match' ? known.find((p) => p.id === m.personId) : undefined };
  };
  const first = match();
  if (first.found) return { id: Number(first.found.id), name: nameOf(first.found.names), warnings: [] };
  const { person, warnings: w } = personFromCapture(author, lang);
  const row = {
    slug: person.slug || 'person', names: JSON.stringify(person.names), spellings: JSON.stringify(person.otherSpellings),
    bios: JSON.stringify(person.bios), photo_url: person.photo?.url ?? null, website_url: person.website ?? null, profiles: JSON.stringify(person.profiles),
    pronoun: person.pronoun, staff: person.staff ? 1 : 0, created_at: now, updated_at: now,
  };
  // The plain slug first, as for outlets: another capture creating this person at the same moment wins the slug,
  // and this one matches the winner's record instead of making a second person.
  let id = await insertPersonIfSlugFree(store.db, row);
  if (id === null) {
    known.splice(0, known.length, ...(await listPeople(store.db)).map(toPerson));
    const again = match();
    if (again.found) return { id: Number(again.found.id), name: nameOf(again.found.names), warnings: [] };
    id = await insertPerson(store.db, { ...row, slug: await freeSlug(store, 'people', row.slug) });
  }
  known.push({ ...person, id: String(id) });
  const warnings = w.map((x) => ({ field: `authors.${x.field}`, message: x.message }));
  if (first.m.kind === 'ambiguous') warnings.unshift({ field: 'authors', message: `"${author.name}" matches several people; a new record was made — merge if it is one of them` });
  return { id, name: nameOf(person.names), warnings };
}

/** Tag ids for names typed by an editor (`Kazakhstan`, `Казахстан`), creating missing tags with Latin slugs. */
export async function ensureTags(store: Store, names: readonly string[], now: string): Promise<number[]> {
  const ids: number[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (!name) continue;
    const cyrillic = /[\u0400-\u04ff]/.test(name);
    const slug = slugify(name) || slugify(transliterateUk(name));
    if (!slug) continue;
    const id = await ensureTag(store.db, { slug, names: JSON.stringify(cyrillic ? { en: transliterateUk(name), uk: name } : { en: name }), created_at: now });
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** An outlet by slug or id, for commands. */
export async function outletByKey(store: Store, key: string) {
  return findOutlet(store.db, key);
}

function hostOf(url: string): string | null {
  return readableHost(url)?.toLowerCase() ?? null;
}

function originOf(url: string): string | null {
  try {
    return `${new URL(url).origin}/`;
  } catch {
    return null;
  }
}
