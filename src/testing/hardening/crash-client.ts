import { Agent, request } from 'undici';

/*
 * The editor of the crash suite: one signed-in browser-like client (cookie jar, CSRF token of the last form)
 * that captures a fixture URL and publishes (or schedules) the draft over real HTTP. Only the server's
 * "done" redirect counts as an acknowledgement; anything else (a refused connection, a reset, a 5xx) is
 * unacknowledged and the operation is tried again later, from the capture on.
 */

/** One capture+publish the client must get acknowledged, and what it sent. */
export interface Operation {
  n: number;
  url: string;
  headline: string;
  note: string;
  tags: string[];
  /** Schedule a few seconds ahead instead of publishing now (the worker's job publishes it). */
  schedule: boolean;
  attempts: number;
  acked?: { pieceId: number; action: 'publish' | 'schedule'; path: string | null };
  lastError?: string;
}

/** An HTTP answer as the client reads it. */
interface Reply {
  status: number;
  location: string;
  body: string;
}

/** A failed step: the operation stays unacknowledged. */
export class Unacknowledged extends Error {}

/** A cookie-keeping client of one server base URL. */
export class CrashClient {
  private readonly cookies = new Map<string, string>();
  private csrf = '';
  private readonly agent = new Agent({ connections: 32, headersTimeout: 120_000, bodyTimeout: 120_000, keepAliveTimeout: 1000 });

  constructor(readonly base: string) {}

  private async send(method: 'GET' | 'POST', path: string, form?: Record<string, string>): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    let res;
    try {
      res = await request(this.base + path, { method, headers, dispatcher: this.agent, ...(form ? { body: new URLSearchParams({ _csrf: this.csrf, ...form }).toString() } : {}) });
    } catch (err) {
      throw new Unacknowledged(`${method} ${path}: ${(err as Error).message}`);
    }
    let body: string;
    try {
      body = await res.body.text();
    } catch (err) {
      throw new Unacknowledged(`${method} ${path}: body cut off (${(err as Error).message})`);
    }
    const setCookie = res.headers['set-cookie'];
    for (const c of (Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [])) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(body);
    if (token) this.csrf = token[1]!;
    const location = res.headers.location;
    return { status: res.statusCode, location: typeof location === 'string' ? location : '', body };
  }

  /** GET a path (for checks after the run). */
  get(path: string): Promise<Reply> {
    return this.send('GET', path);
  }

  /** Signs in through the form and picks up a CSRF token bound to the new session. */
  async signIn(email: string, password: string): Promise<void> {
    await this.send('GET', '/editor/sign-in');
    const r = await this.send('POST', '/editor/sign-in', { email, password });
    if (r.status !== 303) throw new Error(`sign-in answered ${r.status}: ${r.body.slice(0, 300)}`);
    const page = await this.send('GET', '/editor/capture');
    if (page.status !== 200 || !this.csrf) throw new Error(`the capture screen answered ${page.status} after sign-in`);
  }

  /** One attempt at an operation; resolves when it was acknowledged, throws Unacknowledged otherwise. */
  async attempt(op: Operation): Promise<void> {
    op.attempts++;
    const cap = await this.send('POST', '/editor/capture', { url: op.url });
    const id = /^\/editor\/pieces\/(\d+)$/.exec(cap.location)?.[1];
    if (cap.status !== 303 || !id) throw new Unacknowledged(`capture answered ${cap.status} ${cap.location} ${snippet(cap.body)}`);
    const edit = await this.send('GET', `/editor/pieces/${id}`);
    if (edit.status !== 200) throw new Unacknowledged(`edit screen answered ${edit.status} ${snippet(edit.body)}`);
    const version = /name="version" value="(\d+)"/.exec(edit.body)?.[1];
    const state = /class="ed-state">[^<]*<strong>([a-z]+)<\/strong>/.exec(edit.body)?.[1];
    if (!version || !state) throw new Unacknowledged('edit screen without version or state');
    // A retried schedule is posted again as an editor would (a piece already scheduled answers "done" without a
    // second job), so a schedule whose job was lost in a crash shows up as a piece that never gets published.
    // Only a piece the job already published is published again (idempotent) instead.
    const action = op.schedule && state !== 'published' ? 'schedule' : 'publish';
    const form: Record<string, string> = { version, action, headline: op.headline, editor_note: op.note, tags: op.tags.join(', ') };
    if (action === 'schedule') form.schedule_at = new Date(Date.now() + 4000 + (op.n % 5) * 1000).toISOString();
    const saved = await this.send('POST', `/editor/pieces/${id}`, form);
    if (saved.status !== 303 || saved.location !== `/editor/pieces/${id}?done=${action}`) throw new Unacknowledged(`save answered ${saved.status} ${saved.location} ${snippet(saved.body)}`);
    op.acked = { pieceId: Number(id), action, path: null };
  }

  /** Closes the connection pool. */
  close(): Promise<void> {
    return this.agent.close();
  }
}

function snippet(body: string): string {
  const notice = /class="ed-notice[^"]*"[^>]*>([\s\S]{0,300})/.exec(body)?.[1] ?? body.slice(0, 200);
  return notice.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Counters of one client run. */
export interface RunStats {
  acknowledged: number;
  /** Attempts under way right now (what a kill interrupts). */
  inFlight: number;
  retries: number;
  /** Kills that landed while attempts were under way (set by the killer). */
  killsInFlight?: number;
  /** Why attempts failed, first words of the reason → count. */
  failures: Map<string, number>;
}

/** Zeroed counters. */
export function newStats(): RunStats {
  return { acknowledged: 0, inFlight: 0, retries: 0, failures: new Map() };
}

/**
 * Drives `ops` with `concurrency` in flight until every one is acknowledged or `deadline` passes. A failed
 * attempt goes to the back of the queue after a short pause (the server may be restarting). `mayStart`, when
 * given, holds new attempts back (the crash killer uses it so the client cannot outrun the kills).
 */
export async function runOperations(client: CrashClient, ops: Operation[], o: { concurrency: number; deadline: number; mayStart?: () => boolean }, stats: RunStats = newStats()): Promise<RunStats> {
  const queue = [...ops];
  const lane = async () => {
    for (let op = queue.shift(); op && Date.now() < o.deadline; op = queue.shift()) {
      while (o.mayStart && !o.mayStart() && Date.now() < o.deadline) await new Promise((r) => setTimeout(r, 10));
      stats.inFlight++;
      try {
        await client.attempt(op);
        stats.inFlight--;
        stats.acknowledged++;
      } catch (err) {
        stats.inFlight--;
        if (!(err instanceof Unacknowledged)) throw err;
        op.lastError = err.message;
        const reason = err.message.replace(/\d+/g, '#').slice(0, 60);
        stats.failures.set(reason, (stats.failures.get(reason) ?? 0) + 1);
        stats.retries++;
        if (op.attempts >= 40) throw new Error(`operation ${op.n} (${op.url}) was never acknowledged in 40 attempts; last: ${op.lastError}`);
        await new Promise((r) => setTimeout(r, 250 + Math.random() * 500));
        queue.push(op);
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, lane));
  return stats;
}
