/*
 * WebSub for feeds that advertise a hub: subscribe (and renew before the lease ends), answer the
 * hub's verification of intent, and take signed deliveries into the inbox. Polling continues slowly
 * as a safety net; a hub that never verifies leaves the feed polled normally, with the state shown.
 */
import { parseFeed } from '../feeds/parse-feed.ts';
import { checkSignature, newSecret, subscriptionForm, verifyIntent, WEBSUB_LEASE_SECONDS } from '../feeds/websub.ts';
import type { Fetcher } from '../net/safe-fetch.ts';
import { feedsNeedingWebSub, getFeed, setWebSub } from '../store/feeds.ts';
import type { Store } from '../store/open.ts';
import { ingestItems } from './ingest-items.ts';

/** POSTs a form to a hub; production passes a safeFetch-guarded POST (hubs are third-party hosts). */
export type HubPost = (url: string, form: Record<string, string>) => Promise<{ ok: boolean; status?: number; message: string }>;

/** The production HubPost: a form POST through safeFetch (SSRF guard, caps, no redirect re-sent); any 2xx is accepted (§5.1.2). */
export function hubPostVia(fetcher: Pick<Fetcher, 'fetch'>): HubPost {
  return async (url, form) => {
    // robots.txt governs crawling; a hub's subscription endpoint is an API the publisher points us to.
    const r = await fetcher.fetch(url, { method: 'POST', body: new URLSearchParams(form), accept: 'text/plain, */*;q=0.5', maxBytes: 64 * 1024, robots: false });
    if (r.ok) return { ok: true, status: r.status, message: `the hub answered ${r.status}` };
    return { ok: false, ...(r.status ? { status: r.status } : {}), message: r.message };
  };
}

/** Where hubs call us back: `${callbackBase}/<feedId>`. */
export interface WebSubSettings { callbackBase: string; now: () => Date }

/** How long a hub has to verify a subscription request before we call it unverified. */
const VERIFY_DEADLINE_MS = 86_400_000;

const at = (d: Date, ms: number) => new Date(d.getTime() + ms).toISOString();

/** Sends a subscription request for one feed; the subscription becomes active when the hub verifies it. */
export async function subscribeFeed(store: Store, post: HubPost, feedId: number, s: WebSubSettings): Promise<{ ok: boolean; message: string }> {
  // 1. Only feeds that name a hub and a topic.
  const feed = await getFeed(store.db, feedId);
  if (!feed?.websub_hub) return { ok: false, message: `feed #${feedId} advertises no WebSub hub` };
  const topic = feed.websub_topic ?? feed.url;
  const now = s.now();
  // 2. A fresh secret per request, saved before the hub can call back.
  const secret = newSecret();
  await setWebSub(store.db, feedId, { hub: feed.websub_hub, topic, secret, state: 'pending', expiresAt: at(now, VERIFY_DEADLINE_MS) }, now.toISOString());
  // 3. The request; 202 Accepted means verification will follow.
  const r = await post(feed.websub_hub, subscriptionForm({ mode: 'subscribe', topic, callback: `${s.callbackBase}/${feedId}`, secret, leaseSeconds: WEBSUB_LEASE_SECONDS }));
  if (r.ok) return { ok: true, message: `subscription requested at ${feed.websub_hub}` };
  await setWebSub(store.db, feedId, { hub: feed.websub_hub, topic, state: 'failed', expiresAt: at(now, VERIFY_DEADLINE_MS) }, now.toISOString());
  return { ok: false, message: `the hub refused: ${r.message}` };
}

/** Answers a hub's GET on the callback: the challenge when it confirms what we asked, else 404. */
export async function answerVerification(store: Store, feedId: number, query: Record<string, unknown>, now: Date): Promise<{ status: number; body: string }> {
  const feed = await getFeed(store.db, feedId);
  if (!feed) return { status: 404, body: 'unknown feed' };
  const v = verifyIntent(query, { topic: feed.websub_topic, state: feed.websub_state });
  if (!v.ok) {
    if (query['hub.mode'] === 'denied') await setWebSub(store.db, feedId, { hub: feed.websub_hub, topic: feed.websub_topic, state: 'denied', expiresAt: at(now, 7 * VERIFY_DEADLINE_MS) }, now.toISOString());
    return { status: v.status, body: v.message };
  }
  const lease = (v.leaseSeconds ?? WEBSUB_LEASE_SECONDS) * 1000;
  // Renew a day early (or halfway through a short lease) so pushes never lapse.
  const renewAt = at(now, Math.max(lease / 2, lease - VERIFY_DEADLINE_MS));
  await setWebSub(store.db, feedId, { hub: feed.websub_hub, topic: feed.websub_topic, state: v.mode === 'subscribe' ? 'active' : 'unsubscribed', expiresAt: renewAt }, now.toISOString());
  return { status: 200, body: v.challenge };
}

/** Takes a hub's POST: a correctly signed feed document goes into the inbox. Always 2xx for a known feed (§8). */
export async function acceptDelivery(store: Store, feedId: number, signature: string | undefined, body: Buffer, now: Date): Promise<{ status: number; accepted: boolean; newItems: number; message: string }> {
  const feed = await getFeed(store.db, feedId);
  // 410 Gone tells the hub to drop a subscription we no longer have.
  if (!feed || !feed.websub_secret) return { status: 410, accepted: false, newItems: 0, message: 'no subscription' };
  if (!checkSignature(signature, body, feed.websub_secret)) return { status: 202, accepted: false, newItems: 0, message: 'bad or missing X-Hub-Signature: ignored' };
  const parsed = parseFeed(body.toString('utf8'), { url: feed.websub_topic ?? feed.url, now, maxItems: 200 });
  if (!parsed.ok) return { status: 202, accepted: false, newItems: 0, message: parsed.message };
  const r = await ingestItems({ store }, feed, parsed.feed.items, now);
  return { status: 202, accepted: true, newItems: r.newItems, message: `${r.newItems} new items` };
}

/** Subscribes feeds that need it (new hubs, leases ending soon, failures and unverified requests due a retry). */
export async function renewWebSub(store: Store, post: HubPost, s: WebSubSettings): Promise<{ requested: number; unverified: number }> {
  const now = s.now();
  let requested = 0;
  let unverified = 0;
  for (const f of await feedsNeedingWebSub(store.db, at(now, VERIFY_DEADLINE_MS))) {
    if (f.websub_state === 'pending' && (f.websub_expires_at ?? '') > now.toISOString()) continue;
    if (f.websub_state === 'pending') {
      // The hub never verified: say so, poll normally, try again in a week.
      await setWebSub(store.db, f.id, { hub: f.websub_hub, topic: f.websub_topic, state: 'unverified', expiresAt: at(now, 7 * VERIFY_DEADLINE_MS) }, now.toISOString());
      unverified++;
      continue;
    }
    if ((f.websub_state === 'unverified' || f.websub_state === 'failed' || f.websub_state === 'denied') && (f.websub_expires_at ?? '') > now.toISOString()) continue;
    await subscribeFeed(store, post, f.id, s);
    requested++;
  }
  return { requested, unverified };
}
