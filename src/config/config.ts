import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseFetchAllow } from '../net/fetch-allow.ts';

/** The project folder (where package.json lives): the default data folder is inside it, whatever the working directory. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const bool = z.union([z.boolean(), z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])])
  .transform((v) => v === true || v === '1' || v === 'true' || v === 'yes' || v === 'on');

const int = (min: number, max: number) => z.coerce.number({ error: 'must be a number' })
  .int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

/** Every setting, named as its environment variable. */
const schema = z.object({
  PORT: int(1, 65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL (unset it to use SQLite)').optional(),
  NEWSDESK_DATA_DIR: z.string().min(1).optional(),
  NEWSDESK_SITE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://news.example.org' }).optional(),
  NEWSDESK_FETCH_ALLOW: z.string().default('').superRefine((v, ctx) => {
    try { parseFetchAllow(v); } catch (err) { ctx.addIssue({ code: 'custom', message: (err as Error).message.replace(/^NEWSDESK_FETCH_ALLOW: /, '') }); }
  }),
  NEWSDESK_ROBOTS_ON_PASTE: bool.default(false),
  NEWSDESK_ROBOTS_ON_FEEDS: bool.default(true),
  NEWSDESK_WORKER_CONCURRENCY: int(1, 64).default(4),
  NEWSDESK_FEED_CONCURRENCY: int(1, 256).default(64),
  // Applied by bin/newsdesk.mjs when it starts the `worker` thread (a V8 heap limit is fixed when an isolate starts).
  NEWSDESK_WORKER_HEAP_MB: int(32, 16_384).default(128),
  NEWSDESK_DEMO: bool.default(true),
  NEWSDESK_TRUST_PROXY: bool.default(false),
  NEWSDESK_SHUTDOWN_GRACE_MS: int(0, 600_000).default(20_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The validated, frozen configuration every process reads once at start. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  siteUrl: string;
  fetchAllow: string;
  robotsOnPaste: boolean;
  robotsOnFeeds: boolean;
  workerConcurrency: number;
  /** Feed refreshes one worker runs at once, apart from `workerConcurrency` (they mostly wait on the network). */
  feedConcurrency: number;
  /** V8 heap cap of `newsdesk worker` in MB (applied by bin/newsdesk.mjs; here so that it is validated and documented). */
  workerHeapMb: number;
  demo: boolean;
  trustProxy: boolean;
  shutdownGraceMs: number;
  logLevel: string;
  /** The config file that was read, if any. */
  file: string | undefined;
}

/** A setting a person must fix; `message` names it in one line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads settings from an optional JSON file (NEWSDESK_CONFIG, or `file`) and the environment, which wins.
 * Throws ConfigError naming the first bad setting.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, file = env.NEWSDESK_CONFIG): Config {
  const fromFile = file ? readConfigFile(file) : {};
  const keys = Object.keys(schema.shape);
  const fromEnv = Object.fromEntries(keys.filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]));
  const unknown = Object.keys(fromFile).filter((k) => !keys.includes(k));
  if (unknown.length) throw new ConfigError(`config file ${file}: unknown setting ${unknown[0]} (known: ${keys.join(', ')})`);
  const parsed = schema.safeParse({ ...fromFile, ...fromEnv });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? '?');
    const given = { ...fromFile, ...fromEnv }[key];
    throw new ConfigError(`config: ${key} ${issue.message}${given === undefined ? '' : ` (got "${String(given)}")`}`);
  }
  const c = parsed.data;
  return Object.freeze({
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: path.resolve(c.NEWSDESK_DATA_DIR ?? path.join(PROJECT_ROOT, 'data')),
    siteUrl: (c.NEWSDESK_SITE_URL ?? `http://${c.HOST.includes(':') ? `[${c.HOST}]` : c.HOST}:${c.PORT}`).replace(/\/+$/, ''),
    fetchAllow: c.NEWSDESK_FETCH_ALLOW,
    robotsOnPaste: c.NEWSDESK_ROBOTS_ON_PASTE,
    robotsOnFeeds: c.NEWSDESK_ROBOTS_ON_FEEDS,
    workerConcurrency: c.NEWSDESK_WORKER_CONCURRENCY,
    feedConcurrency: c.NEWSDESK_FEED_CONCURRENCY,
    workerHeapMb: c.NEWSDESK_WORKER_HEAP_MB,
    demo: c.NEWSDESK_DEMO,
    trustProxy: c.NEWSDESK_TRUST_PROXY,
    shutdownGraceMs: c.NEWSDESK_SHUTDOWN_GRACE_MS,
    logLevel: c.LOG_LEVEL,
    file,
  });
}

function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`config file ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? err})`);
  }
  try {
    const data: unknown = JSON.parse(text);
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('expected a JSON object');
    return data as Record<string, unknown>;
  } catch (err) {
    throw new ConfigError(`config file ${file} is not valid JSON: ${(err as Error).message}`);
  }
}

/** The settings as a table for `--help` and the README: name, default, meaning. */
export const SETTINGS_DOC: readonly (readonly [string, string, string])[] = [
  ['PORT', '3000', 'HTTP port of `serve`'],
  ['HOST', '127.0.0.1', 'address `serve` listens on (0.0.0.0 for all interfaces)'],
  ['DATABASE_URL', '(unset)', 'postgres://user:pass@host:5432/db to use PostgreSQL; unset = SQLite file in the data folder'],
  ['NEWSDESK_DATA_DIR', '<project>/data', 'folder for the SQLite database and other local data'],
  ['NEWSDESK_SITE_URL', 'http://HOST:PORT', 'public URL of the site (links in feeds, sitemaps, the User-Agent)'],
  ['NEWSDESK_FETCH_ALLOW', '(empty)', 'comma-separated host or host:port entries that fetching may reach although private (tests, local demos)'],
  ['NEWSDESK_ROBOTS_ON_PASTE', 'false', 'honour robots.txt when an editor pastes a URL'],
  ['NEWSDESK_ROBOTS_ON_FEEDS', 'true', 'honour robots.txt when polling feeds'],
  ['NEWSDESK_WORKER_CONCURRENCY', '4', 'jobs one worker runs at once (captures, publishing, …), feed refreshes apart'],
  ['NEWSDESK_FEED_CONCURRENCY', '64', 'feed refreshes one worker runs at once, in a lane of their own (still one request per host at a time)'],
  ['NEWSDESK_WORKER_HEAP_MB', '128', 'V8 heap cap of `newsdesk worker` in MB (keeps a feed worker\u2019s memory bounded)'],
  ['NEWSDESK_DEMO', 'true', 'seed the demo site into an empty database on first start'],
  ['NEWSDESK_TRUST_PROXY', 'false', 'trust X-Forwarded-* headers (behind a reverse proxy)'],
  ['NEWSDESK_SHUTDOWN_GRACE_MS', '20000', 'how long SIGTERM waits for requests and jobs in flight'],
  ['LOG_LEVEL', 'info', 'pino log level'],
  ['NEWSDESK_CONFIG', '(unset)', 'path of an optional JSON file with any of these settings; the environment wins'],
];
