import type { CapturedPerson, Extraction } from '../model/capture.ts';
import type { Language } from '../model/site.ts';
import { ensureTag, findOutlet, insertOutlet, insertPerson, listOutlets, listPeople, slugTaken } from '../store/directory.ts';
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
  const outlets = await listOutlets(store.db);
  const known = outlets.find((o) => (o.home_url && hostOf(o.home_url) === host) || o.name.toLowerCase() === named.name.toLowerCase());
  if (known) return { id: Number(known.id), name: known.name, created: false };
  const home = x.outlet?.value.home ?? originOf(x.canonicalUrl);
  const id = await insertOutlet(store.db, { name: named.name, slug: await freeSlug(store, 'outlets', slugify(named.name)), home_url: home, created_at: now, updated_at: now });
  return { id, name: named.name, created: true, ...(named.fellBack ? { warning: named.warning } : {}) };
}

/** The people of a byline: matched to known people by profile URL or name spelling, else created. */
export async function resolveAuthors(store: Store, captured: readonly CapturedPerson[], lang: Language, now: string): Promise<{ ids: { id: number; name: string }[]; warnings: { field: string; message: string }[] }> {
  const known = (await listPeople(store.db)).map(toPerson);
  const ids: { id: number; name: string }[] = [];
  const warnings: { field: string; message: string }[] = [];
  for (const author of captured) {
    const m = matchPerson(known.map((p) => ({ ...p, ...(p.website ? { website: p.website } : {}) })), author);
    const found = m.kind === 'match' ? known.find((p) => p.id === m.personId) : undefined;
    if (found) {
      ids.push({ id: Number(found.id), name: lang === 'uk' ? (found.names.uk ?? found.names.en) : found.names.en });
      continue;
    }
    if (m.kind === 'ambiguous') warnings.push({ field: 'authors', message: `"${author.name}" matches several people; a new record was made — merge if it is one of them` });
    const { person, warnings: w } = personFromCapture(author, lang);
    warnings.push(...w.map((x) => ({ field: `authors.${x.field}`, message: x.message })));
    const id = await insertPerson(store.db, {
      slug: await freeSlug(store, 'people', person.slug), names: JSON.stringify(person.names), spellings: JSON.stringify(person.otherSpellings),
      bios: JSON.stringify(person.bios), photo_url: person.photo?.url ?? null, website_url: person.website ?? null, profiles: JSON.stringify(person.profiles),
      pronoun: person.pronoun, staff: person.staff ? 1 : 0, created_at: now, updated_at: now,
    });
    known.push({ ...person, id: String(id) });
    ids.push({ id, name: lang === 'uk' ? (person.names.uk ?? person.names.en) : person.names.en });
  }
  return { ids, warnings };
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
