/**
 * The NEWSDESK_FETCH_ALLOW setting: an explicit list of otherwise-forbidden destinations that
 * tests and local demos may reach (loopback fixture servers). Each entry opens exactly one host
 * name as written in the URL, on any port (`host`) or on one port (`host:port`); nothing else.
 */
import { effectivePort } from './address-policy.ts';

/** One parsed allowlist entry; `port` undefined means any port of that host. */
export interface AllowEntry {
  /** Canonical URL hostname: lower-case name, dotted IPv4, or bracketed IPv6 (`[::1]`). */
  host: string;
  port?: number;
}

// host is a bracketed IPv6 literal or a run without brackets/colons/slashes/@; port 1–5 digits.
const ENTRY = /^(\[[0-9a-fA-F:.]+\]|[^\s:/@[\]?#]+)(?::(\d{1,5}))?$/;

/**
 * Parses the raw NEWSDESK_FETCH_ALLOW value (comma-separated `host` or `host:port`).
 * Throws an Error with a one-line message naming the bad entry; '' or whitespace gives [].
 */
export function parseFetchAllow(raw: string): AllowEntry[] {
  const entries: AllowEntry[] = [];
  for (const part of raw.split(',')) {
    const text = part.trim();
    if (!text) continue;
    const m = ENTRY.exec(text);
    if (!m) throw new Error(`NEWSDESK_FETCH_ALLOW: "${text}" is not host or host:port`);
    let host: string;
    try {
      // Canonicalise exactly as request URLs are (127.1 → 127.0.0.1, [0::1] → [::1], case).
      host = new URL(`http://${m[1]}/`).hostname;
    } catch {
      throw new Error(`NEWSDESK_FETCH_ALLOW: "${text}" has an invalid host`);
    }
    const port = m[2] === undefined ? undefined : Number(m[2]);
    if (port !== undefined && (port < 1 || port > 65535)) {
      throw new Error(`NEWSDESK_FETCH_ALLOW: "${text}" has a port outside 1-65535`);
    }
    entries.push(port === undefined ? { host } : { host, port });
  }
  return entries;
}

/** True when the URL's host (and port) is opened by one of the entries. */
export function isAllowed(entries: readonly AllowEntry[], url: URL): boolean {
  return isAllowedTarget(entries, url.hostname, effectivePort(url));
}

/** Same check for a connection target as undici names it (hostname, brackets optional, port). */
export function isAllowedTarget(entries: readonly AllowEntry[], hostname: string, port: number): boolean {
  if (entries.length === 0) return false;
  const bare = stripHost(hostname);
  return entries.some((e) => stripHost(e.host) === bare && (e.port === undefined || e.port === port));
}

function stripHost(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
}
