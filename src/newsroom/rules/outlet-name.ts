/** The outlet's display name, falling back to the host name when a capture names no outlet. */
import { domainToUnicode } from 'node:url';

/** The name to show, whether it is a fallback, and the warning the editor should see then. */
export type OutletName = { name: string; fellBack: false } | { name: string; fellBack: true; warning: string };

/** The host a reader would recognise: Unicode, lower case, without `www.` or `m.`. Null for a non-http(s) URL. */
export function readableHost(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = domainToUnicode(u.hostname) || u.hostname;
  return host.replace(/\.$/, '').replace(/^(?:www\d?|m|amp)\./, '');
}

/** The outlet name from the capture (trimmed), else the host of `url` with a warning saying so. */
export function outletName(name: string | null | undefined, url: string): OutletName {
  const clean = name?.trim().replace(/\s+/g, ' ') ?? '';
  if (clean !== '') return { name: clean, fellBack: false };
  const host = readableHost(url) ?? url.trim();
  return { name: host, fellBack: true, warning: `the page names no outlet; using the host name "${host}" until an editor sets one` };
}
