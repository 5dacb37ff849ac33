import type { Kysely } from 'kysely';
import { defaultSiteSettings, type SiteSettings } from '../model/site.ts';
import type { Database } from './database.ts';
import { parseJson } from './json.ts';

/** Reads one JSON setting, or `fallback` when unset. */
export async function getSetting<T>(db: Kysely<Database>, key: string, fallback: T): Promise<T> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return parseJson(row?.value, fallback);
}

/** Writes one JSON setting. */
export async function putSetting(db: Kysely<Database>, key: string, value: unknown, now: string): Promise<void> {
  const text = JSON.stringify(value);
  await db.insertInto('settings').values({ key, value: text, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: text, updated_at: now })).execute();
}

/** The site's settings, with defaults filled in for anything not yet set. */
export async function getSiteSettings(db: Kysely<Database>): Promise<SiteSettings> {
  const stored = await getSetting<Partial<SiteSettings>>(db, 'site', {});
  return { ...defaultSiteSettings(), ...stored };
}
