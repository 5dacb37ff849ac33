import { Command } from 'commander';
import { registerAdmin } from './admin.ts';
import { registerBackup } from './backup.ts';
import { registerCapture } from './capture.ts';
import { registerDirectory } from './directory.ts';
import { registerFeeds } from './feeds.ts';
import { registerInbox } from './inbox.ts';
import { registerLinks } from './links.ts';
import { registerPieces } from './pieces.ts';
import type { CliContext } from './context.ts';
import { registerServe, registerWorker } from './serve.ts';

/** The `newsdesk` command line: one file per command group, all calling the same functions as the web. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('newsdesk')
    .description('newsdesk: capture journalism, publish recommendations and stories, run the reader site')
    .option('--as <email>', 'act as this user (their role is enforced); default: the operator, as admin')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', `\nSettings (environment variables, or a JSON file named by NEWSDESK_CONFIG):\n${ctx.settingsDoc.map(([k, d, m]) => `  ${k.padEnd(28)} ${m} [${d}]`).join('\n')}\n`);
  registerServe(program, ctx);
  registerWorker(program, ctx);
  registerAdmin(program, ctx);
  registerCapture(program, ctx);
  registerPieces(program, ctx);
  registerDirectory(program, ctx);
  registerFeeds(program, ctx);
  registerInbox(program, ctx);
  registerLinks(program, ctx);
  registerBackup(program, ctx);
  return program;
}
