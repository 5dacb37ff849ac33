/**
 * The undici Agent every request goes through. Its connector judges each new connection at the
 * moment it is made: IP-literal hosts before connecting, hostnames after DNS (every address the
 * name resolves to), and finally the address the socket actually reached, so DNS rebinding
 * between a check and the connect cannot slip through.
 */
import { promises as dns } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { bareAddress, checkHost, classifyAddress } from './address-policy.ts';
import { isAllowedTarget, type AllowEntry } from './fetch-allow.ts';
import { RefusedError } from './fetch-result.ts';

/** A resolved address, as dns.lookup({all:true}) returns them. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to its addresses; tests inject one to simulate hostile DNS. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** Options for the guarded agent. */
export interface GuardedAgentOptions {
  allow: readonly AllowEntry[];
  resolver?: Resolver;
  connectTimeoutMs: number;
  /** Idle timeouts between bytes; the total deadline is enforced by the caller's signal. */
  idleTimeoutMs: number;
  maxHeaderSize: number;
}

const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

function notFound(hostname: string): Error {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
}

// Adapts a promise resolver to net.connect's callback-style `lookup`, refusing (when guarded)
// if ANY address is not public: a name that mixes public and private records is hostile.
function netLookup(resolve: Resolver, guarded: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (all) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const addrs = family ? all.filter((a) => a.family === family) : all;
        if (addrs.length === 0) throw notFound(hostname);
        if (guarded) {
          for (const a of addrs) {
            const r = classifyAddress(a.address);
            if (r) throw new RefusedError({ rule: r.rule, message: `refused: ${hostname} resolves to an address that is not public (${r.message.replace(/^refused: /, '')})` });
          }
        }
        if (options.all) callback(null, addrs);
        else callback(null, addrs[0]!.address, addrs[0]!.family);
      },
    ).catch((err: NodeJS.ErrnoException) => callback(err, '', 0));
  };
}

/** Builds the agent: keep-alive pooling, header size cap, and the guarded connector. */
export function createGuardedAgent(opts: GuardedAgentOptions): Agent {
  const resolve = opts.resolver ?? systemResolver;
  const base = { timeout: opts.connectTimeoutMs, maxCachedSessions: 100 };
  const guarded = buildConnector({ ...base, lookup: netLookup(resolve, true) } as buildConnector.BuildOptions);
  const open = buildConnector({ ...base, lookup: netLookup(resolve, false) } as buildConnector.BuildOptions);

  const connect: buildConnector.connector = (options, callback) => {
    const host = bareAddress(options.hostname);
    const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
    // An allowlisted host:port is reached whatever it resolves to: that is what the setting is for.
    if (isAllowedTarget(opts.allow, host, port)) return open(options, callback);
    // net.connect skips `lookup` for IP literals, so literals are judged here, before any packet.
    const early = checkHost(options.hostname);
    if (early) return callback(new RefusedError(early), null);
    guarded(options, (err, socket) => {
      if (err) return callback(err, null);
      const remote = socket!.remoteAddress;
      const late = remote ? classifyAddress(remote) : { rule: 'reserved' as const, message: 'refused: connected to an unknown address' };
      if (late) {
        socket!.destroy();
        return callback(new RefusedError(late), null);
      }
      callback(null, socket!);
    });
  };

  return new Agent({
    connect,
    maxHeaderSize: opts.maxHeaderSize,
    headersTimeout: opts.idleTimeoutMs,
    bodyTimeout: opts.idleTimeoutMs,
    keepAliveTimeout: 4_000,
  });
}
