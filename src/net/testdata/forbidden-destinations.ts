/**
 * The SSRF table shared by the net suite and the hardening suites (capture, feed polling, link
 * checking): URLs that must be refused, and a fake DNS whose public-looking names resolve to
 * forbidden addresses. Pass `fakeLookup` as the fetcher's `lookup` option.
 */
import type { ResolvedAddress } from '../guarded-agent.ts';

// A DNS we control: names that look public but resolve to forbidden addresses.
/** Names and what the fake DNS answers for them. */
export const FAKE_DNS: Record<string, ResolvedAddress[]> = {
  'evil.test': [{ address: '127.0.0.1', family: 4 }],
  'v6evil.test': [{ address: '::1', family: 6 }],
  'meta.test': [{ address: '169.254.169.254', family: 4 }],
  'mixed.test': [{ address: '93.184.215.14', family: 4 }, { address: '10.0.0.5', family: 4 }],
  'mapped.test': [{ address: '::ffff:127.0.0.1', family: 6 }],
  'fixture.test': [{ address: '127.0.0.1', family: 4 }],
};
/** A resolver over FAKE_DNS; unknown names fail like ENOTFOUND. */
export const fakeLookup = async (name: string): Promise<ResolvedAddress[]> => {
  const hit = FAKE_DNS[name];
  if (!hit) throw Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  return hit;
};

/**
 * The forbidden destinations with the rule each must be refused by. `B` is the port of a
 * counting loopback listener (so a leak would be seen); `redirector` is an allowed fixture URL
 * that answers `?to=<url>` with a 302 to that URL.
 */
export function forbiddenDestinations(B: number, redirector: string): Array<[url: string, rule: string]> {
  const redirect = (to: string) => `${redirector}?to=${encodeURIComponent(to)}`;
  const fixture = new URL(redirector);
  return [
    [`http://127.0.0.1:${B}/`, 'loopback'],
    [`http://127.0.0.2:${B}/`, 'loopback'],
    [`http://2130706433:${B}/`, 'loopback'],
    [`http://0177.0.0.1:${B}/`, 'loopback'],
    [`http://0x7f.1:${B}/`, 'loopback'],
    [`http://0x7f000001:${B}/`, 'loopback'],
    [`http://017700000001:${B}/`, 'loopback'],
    [`http://0x7f.0x0.0x0.0x1:${B}/`, 'loopback'],
    [`http://127.1:${B}/`, 'loopback'],
    [`http://127.0.1:${B}/`, 'loopback'],
    [`http://127.0.0.1.:${B}/`, 'loopback'],
    [`http://[::1]:${B}/`, 'loopback'],
    [`http://[0:0:0:0:0:0:0:1]:${B}/`, 'loopback'],
    [`http://localhost:${B}/`, 'loopback'],
    [`http://LOCALHOST.:${B}/`, 'loopback'],
    [`http://news.localhost:${B}/`, 'loopback'],
    [`http://[::ffff:127.0.0.1]:${B}/`, 'ipv4-mapped'],
    [`http://[::ffff:7f00:1]:${B}/`, 'ipv4-mapped'],
    [`http://[::127.0.0.1]:${B}/`, 'ipv4-mapped'],
    [`http://[::ffff:0:7f00:1]:${B}/`, 'ipv4-mapped'],
    ['http://[::ffff:a9fe:a9fe]/', 'ipv4-mapped'],
    [`http://[64:ff9b::127.0.0.1]:${B}/`, 'nat64'],
    ['http://[64:ff9b::a9fe:a9fe]/', 'nat64'],
    ['http://[2002:7f00:1::]/', 'nat64'],
    [`http://0.0.0.0:${B}/`, 'unspecified'],
    [`http://0:${B}/`, 'unspecified'],
    [`http://[::]:${B}/`, 'unspecified'],
    ['http://10.0.0.1/', 'private'],
    ['http://172.16.5.4/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://169.254.169.254/latest/meta-data/', 'metadata'],
    ['http://[fd00:ec2::254]/', 'metadata'],
    ['http://169.254.1.1/', 'link-local'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://100.64.0.1/', 'cgnat'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://[ff02::1]/', 'multicast'],
    ['http://255.255.255.255/', 'broadcast'],
    ['http://[fd00::1]/', 'ipv6-ula'],
    ['http://192.0.2.1/', 'reserved'],
    ['http://240.0.0.1/', 'reserved'],
    ['file:///etc/passwd', 'scheme'],
    [`ftp://127.0.0.1:${B}/`, 'scheme'],
    [`gopher://127.0.0.1:${B}/_GET`, 'scheme'],
    ['data:text/html,<script>alert(1)</script>', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['http://user:secret@example.com/', 'credentials'],
    [`http://user@${fixture.host}/`, 'credentials'],
    ['http://example.com:25/', 'port-not-allowed'],
    [`http://evil.test:${B}/`, 'loopback'],
    [`http://v6evil.test:${B}/`, 'loopback'],
    ['http://meta.test/', 'metadata'],
    [`http://mixed.test:${B}/`, 'private'],
    [`http://mapped.test:${B}/`, 'ipv4-mapped'],
    [`http://fixture.test:${B}/`, 'loopback'],
    [redirect(`http://127.0.0.1:${B}/`), 'loopback'],
    [redirect(`http://[::1]:${B}/`), 'loopback'],
    [redirect(`http://2130706433:${B}/`), 'loopback'],
    [redirect(`http://evil.test:${B}/`), 'loopback'],
    [redirect('http://169.254.169.254/latest/meta-data/'), 'metadata'],
    [redirect('file:///etc/passwd'), 'scheme'],
    [redirect(`gopher://127.0.0.1:${B}/`), 'scheme'],
  ];
}

