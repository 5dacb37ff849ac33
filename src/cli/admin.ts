import type { Command } from 'commander';
import { AppError } from '../model/app-error.ts';
import { addUser, generatePassword, hashPassword } from '../newsroom/accounts.ts';
import { clearDemo, seedDemoIfEmpty } from '../newsroom/demo.ts';
import { changeRole } from '../newsroom/roles.ts';
import { createResetLink } from '../newsroom/password-reset.ts';
import { updateSiteSettings } from '../newsroom/site-settings.ts';
import { getSiteSettings } from '../store/settings.ts';
import { actorFor } from './actor.ts';
import type { Command as Cmd } from 'commander';
import { recordAudit } from '../store/audit.ts';
import { forgetDemoCleared } from '../store/demo.ts';
import { deleteUserSessions } from '../store/editor-sessions.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { openStore } from '../store/open.ts';
import { findUserByEmail, ROLES, setPasswordHash } from '../store/users.ts';
import { CliError } from './cli-error.ts';
import { output, withStore, type CliContext } from './context.ts';

/** Reads a password piped on standard input; undefined when stdin is a terminal or empty. */
async function passwordFromStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  return text === '' ? undefined : text;
}

function asCliError(err: unknown): never {
  if (err instanceof AppError) throw new CliError(err.message, 2);
  throw err;
}

/** `newsdesk migrate`, `newsdesk user …`, `newsdesk demo …`. */
export function registerAdmin(program: Command, ctx: CliContext): void {
  program.command('migrate').description('bring the database schema up to date (every command also does this)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const store = await openStore({ databaseUrl: ctx.config.databaseUrl, dataDir: ctx.config.dataDir });
      try {
        const r = await migrateToLatest(store);
        output(Boolean(opts.json), { ...r, database: store.dialect }, r.alreadyCurrent ? `schema is current (${store.dialect})` : `applied ${r.applied.join(', ')} (${store.dialect})`);
      } finally {
        await store.close();
      }
    });

  const user = program.command('user').description('manage editors\u2019 accounts');
  user.command('add').description('create an account; the password is read from standard input, or generated and printed')
    .requiredOption('--email <email>', 'sign-in email').requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--name <name>', 'display name').option('--json', 'print the result as JSON')
    .action(async (opts: { email: string; role: string; name?: string; json?: boolean }) => {
      const password = await passwordFromStdin();
      await withStore(ctx, async (store) => {
        const r = await addUser(store, { email: opts.email, role: opts.role, ...(opts.name ? { name: opts.name } : {}), ...(password ? { password } : {}), now: new Date() }).catch(asCliError);
        output(Boolean(opts.json), { id: r.id, email: opts.email.toLowerCase(), role: opts.role, ...(r.generatedPassword ? { password: r.generatedPassword } : {}) },
          `created ${opts.role} ${opts.email.toLowerCase()}${r.generatedPassword ? `\npassword: ${r.generatedPassword}` : ''}`);
      });
    });
  user.command('password').description('set a new password (from standard input, or generated and printed)')
    .requiredOption('--email <email>', 'the account').action(async (opts: { email: string }) => {
      const given = await passwordFromStdin();
      if (given !== undefined && given.length < 10) throw new CliError('password must have at least 10 characters', 2);
      await withStore(ctx, async (store) => {
        const u = await findUserByEmail(store.db, opts.email);
        if (!u) throw new CliError(`no user with email ${opts.email}`, 2);
        const password = given ?? generatePassword();
        const now = new Date().toISOString();
        await setPasswordHash(store.db, u.id, await hashPassword(password), now);
        await deleteUserSessions(store.db, u.id);
        await recordAudit(store.db, { at: now, userId: null, action: 'user.password-reset', subjectType: 'user', subjectId: u.id });
        process.stdout.write(given ? `password changed for ${u.email}; their sessions were signed out\n` : `new password for ${u.email}: ${password}\n`);
      });
    });

  user.command('reset-link').description('print a one-time link (valid 24 hours) with which the user sets a new password')
    .requiredOption('--email <email>', 'the account').action((opts: { email: string }) => withStore(ctx, async (store) => {
      const r = await createResetLink(store, opts.email, ctx.config.siteUrl, new Date()).catch(asCliError);
      process.stdout.write(`reset link for ${opts.email.toLowerCase()} (valid until ${r.expiresAt}, works once):\n${r.url}\n`);
    }));
  user.command('role').description('change a user\u2019s role (admins only)').requiredOption('--email <email>', 'the account').requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .action((opts: { email: string; role: string }, cmd: Cmd) => withStore(ctx, async (store) => {
      await changeRole(store, await actorFor(store, cmd), opts.email, opts.role, new Date()).catch(asCliError);
      process.stdout.write(`${opts.email} is now ${opts.role}\n`);
    }));

  const settings = program.command('settings').description('site settings: name, languages, time zone, excerpt policy, note templates, reader support');
  settings.command('show').description('print the settings as JSON').action(() => withStore(ctx, async (store) => {
    process.stdout.write(`${JSON.stringify(await getSiteSettings(store.db), null, 2)}\n`);
  }));
  settings.command('set').description('change settings from a JSON object, e.g. \'{"timeZone":"Europe/Kyiv","excerptPolicy":{"maxParagraphs":3,"maxWords":200,"maxShare":0.3}}\'')
    .argument('<json>', 'the settings to change').action((json: string, _o: unknown, cmd: Cmd) => withStore(ctx, async (store) => {
      let changes: unknown;
      try { changes = JSON.parse(json); } catch (err) { throw new CliError(`settings: not valid JSON (${(err as Error).message})`, 2); }
      await updateSiteSettings(store, await actorFor(store, cmd), changes, new Date()).catch(asCliError);
      process.stdout.write('settings saved\n');
    }));

  program.command('demo').description('seed or remove the demo site').option('--clear', 'remove the demo content').option('--seed', 'seed the demo into an empty database')
    .action(async (opts: { clear?: boolean; seed?: boolean }) => {
      if (!opts.clear && !opts.seed) throw new CliError('say --clear to remove the demo content or --seed to add it', 2);
      await withStore(ctx, async (store) => {
        if (opts.clear) {
          const r = await clearDemo(store, new Date());
          process.stdout.write(`removed the demo: ${r.pieces} pieces, ${r.people} people, ${r.outlets} outlets, ${r.tags} tags\n`);
        } else {
          await forgetDemoCleared(store.db);
          const seeded = await seedDemoIfEmpty(store, { siteUrl: ctx.config.siteUrl, now: new Date() });
          process.stdout.write(seeded ? 'seeded the demo site\n' : 'the database already has pieces; the demo was not added\n');
        }
      });
    });
}
