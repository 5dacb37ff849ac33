// Entry point: read the config once, then hand over to the command line. No logic lives here.
import { buildProgram } from './cli/program.ts';
import { CliError } from './cli/cli-error.ts';
import { cliContext } from './cli/context.ts';
import { ConfigError, loadConfig, SETTINGS_DOC } from './config/config.ts';
import { AppError } from './model/app-error.ts';
import { StoreError } from './store/store-error.ts';

function fail(message: string, code: number): never {
  process.stderr.write(`newsdesk: ${message}\n`);
  process.exit(code);
}

try {
  const program = buildProgram(cliContext(loadConfig(), SETTINGS_DOC));
  program.exitOverride((err) => process.exit(err.exitCode));
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError || err instanceof StoreError) fail(err.message, 2);
  if (err instanceof CliError) fail(err.message, err.exitCode);
  if (err instanceof AppError) fail(err.message, err.code === 'forbidden' ? 3 : 2);
  fail(`unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`, 1);
}
