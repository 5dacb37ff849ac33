import type { Command } from 'commander';
import { toOutlet, toPerson, toTag } from '../store/mappers.ts';
import { findOutlet, findPerson, insertOutlet, insertPerson, listOutlets, listPeople, listTags, mergePeople, updateOutlet, updatePerson } from '../store/directory.ts';
import { recordAudit } from '../store/audit.ts';
import { requireAllowed } from '../newsroom/actor.ts';
import { ensureTags, freeSlug } from '../newsroom/resolve.ts';
import { safeHttpUrl } from '../newsroom/rules/links.ts';
import { slugify } from '../newsroom/rules/slug.ts';
import { actorFor } from './actor.ts';
import { CliError } from './cli-error.ts';
import { output, withStore, type CliContext } from './context.ts';

/** A URL option: absolute http(s), else a one-line error naming the flag. */
function urlOption(flag: string, value: string | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === '') return null;
  const safe = safeHttpUrl(value);
  if (!safe) throw new CliError(`${flag} must be an absolute http(s) URL (got "${value}")`, 2);
  return safe;
}

function registerPeople(program: Command, ctx: CliContext): void {
  const person = program.command('person').description('authors, staff and external');
  person.command('list').option('--json', 'print JSON').action((o: { json?: boolean }) => withStore(ctx, async (store) => {
    const people = (await listPeople(store.db)).map(toPerson);
    output(Boolean(o.json), people, people.map((p) => `${p.id.padStart(5)}  ${p.slug.padEnd(30)} ${p.names.en}${p.names.uk ? ` / ${p.names.uk}` : ''}`).join('\n') || '(no people)');
  }));
  person.command('show').argument('<id-or-slug>').option('--json', 'print JSON').action((key: string, o: { json?: boolean }) => withStore(ctx, async (store) => {
    const row = await findPerson(store.db, key);
    if (!row) throw new CliError(`no person ${key}`, 2);
    const p = toPerson(row);
    output(Boolean(o.json), p, `${p.names.en} (${p.slug}, ${p.pronoun})\n  bio: ${p.bios.en ?? '-'}\n  website: ${p.website ?? '-'}`);
  }));
  const edit = (c: Command) => c.option('--name-uk <name>', 'Ukrainian display name').option('--bio <text>', 'English bio').option('--bio-uk <text>', 'Ukrainian bio')
    .option('--website <url>', 'own website (empty to remove)').option('--pronoun <he|she|they>', 'for "See his/her/their website"').option('--staff', 'a member of our newsroom');
  type PersonOpts = { nameUk?: string; bio?: string; bioUk?: string; website?: string; pronoun?: string; staff?: boolean };
  const check = (o: PersonOpts) => { if (o.pronoun && !['he', 'she', 'they'].includes(o.pronoun)) throw new CliError('--pronoun must be he, she or they', 2); };
  edit(person.command('add').argument('<name>')).action((name: string, o: PersonOpts, cmd: Command) => withStore(ctx, async (store) => {
    requireAllowed(await actorFor(store, cmd), 'manage-people');
    check(o);
    const now = new Date().toISOString();
    const id = await insertPerson(store.db, {
      slug: await freeSlug(store, 'people', slugify(name)), names: JSON.stringify({ en: name, ...(o.nameUk ? { uk: o.nameUk } : {}) }), spellings: '[]',
      bios: JSON.stringify({ ...(o.bio ? { en: o.bio } : {}), ...(o.bioUk ? { uk: o.bioUk } : {}) }), website_url: urlOption('--website', o.website) ?? null,
      profiles: '[]', pronoun: o.pronoun ?? 'they', staff: o.staff ? 1 : 0, created_at: now, updated_at: now,
    });
    process.stdout.write(`person ${id} created\n`);
  }));
  edit(person.command('update').argument('<id-or-slug>')).action((key: string, o: PersonOpts, cmd: Command) => withStore(ctx, async (store) => {
    requireAllowed(await actorFor(store, cmd), 'manage-people');
    check(o);
    const row = await findPerson(store.db, key);
    if (!row) throw new CliError(`no person ${key}`, 2);
    const p = toPerson(row);
    const website = urlOption('--website', o.website);
    await updatePerson(store.db, Number(row.id), {
      names: JSON.stringify({ ...p.names, ...(o.nameUk ? { uk: o.nameUk } : {}) }), bios: JSON.stringify({ ...p.bios, ...(o.bio ? { en: o.bio } : {}), ...(o.bioUk ? { uk: o.bioUk } : {}) }),
      ...(website !== undefined ? { website_url: website } : {}), ...(o.pronoun ? { pronoun: o.pronoun } : {}), ...(o.staff ? { staff: 1 } : {}), updated_at: new Date().toISOString(),
    });
    process.stdout.write(`person ${row.id} updated\n`);
  }));
  person.command('merge').description('move every piece of <from> to <into> and delete <from>').argument('<from>').argument('<into>')
    .action((from: string, into: string, _o: unknown, cmd: Command) => withStore(ctx, async (store) => {
      const actor = await actorFor(store, cmd);
      requireAllowed(actor, 'manage-people');
      const a = await findPerson(store.db, from);
      const b = await findPerson(store.db, into);
      if (!a || !b || a.id === b.id) throw new CliError('merge needs two different existing people', 2);
      await mergePeople(store.db, Number(a.id), Number(b.id));
      await recordAudit(store.db, { at: new Date().toISOString(), userId: actor.userId, action: 'person.merge', subjectType: 'person', subjectId: Number(b.id), details: { from: Number(a.id) } });
      process.stdout.write(`merged ${a.slug} into ${b.slug}\n`);
    }));
}

function registerOutletsAndTags(program: Command, ctx: CliContext): void {
  const outlet = program.command('outlet').description('publishers whose work we recommend');
  outlet.command('list').option('--json', 'print JSON').action((o: { json?: boolean }) => withStore(ctx, async (store) => {
    const all = (await listOutlets(store.db)).map(toOutlet);
    output(Boolean(o.json), all, all.map((x) => `${x.id.padStart(5)}  ${x.slug.padEnd(30)} ${x.name}  ${x.homeUrl}`).join('\n') || '(no outlets)');
  }));
  type OutletOpts = { home?: string; maxWords?: string; maxParagraphs?: string; permissions?: string };
  const opts = (c: Command) => c.option('--home <url>', 'home page').option('--max-words <n>', 'excerpt policy override').option('--max-paragraphs <n>', 'excerpt policy override')
    .option('--permissions <text>', 'what we agreed, e.g. "partner: may quote up to 300 words"');
  const policy = (o: OutletOpts) => {
    const p: Record<string, number> = {};
    for (const [k, v] of [['maxWords', o.maxWords], ['maxParagraphs', o.maxParagraphs]] as const) {
      if (v === undefined) continue;
      if (!/^\d+$/.test(v)) throw new CliError(`--${k === 'maxWords' ? 'max-words' : 'max-paragraphs'} must be a whole number`, 2);
      p[k] = Number(v);
    }
    return Object.keys(p).length ? JSON.stringify(p) : undefined;
  };
  opts(outlet.command('add').argument('<name>')).action((name: string, o: OutletOpts, cmd: Command) => withStore(ctx, async (store) => {
    requireAllowed(await actorFor(store, cmd), 'manage-outlets');
    const now = new Date().toISOString();
    const id = await insertOutlet(store.db, { name, slug: await freeSlug(store, 'outlets', slugify(name)), home_url: urlOption('--home', o.home) ?? null, excerpt_policy: policy(o) ?? null, permissions_note: o.permissions ?? null, created_at: now, updated_at: now });
    process.stdout.write(`outlet ${id} created\n`);
  }));
  opts(outlet.command('update').argument('<id-or-slug>').option('--name <name>', 'display name')).action((key: string, o: OutletOpts & { name?: string }, cmd: Command) => withStore(ctx, async (store) => {
    requireAllowed(await actorFor(store, cmd), 'manage-outlets');
    const row = await findOutlet(store.db, key);
    if (!row) throw new CliError(`no outlet ${key}`, 2);
    const home = urlOption('--home', o.home);
    const p = policy(o);
    await updateOutlet(store.db, Number(row.id), { ...(o.name ? { name: o.name } : {}), ...(home !== undefined ? { home_url: home } : {}), ...(p ? { excerpt_policy: p } : {}), ...(o.permissions !== undefined ? { permissions_note: o.permissions } : {}), updated_at: new Date().toISOString() });
    process.stdout.write(`outlet ${row.id} updated\n`);
  }));
  const tag = program.command('tag').description('tags (Latin slugs; Ukrainian names transliterated by the KMU 2010 table)');
  tag.command('list').option('--json', 'print JSON').action((o: { json?: boolean }) => withStore(ctx, async (store) => {
    const all = (await listTags(store.db)).map(toTag);
    output(Boolean(o.json), all, all.map((t) => `${t.slug.padEnd(30)} ${t.names.en}${t.names.uk ? ` / ${t.names.uk}` : ''}`).join('\n') || '(no tags)');
  }));
  tag.command('add').argument('<names...>').action((names: string[], _o: unknown, cmd: Command) => withStore(ctx, async (store) => {
    requireAllowed(await actorFor(store, cmd), 'manage-tags');
    const ids = await ensureTags(store, names, new Date().toISOString());
    process.stdout.write(`${ids.length} tag(s) ready\n`);
  }));
}

/** `newsdesk person …`, `newsdesk outlet …`, `newsdesk tag …`. */
export function registerDirectory(program: Command, ctx: CliContext): void {
  registerPeople(program, ctx);
  registerOutletsAndTags(program, ctx);
}
