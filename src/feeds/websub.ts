/*
 * WebSub (W3C Recommendation, 2018), the subscriber's side, as pure functions: the subscription
 * request, the hub's verification of intent, and the HMAC signature on content distribution.
 */
import crypto from 'node:crypto';

/** Poll interval while a WebSub subscription is active: pushes arrive, polling is only a safety net. */
export const WEBSUB_SAFETY_POLL_SECONDS = 2 * 3600;
/** Lease we ask hubs for (they may grant another); renewed a day before it ends. */
export const WEBSUB_LEASE_SECONDS = 7 * 86_400;

/** The form fields of a subscribe/unsubscribe request to a hub (§5.1). */
export function subscriptionForm(p: { mode: 'subscribe' | 'unsubscribe'; topic: string; callback: string; secret: string; leaseSeconds?: number }): Record<string, string> {
  return {
    'hub.mode': p.mode, 'hub.topic': p.topic, 'hub.callback': p.callback, 'hub.secret': p.secret,
    ...(p.mode === 'subscribe' ? { 'hub.lease_seconds': String(p.leaseSeconds ?? WEBSUB_LEASE_SECONDS) } : {}),
  };
}

/** A fresh secret for one subscription (hubs accept up to 200 bytes; 32 random bytes as hex). */
export function newSecret(): string {
  return crypto.randomBytes(32).toString('hex');
}

/** What we expect for a feed's verification: its topic and the mode we asked for. */
export interface Expected { topic: string | null; state: string | null }

/** The answer to a hub's GET on our callback: echo the challenge (200), or refuse (404) (§5.3). */
export type VerifyAnswer = { ok: true; challenge: string; mode: 'subscribe' | 'unsubscribe'; leaseSeconds: number | null } | { ok: false; status: 404 | 400; message: string };

/** Checks a hub's verification of intent against what we asked for. */
export function verifyIntent(query: Record<string, unknown>, expected: Expected): VerifyAnswer {
  const mode = query['hub.mode'];
  const topic = query['hub.topic'];
  const challenge = query['hub.challenge'];
  if (mode === 'denied') return { ok: false, status: 404, message: `the hub denied the subscription: ${String(query['hub.reason'] ?? 'no reason given')}` };
  if ((mode !== 'subscribe' && mode !== 'unsubscribe') || typeof topic !== 'string' || typeof challenge !== 'string' || !challenge || challenge.length > 1000) {
    return { ok: false, status: 400, message: 'not a WebSub verification request' };
  }
  if (topic !== expected.topic) return { ok: false, status: 404, message: `topic ${topic} is not the one we subscribed to` };
  // Only confirm what we asked for: a stranger must not (un)subscribe us.
  const wanted = expected.state === 'pending' ? 'subscribe' : expected.state === 'unsubscribing' ? 'unsubscribe' : expected.state === 'active' ? 'subscribe' : null;
  if (mode !== wanted) return { ok: false, status: 404, message: `we did not ask to ${mode}` };
  const lease = Number(query['hub.lease_seconds']);
  return { ok: true, challenge, mode, leaseSeconds: Number.isFinite(lease) && lease > 0 ? lease : null };
}

const ALGORITHMS: Record<string, string> = { sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };

/** True when `X-Hub-Signature: <alg>=<hex>` is the HMAC of the raw body with our secret (§8), compared in constant time. */
export function checkSignature(header: string | undefined, body: Buffer, secret: string | null): boolean {
  if (!header || !secret) return false;
  const m = /^(sha1|sha256|sha384|sha512)=([0-9a-f]+)$/i.exec(header.trim());
  if (!m) return false;
  const expected = crypto.createHmac(ALGORITHMS[m[1]!.toLowerCase()]!, secret).update(body).digest();
  const given = Buffer.from(m[2]!.toLowerCase(), 'hex');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
