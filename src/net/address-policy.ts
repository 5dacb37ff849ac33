/**
 * Which network destinations newsdesk may reach. Anything that is not plainly a public unicast
 * address is refused, because a capture URL is chosen by an editor (or a feed) and must never be
 * able to reach the machine itself, the newsroom's network or a cloud metadata service (SSRF).
 */
import ipaddr from 'ipaddr.js';

/** The name of the rule that refused a destination; shown to editors and asserted by tests. */
export type RefusalRule =
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'metadata'
  | 'cgnat'
  | 'multicast'
  | 'broadcast'
  | 'unspecified'
  | 'reserved'
  | 'ipv6-ula'
  | 'ipv4-mapped'
  | 'nat64'
  | 'scheme'
  | 'credentials'
  | 'port-not-allowed';

/** A refused destination: the rule and a one-line reason an editor can read. */
export interface Refusal {
  rule: RefusalRule;
  message: string;
}

/** Human words for each address rule, used in messages ("127.0.0.1 is a loopback address"). */
const RULE_WORDS: Partial<Record<RefusalRule, string>> = {
  loopback: 'a loopback address',
  private: 'a private network address',
  'link-local': 'a link-local address',
  metadata: 'a cloud metadata address',
  cgnat: 'a carrier-grade NAT (shared) address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  unspecified: 'an unspecified address',
  reserved: 'a reserved or documentation address',
  'ipv6-ula': 'an IPv6 unique local address',
};

// Cloud metadata services (AWS/GCP/Azure/OpenStack, AWS IPv6 IMDS) get their own rule so the
// message is unmistakable; they would be refused as link-local/ULA anyway.
const METADATA = new Set(['169.254.169.254', 'fd00:ec2::254']);

// Ranges ipaddr.js reports as their own kind; every one that is not global unicast is refused.
const V4_RULES: Record<string, RefusalRule> = {
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'cgnat',
  private: 'private',
  reserved: 'reserved',
  as112: 'reserved',
  amt: 'reserved',
  benchmarking: 'reserved',
};

const V6_RULES: Record<string, RefusalRule> = {
  unspecified: 'unspecified',
  linkLocal: 'link-local',
  multicast: 'multicast',
  loopback: 'loopback',
  uniqueLocal: 'ipv6-ula',
  deprecatedSiteLocal: 'private',
};

/** Strips the brackets of an IPv6 URL host and any zone id; returns the bare address text. */
export function bareAddress(host: string): string {
  const inner = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const zone = inner.indexOf('%');
  return zone >= 0 ? inner.slice(0, zone) : inner;
}

/** True when `host` (a URL hostname, IPv6 possibly in brackets) is an IP literal. */
export function isIpLiteral(host: string): boolean {
  return ipaddr.isValid(bareAddress(host)) && (host.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(host));
}

function refusal(rule: RefusalRule, shown: string, extra = ''): Refusal {
  return { rule, message: `refused: ${shown} is ${RULE_WORDS[rule] ?? 'not a public address'}${extra}` };
}

function classifyV4(addr: ipaddr.IPv4, shown: string): Refusal | null {
  const text = addr.toString();
  if (METADATA.has(text)) return refusal('metadata', shown);
  const range = addr.range();
  if (range === 'unicast') return null;
  return refusal(V4_RULES[range] ?? 'reserved', shown);
}

// An IPv6 address that carries an IPv4 one (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64
// 64:ff9b::/96, 6to4 2002::/16) is judged by the address inside it: the kernel or a translator
// would deliver the packets there.
function embeddedV4(addr: ipaddr.IPv6): { v4: ipaddr.IPv4; rule: RefusalRule } | null {
  const [p0, p1, p2, p3, p4, p5, p6, p7] = addr.parts as [number, number, number, number, number, number, number, number];
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  const zeroHead = p0 === 0 && p1 === 0 && p2 === 0 && p3 === 0;
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), ::ffff:0:a.b.c.d (RFC 6145 translated)
  if (zeroHead && p4 === 0 && (p5 === 0 || p5 === 0xffff)) return { v4: v4(p6, p7), rule: 'ipv4-mapped' };
  if (zeroHead && p4 === 0xffff && p5 === 0) return { v4: v4(p6, p7), rule: 'ipv4-mapped' };
  if (p0 === 0x64 && p1 === 0xff9b && p2 === 0 && p3 === 0 && p4 === 0 && p5 === 0) return { v4: v4(p6, p7), rule: 'nat64' };
  if (p0 === 0x2002) return { v4: v4(p1, p2), rule: 'nat64' };
  return null;
}

function classifyV6(addr: ipaddr.IPv6, shown: string): Refusal | null {
  const text = addr.toString();
  if (METADATA.has(text)) return refusal('metadata', shown);
  const range: string = addr.range();
  const direct = V6_RULES[range];
  if (direct) return refusal(direct, shown);
  const inner = embeddedV4(addr);
  if (inner) {
    const v4 = classifyV4(inner.v4, inner.v4.toString());
    if (!v4) return null;
    const kind = inner.rule === 'nat64' ? 'a NAT64/6to4 form of' : 'an IPv4-mapped form of';
    return { rule: inner.rule, message: `refused: ${shown} is ${kind} ${inner.v4.toString()} (${v4.rule})` };
  }
  // RFC 8215 local-use NAT64 prefix: where the IPv4 address sits depends on local config.
  if (range === 'rfc6052') return { rule: 'nat64', message: `refused: ${shown} is a local-use NAT64 address` };
  // Global unicast is 2000::/3; everything else (teredo, orchid, documentation, discard …) is refused.
  const isGlobal = (addr.parts[0]! & 0xe000) === 0x2000 && !['teredo', 'reserved', 'benchmarking', 'orchid2', 'amt', 'as112v6', 'droneRemoteIdProtocolEntityTags'].includes(range);
  return isGlobal && range !== 'discard' ? null : refusal('reserved', shown);
}

/** Classifies an IP address (v4 or v6, brackets allowed); null when it is public and may be reached. */
export function classifyAddress(address: string): Refusal | null {
  const bare = bareAddress(address);
  if (!ipaddr.isValid(bare)) return { rule: 'reserved', message: `refused: ${address} is not a valid IP address` };
  const parsed = ipaddr.parse(bare);
  const shown = bare;
  return parsed.kind() === 'ipv4' ? classifyV4(parsed as ipaddr.IPv4, shown) : classifyV6(parsed as ipaddr.IPv6, shown);
}

// The fetch standard's "bad ports": well-known non-HTTP services that a crafted request could
// talk to (SMTP, IRC, SIP …). https://fetch.spec.whatwg.org/#port-blocking
const BAD_PORTS = new Set([
  0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110,
  111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532,
  540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
  6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** The port a URL will connect to (its explicit port or the scheme's default). */
export function effectivePort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/**
 * Checks what can be known about a URL before any connection: scheme, credentials, port and,
 * for IP-literal or obviously local hosts, the address itself. Hostnames are judged again after
 * DNS, at connect time. Returns null when the URL may proceed to that stage.
 */
export function checkUrlShape(url: URL): Refusal | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { rule: 'scheme', message: `refused: the ${url.protocol} scheme is not allowed (only http and https)` };
  }
  if (url.username || url.password) {
    return { rule: 'credentials', message: 'refused: URLs with a user name or password are not allowed' };
  }
  const port = effectivePort(url);
  if (BAD_PORTS.has(port)) {
    return { rule: 'port-not-allowed', message: `refused: port ${port} belongs to a non-web service` };
  }
  return null;
}

/** Judges the host part of a URL without DNS: IP literals and `localhost` names. Null = continue. */
export function checkHost(hostname: string): Refusal | null {
  if (isIpLiteral(hostname)) return classifyAddress(hostname);
  const name = hostname.toLowerCase().replace(/\.$/, '');
  // RFC 6761: localhost and *.localhost always mean this machine, whatever DNS says.
  if (name === 'localhost' || name.endsWith('.localhost')) return refusal('loopback', hostname);
  return null;
}
