import { AppError } from '../model/app-error.ts';
import type { ExcerptPolicy, Language } from '../model/site.ts';
import { recordAudit } from '../store/audit.ts';
import { findOutlet, findPerson, insertPerson, updateOutlet, updatePerson } from '../store/directory.ts';
import { parseJson } from '../store/json.ts';
import type { Store } from '../store/open.ts';
import { requireAllowed, type Actor } from './actor.ts';
import { freeSlug } from './resolve.ts';
import { checkLink } from './rules/links.ts';
import { slugify, transliterateUk } from './rules/slug.ts';

/*
 * Editing outlet and person records. Every link is checked before anything is stored: an invalid address is
 * refused with a message naming the field, never saved to be caught later at publish time. Names and bios are
 * stored as typed; escaping happens when they are rendered.
 */

/** What an editor may change on a person. Empty strings clear optional fields. */
export interface PersonInput {
  names: { en: string; uk: string };
  bios: { en: string; uk: string };
  website: string;
  pronoun: string;
  staff: boolean;
}

/** What an editor may change on an outlet; a policy field left null follows the site's policy. */
export interface OutletInput {
  name: string;
  homeUrl: string;
  permissionsNote: string;
  policy: Partial<Record<keyof ExcerptPolicy, number | null>>;
}

function limit(field: string, value: string, max: number): string {
  const v = value.replace(/\r\n/g, '\n').trim();
  if (v.length > max) throw new AppError('invalid', `${field} is too long (${v.length} characters; at most ${max})`);
  return v;
}

/** An optional link: empty → null; otherwise a valid absolute http(s) URL or a refusal naming the field. */
function optionalLink(field: string, raw: string): string | null {
  const s = raw.trim();
  if (!s) return null;
  const v = checkLink(s);
  if (!v.ok) throw new AppError('invalid', `${field}: "${s.slice(0, 80)}" is not a valid web address (${v.problem}); use a full address starting with https://`, { field });
  return v.url;
}

/** Saves a person's names, bios, website, pronoun and staff flag (editors and admins). */
export async function editPerson(store: Store, actor: Actor, id: number, input: PersonInput, now: Date): Promise<void> {
  requireAllowed(actor, 'manage-people');
  const row = await findPerson(store.db, String(id));
  if (!row) throw new AppError('not-found', `no person with id ${id}`);
  const en = limit('name (English)', input.names.en, 200);
  if (!en) throw new AppError('invalid', 'name (English): a person needs a name', { field: 'name_en' });
  const uk = limit('name (Ukrainian)', input.names.uk, 200);
  const bios = { en: limit('bio (English)', input.bios.en, 5000), uk: limit('bio (Ukrainian)', input.bios.uk, 5000) };
  const website = optionalLink('website', input.website);
  if (!['he', 'she', 'they'].includes(input.pronoun)) throw new AppError('invalid', 'pronoun must be he, she or they', { field: 'pronoun' });
  // Other language keys (added by the CLI or captures) are kept; the two edited here are replaced.
  const names: Record<string, string> = { ...parseJson<Record<string, string>>(row.names, {}), en };
  if (uk) names.uk = uk;
  else delete names.uk;
  const storedBios: Record<string, string> = parseJson<Record<string, string>>(row.bios, {});
  for (const lang of ['en', 'uk'] as const) {
    if (bios[lang]) storedBios[lang] = bios[lang];
    else delete storedBios[lang];
  }
  await updatePerson(store.db, id, { names: JSON.stringify(names), bios: JSON.stringify(storedBios), website_url: website, pronoun: input.pronoun, staff: input.staff ? 1 : 0, updated_at: now.toISOString() });
  await recordAudit(store.db, { at: now.toISOString(), userId: actor.userId, action: 'person.edit', subjectType: 'person', subjectId: id });
}

function policyOverride(p: OutletInput['policy']): string | null {
  const out: Partial<ExcerptPolicy> = {};
  const bounds = { maxParagraphs: [0, 50], maxWords: [0, 5000], maxShare: [0, 1] } as const;
  for (const key of ['maxParagraphs', 'maxWords', 'maxShare'] as const) {
    const v = p[key];
    if (v === null || v === undefined) continue;
    const [lo, hi] = bounds[key];
    if (!Number.isFinite(v) || v < lo || v > hi || (key !== 'maxShare' && !Number.isInteger(v))) throw new AppError('invalid', `excerpt policy ${key}: must be ${key === 'maxShare' ? 'a number' : 'a whole number'} from ${lo} to ${hi}`, { field: key });
    out[key] = v;
  }
  return Object.keys(out).length ? JSON.stringify(out) : null;
}

/** Saves an outlet's name, home page, excerpt policy override and permissions note (editors and admins). */
export async function editOutlet(store: Store, actor: Actor, id: number, input: OutletInput, now: Date): Promise<void> {
  requireAllowed(actor, 'manage-outlets');
  const row = await findOutlet(store.db, String(id));
  if (!row) throw new AppError('not-found', `no outlet with id ${id}`);
  const name = limit('name', input.name, 200);
  if (!name) throw new AppError('invalid', 'name: an outlet needs a name', { field: 'name' });
  const homeUrl = optionalLink('home page address', input.homeUrl);
  const note = limit('permissions note', input.permissionsNote, 2000);
  await updateOutlet(store.db, id, { name, home_url: homeUrl, excerpt_policy: policyOverride(input.policy), permissions_note: note || null, updated_at: now.toISOString() });
  await recordAudit(store.db, { at: now.toISOString(), userId: actor.userId, action: 'outlet.edit', subjectType: 'outlet', subjectId: id });
}

/** A new person record from a name typed into a byline (no other details yet); returns the id. */
export async function addPersonNamed(store: Store, name: string, lang: Language, now: Date): Promise<number> {
  const n = limit('authors: the new person\u2019s name', name, 200);
  if (!n) throw new AppError('invalid', 'authors: type the new person\u2019s name');
  const at = now.toISOString();
  const slug = await freeSlug(store, 'people', slugify(lang === 'uk' ? transliterateUk(n) : n));
  return insertPerson(store.db, {
    slug, names: JSON.stringify(lang === 'uk' ? { en: transliterateUk(n), uk: n } : { en: n }), spellings: JSON.stringify([n]), bios: '{}',
    photo_url: null, website_url: null, profiles: '[]', pronoun: 'they', staff: 0, created_at: at, updated_at: at,
  });
}
