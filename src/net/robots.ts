/**
 * robots.txt (RFC 9309): a small parser and matcher for the `newsdesk` product token, and a
 * per-origin cache. Matching is a linear wildcard matcher, not a RegExp, so a hostile file
 * full of `*` cannot make a check slow.
 */
import type { FetchResult } from './fetch-result.ts';

/** One Allow/Disallow line that applies to us. */
export interface RobotsRule {
  allow: boolean;
  pattern: string;
}

/** The rules of one robots.txt for our user agent; `disallowAll` is set when it could not be read. */
export interface RobotsPolicy {
  rules: RobotsRule[];
  disallowAll?: boolean;
}

/** The product token newsdesk matches in `User-agent:` lines. */
export const ROBOTS_TOKEN = 'newsdesk';

// Percent-encode what a URL path would have encoded, so `Disallow: /новости` matches.
function encodePattern(p: string): string {
  return p.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));
}

/** Parses robots.txt text into the rules for `token` (falling back to the `*` groups). */
export function parseRobots(text: string, token = ROBOTS_TOKEN): RobotsPolicy {
  const mine: RobotsRule[] = [];
  const star: RobotsRule[] = [];
  let agents: string[] = [];
  let inRules = false;
  let matchedAny = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'user-agent') {
      // A user-agent line after rules starts a new group (RFC 9309 §2.1).
      if (inRules) agents = [];
      inRules = false;
      const name = value.split(/[/\s]/)[0]!.toLowerCase();
      agents.push(name);
      if (name === token) matchedAny = true;
    } else if (key === 'allow' || key === 'disallow') {
      inRules = true;
      if (!value) continue; // an empty Disallow allows everything: no rule needed
      const rule = { allow: key === 'allow', pattern: encodePattern(value) };
      if (agents.includes(token)) mine.push(rule);
      if (agents.includes('*')) star.push(rule);
    }
  }
  return { rules: matchedAny ? mine : star };
}

/** Wildcard match of a robots pattern against a path (prefix match unless it ends in `$`). */
export function patternMatches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const pat = anchored ? pattern.slice(0, -1) : pattern;
  let p = 0;
  let s = 0;
  let starP = -1;
  let starS = 0;
  while (s < path.length) {
    if (pat[p] === '*') {
      starP = p++;
      starS = s;
    } else if (p === pat.length && !anchored) {
      return true;
    } else if (p < pat.length && pat[p] === path[s]) {
      p++;
      s++;
    } else if (starP >= 0) {
      p = starP + 1;
      s = ++starS;
    } else {
      return false;
    }
  }
  while (pat[p] === '*') p++;
  return p === pat.length;
}

/** True when `path` (path + query) may be fetched: the longest matching rule wins, Allow on ties. */
export function isPathAllowed(policy: RobotsPolicy, path: string): boolean {
  if (policy.disallowAll) return false;
  if (path === '/robots.txt') return true;
  let best: RobotsRule | null = null;
  for (const rule of policy.rules) {
    if (!patternMatches(rule.pattern, path)) continue;
    const longer = !best || rule.pattern.length > best.pattern.length;
    const tieAllow = best && rule.pattern.length === best.pattern.length && rule.allow;
    if (longer || tieAllow) best = rule;
  }
  return best ? best.allow : true;
}

/** What the cache answers for one URL. */
export interface RobotsVerdict {
  allowed: boolean;
  message?: string;
}

interface Entry {
  policy: Promise<RobotsPolicy>;
  expires: number;
}

const OK_TTL_MS = 60 * 60 * 1000;
const ERROR_TTL_MS = 5 * 60 * 1000;
const MAX_ENTRIES = 2000;

/** Interprets the fetch of /robots.txt as RFC 9309 says (§2.3.1.2–2.3.1.4). */
export function policyFromResult(r: FetchResult): RobotsPolicy {
  if (r.ok && !r.notModified) return parseRobots(r.text ?? r.bytes.toString('utf8'));
  if (r.ok) return { rules: [] };
  // 4xx, too many redirects: no robots.txt, everything allowed. Refused/DNS/bad URL: the page
  // fetch itself will fail with the clearer reason, so do not blame robots.txt for it.
  if (r.reason === 'http-status' && r.status !== undefined && r.status < 500) return { rules: [] };
  if (['too-many-redirects', 'redirect-loop', 'refused', 'dns', 'bad-url'].includes(r.reason)) return { rules: [] };
  // 5xx and network trouble: the site may be in distress; assume complete disallow.
  return { rules: [], disallowAll: true };
}

/** Caches robots.txt policies per origin (scheme, host, port) for an hour, errors for minutes. */
export class RobotsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly load: (robotsUrl: string) => Promise<FetchResult>;

  /** `load` fetches a robots.txt URL through the same guarded fetcher. */
  constructor(load: (robotsUrl: string) => Promise<FetchResult>) {
    this.load = load;
  }

  /** Whether `url` may be fetched by newsdesk according to its origin's robots.txt. */
  async check(url: URL): Promise<RobotsVerdict> {
    const policy = await this.policyFor(url.origin);
    if (isPathAllowed(policy, url.pathname + url.search)) return { allowed: true };
    const message = policy.disallowAll
      ? `${url.host}/robots.txt could not be read (server error); treating the site as closed to robots`
      : `${url.host}/robots.txt disallows ${url.pathname} for newsdesk`;
    return { allowed: false, message };
  }

  private policyFor(origin: string): Promise<RobotsPolicy> {
    const now = Date.now();
    const hit = this.entries.get(origin);
    if (hit && hit.expires > now) return hit.policy;
    const entry: Entry = { policy: this.fetchPolicy(origin), expires: now + OK_TTL_MS };
    entry.policy.then((p) => {
      if (p.disallowAll) entry.expires = Date.now() + ERROR_TTL_MS;
    }, () => this.entries.delete(origin));
    this.entries.delete(origin);
    this.entries.set(origin, entry);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return entry.policy;
  }

  private async fetchPolicy(origin: string): Promise<RobotsPolicy> {
    return policyFromResult(await this.load(`${origin}/robots.txt`));
  }
}
