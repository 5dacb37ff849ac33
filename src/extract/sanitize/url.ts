/** URL rules for extracted content: resolve against the page, allow only safe schemes. */

const SAFE_LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * Resolves `href` against `base` and returns it when its scheme is safe for a link
 * (http, https, mailto), else null. `javascript:`, `data:`, `vbscript:` and the like never pass.
 */
export function safeLinkUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  // Browsers ignore control characters and whitespace inside schemes (`java\tscript:`); strip them first.
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const cleaned = href.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (cleaned === '' || cleaned.startsWith('#')) return null;
  try {
    const url = new URL(cleaned.replace(/[\t\n\r]/g, ''), base);
    return SAFE_LINK_SCHEMES.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Resolves an image or embed source against `base`; only absolute http(s) URLs pass. */
export function safeMediaUrl(src: string | null | undefined, base: string): string | null {
  const url = safeLinkUrl(src, base);
  return url && /^https?:/.test(url) ? url : null;
}

/** True when `url`'s host is one of `hosts` or a subdomain of one. */
export function hostAllowed(url: string, hosts: readonly string[]): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return hosts.some((h) => {
    const allowed = h.toLowerCase();
    return host === allowed || host.endsWith(`.${allowed}`);
  });
}
