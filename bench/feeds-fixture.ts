/*
 * The feeds benchmark's fixture web server (a child process so its CPU is not charged to the worker).
 * Serves N feeds of mixed behaviour on 500 loopback addresses (distinct hosts for per-host politeness, reached
 * without a custom resolver, as the production worker reaches them), and remembers which items it served in
 * parseable responses, so the driver can count items lost and duplicated.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The behaviour of feed `i` (deterministic, so the driver can reason about it). */
export type Kind = 'unchanged' | 'changed' | 'syndicated' | 'slow' | 'error500' | 'timeout' | 'reset' | 'malformed' | 'huge' | 'redirect301' | 'redirect302';

/** Kind of feed i out of every 1000: 40% unchanged, 20% changed, 10% syndicated, 5% slow, 3% 500, 1% timeouts, 1% resets, 4% malformed, 0.2% huge (5 MB), 2.5% 301, 2.5% 302; the rest unchanged. */
export function kindOf(i: number): Kind {
  const r = i % 1000;
  if (r < 400) return 'unchanged';
  if (r < 600) return 'changed';
  if (r < 700) return 'syndicated';
  if (r < 750) return 'slow';
  if (r < 780) return 'error500';
  if (r < 790) return 'timeout';
  if (r < 800) return 'reset';
  if (r < 840) return 'malformed';
  if (r < 842) return 'huge';
  if (r < 867) return 'redirect301';
  if (r < 892) return 'redirect302';
  return 'unchanged';
}

// Pseudo-words from a large space: real news text shares few words between unrelated pieces, and so must this.
const SYLLABLES = 'ka za ta ri mo ne lu sa po de vi gra sto mir bel tan kor vel dan ost ber pol lin sar mak tor zen kul'.split(' ');
function words(seed: number, n: number): string {
  let x = (seed * 2654435761) >>> 0 || 1;
  const next = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x; };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const len = 2 + (next() % 3);
    let w = '';
    for (let k = 0; k < len; k++) w += SYLLABLES[next() % SYLLABLES.length];
    out.push(w);
  }
  return out.join(' ');
}

function item(key: string, link: string, seed: number, pad = 0): string {
  const date = new Date(Date.UTC(2026, 10, 1) + seed * 1000).toUTCString();
  return `<item><title>Story ${key}: ${words(seed, 6)}</title><link>${link}</link><guid isPermaLink="false">${key}</guid><pubDate>${date}</pubDate><description>${words(seed + 7, 40)}${pad ? ' '.repeat(pad) : ''}</description></item>`;
}

const feedXml = (i: number, items: string[]) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench feed ${i}</title><link>https://outlet${i % 500}.bench.test/</link>${items.join('')}</channel></rss>`;

const polls = new Map<number, number>();
const hitsThisPass = new Map<string, number>();
const served = new Set<string>();

// Each answer of a parseable feed records its item keys: those are the items newsdesk must not lose.
function body(i: number, kind: Kind): string {
  const n = (polls.get(i) ?? 0) + 1;
  polls.set(i, n);
  const keys: [string, string, number][] = [];
  if (kind === 'changed') for (let k = Math.max(1, 2 * n - 9); k <= 2 * n; k++) keys.push([`c${i}x${k}`, `https://outlet${i % 500}.bench.test/news/c${i}x${k}`, i * 1000 + k]);
  else if (kind === 'syndicated') {
    // Wire stories carried by 10 feeds each, in different URL spellings: one candidate each.
    const story = Math.floor(i / 10) % 50;
    const spellings = [`https://wire.bench.test/story/w${story}`, `https://wire.bench.test/story/w${story}/?utm_source=f${i}`, `https://wire.bench.test/story/w${story}/amp`, `https://WIRE.bench.test:443/story/w${story}#top`];
    keys.push([`w${story}`, spellings[i % spellings.length]!, 777_000 + story]);
    for (let k = 1; k <= 4; k++) keys.push([`s${i}x${k}`, `https://outlet${i % 500}.bench.test/s/${i}/${k}`, i * 1000 + k]);
  } else for (let k = 1; k <= 10; k++) keys.push([`u${i}x${k}`, `https://outlet${i % 500}.bench.test/a/${i}/${k}`, i * 1000 + k]);
  for (const [key] of keys) served.add(key);
  return feedXml(i, keys.map(([key, link, seed]) => item(key, link, seed)));
}

function hugeBody(i: number): string {
  const keys = Array.from({ length: 200 }, (_, k) => `h${i}x${k}`);
  for (const k of keys) served.add(k);
  // 200 items with long descriptions: about 5 MB on the wire.
  return feedXml(i, keys.map((k, n) => item(k, `https://outlet${i % 500}.bench.test/h/${i}/${n}`, i * 1000 + n, 25_000)));
}

function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = req.url ?? '/';
  hitsThisPass.set(url, (hitsThisPass.get(url) ?? 0) + 1);
  if (url === '/robots.txt') { res.writeHead(404).end(); return; }
  const m = /^\/(feed|moved)\/(\d+)\.xml$/.exec(url);
  if (!m) { res.writeHead(404).end(); return; }
  const i = Number(m[2]);
  const kind = kindOf(i);
  const xml = { 'content-type': 'application/rss+xml; charset=utf-8' };
  if (m[1] === 'feed' && (kind === 'redirect301' || kind === 'redirect302')) { res.writeHead(kind === 'redirect301' ? 301 : 302, { location: `/moved/${i}.xml` }).end(); return; }
  switch (kind) {
    case 'unchanged': case 'redirect301': case 'redirect302': {
      const etag = `"f${i}-v1"`;
      if (req.headers['if-none-match'] === etag) { res.writeHead(304, { etag }).end(); return; }
      res.writeHead(200, { ...xml, etag }).end(body(i, kind));
      return;
    }
    case 'changed': case 'syndicated': res.writeHead(200, xml).end(body(i, kind)); return;
    case 'slow': setTimeout(() => res.writeHead(200, xml).end(body(i, 'unchanged')), 3000); return;
    case 'error500': res.writeHead(500, { 'retry-after': '120' }).end('oops'); return;
    case 'timeout': return; // never answers: the fetch deadline must end it
    case 'reset': req.socket.destroy(); return;
    case 'malformed': res.writeHead(200, xml).end('<<rss version="2.0"><channel><<item><title>bro&&ken</chan'); return;
    case 'huge': res.writeHead(200, xml).end(hugeBody(i)); return;
  }
}

/** The 500 hosts: 127.0.1.1–127.0.1.250 and 127.0.2.1–127.0.2.250 (all of 127/8 is loopback on Linux). */
const HOSTS = Array.from({ length: 500 }, (_, h) => `127.0.${1 + Math.floor(h / 250)}.${1 + (h % 250)}`);
const servers = HOSTS.map(() => http.createServer(handle));
for (const s of servers) s.keepAliveTimeout = 30_000;
const listen = (s: http.Server, host: string, port: number) => new Promise<number>((resolve, reject) => {
  s.once('error', reject);
  s.listen(port, host, () => resolve((s.address() as AddressInfo).port));
});
// The first address picks a free port; the others take the same one, so one allowlist port fits all.
const port = await listen(servers[0]!, HOSTS[0]!, 0);
await Promise.all(servers.slice(1).map((s, k) => listen(s, HOSTS[k + 1]!, port)));
process.send?.({ type: 'ready', port, hosts: HOSTS });
process.on('message', (msg: { type: string }) => {
  if (msg.type === 'new-pass') {
    const twice = [...hitsThisPass].filter(([u, n]) => u !== '/robots.txt' && n > 1).length;
    hitsThisPass.clear();
    process.send?.({ type: 'pass', fetchedTwice: twice });
  }
  if (msg.type === 'served') process.send?.({ type: 'served', keys: [...served], fetchedTwice: [...hitsThisPass].filter(([u, n]) => u !== '/robots.txt' && n > 1).length });
  if (msg.type === 'reset') {
    // A new run: items served to an earlier run's database are not expected in this one.
    served.clear();
    hitsThisPass.clear();
    process.send?.({ type: 'reset' });
  }
  if (msg.type === 'stop') {
    for (const s of servers) s.closeAllConnections();
    void Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))).then(() => process.exit(0));
  }
});
