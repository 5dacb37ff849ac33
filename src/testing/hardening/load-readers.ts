/*
 * The readers of the load scenario: autocannon connections split over the reader site's pages, each target
 * measured on its own so a slow page cannot hide behind a fast one.
 */
import { createRequire } from 'node:module';

/** One group of readers: a name, its share of the connections, and the paths it asks for. */
export interface ReaderTarget {
  name: string;
  connections: number;
  /** Paths picked at random for each request (weighted towards the first: popular pages are asked for more). */
  paths: string[];
  /** True for pages served from the page cache (the p99 target applies to them). */
  cached: boolean;
}

/** What autocannon measured for one target. */
export interface TargetFigures {
  name: string;
  connections: number;
  cached: boolean;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Socket errors other than timeouts. */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Answers by status code. */
  statuses: Record<string, number>;
}

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number };
  errors: number; timeouts: number; non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
type Autocannon = (o: Record<string, unknown>) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** A path from `paths`, the first ones more often (squaring a uniform number gives a simple popularity skew). */
function pick(paths: readonly string[]): string {
  return paths[Math.floor(Math.random() ** 2 * paths.length)]!;
}

/** Runs one target's readers for `seconds` against `base`. Requests time out after `timeoutSeconds` (autocannon's default 10). */
export async function readTarget(base: string, t: ReaderTarget, seconds: number, timeoutSeconds = 10): Promise<TargetFigures> {
  const r = await autocannon({
    url: base, connections: t.connections, duration: seconds, timeout: timeoutSeconds,
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, method: 'GET', path: pick(t.paths) }) }],
  });
  const statuses = Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count]));
  return {
    name: t.name, connections: t.connections, cached: t.cached, requests: r.requests.total, rps: Math.round(r.requests.average),
    p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max,
    errors: r.errors - r.timeouts, timeouts: r.timeouts, non2xx: r.non2xx, statuses,
  };
}

const WORDS = 'grain corridor port ship river steppe market energy court election budget school hospital bridge railway harbour festival archive border council'.split(' ');

/** A bounded set of search paths as readers type them: popular single words, some pairs, outlets and people, page 2 now and then. */
export function searchPaths(): string[] {
  const words = WORDS.map((w) => `/search?q=${w}`);
  const pairs = WORDS.slice(0, 10).map((w, i) => `/search?q=${w}+${WORDS[(i * 3 + 5) % WORDS.length]}`);
  const names = ['Outlet+3', 'Person+Number12', 'Person+Number150', 'Outlet+17'].map((q) => `/search?q=${q}`);
  const second = WORDS.slice(0, 5).map((w) => `/search?q=${w}&page=2`);
  return [...words, ...pairs, ...names, ...second];
}

/** The scenario's four reader groups (200 connections by default): home, piece pages, search, and the site's feeds. */
export function readerTargets(piecePaths: string[], connections = 200): ReaderTarget[] {
  const share = (f: number) => Math.max(1, Math.round(connections * f));
  return [
    { name: 'home page', connections: share(0.25), paths: ['/'], cached: true },
    { name: `piece pages (${piecePaths.length})`, connections: share(0.3), paths: piecePaths, cached: true },
    { name: 'feeds (RSS, Atom, JSON; site and tag)', connections: share(0.25), paths: ['/feed.xml', '/feed.atom', '/feed.json', '/tag/tag-1/feed.xml', '/tag/tag-2/feed.atom'], cached: true },
    { name: `search (${searchPaths().length} queries)`, connections: share(0.2), paths: searchPaths(), cached: false },
  ];
}
