/** Query parameters that only track a click; removing them makes two links to one article compare equal. */
const TRACKERS = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|cmpid|ref_src|igshid|_ga|yclid|twclid|s_cid|sr_share)$/i;

/**
 * A URL's comparable form: lower-case scheme and host, no default port, no fragment, no tracking
 * parameters, no trailing slash on non-root paths. Returns null for anything that is not absolute http(s).
 */
export function canonicalizeUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (TRACKERS.test(key)) u.searchParams.delete(key);
  u.search = u.searchParams.toString() ? `?${u.searchParams.toString()}` : '';
  if (u.pathname.length > 1) u.pathname = u.pathname.replace(/\/+$/, '');
  return u.toString();
}

// Query parameters that only switch a page to its AMP rendering.
const AMP_PARAMS = /^(amp|outputtype|output|format)$/i;

/**
 * The dedupe key of a link: its canonical form with AMP and mobile variants folded into the desktop
 * page (`m.`/`mobile.`/`amp.` hosts, `/amp` path segments, `.amp.html`, `?amp=1`, `?outputType=amp`),
 * so one article reached through several renderings is one candidate. `www.` folds too, because feeds
 * link the bare and the www host interchangeably. Only a key: fetch the original URL. Null like canonicalizeUrl.
 */
export function dedupeUrl(raw: string): string | null {
  const canonical = canonicalizeUrl(raw);
  if (!canonical) return null;
  const u = new URL(canonical);
  u.hostname = u.hostname.replace(/^(m|mobile|amp|www)\.(?=[^.]+\.[^.]+)/, '');
  u.pathname = u.pathname.replace(/\/amp(?=\/|$)/g, '').replace(/\.amp(\.html?)?$/, (_m, ext: string | undefined) => ext ?? '') || '/';
  for (const key of [...u.searchParams.keys()]) {
    const v = u.searchParams.get(key) ?? '';
    if (AMP_PARAMS.test(key) && (key.toLowerCase() === 'amp' || /^amp$/i.test(v))) u.searchParams.delete(key);
  }
  u.search = u.searchParams.toString() ? `?${u.searchParams.toString()}` : '';
  if (u.pathname.length > 1) u.pathname = u.pathname.replace(/\/+$/, '');
  return u.toString();
}
