import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { FetchPage } from '../../ingest/capture.ts';
import { addUser } from '../../newsroom/accounts.ts';
import type { Store } from '../../store/open.ts';
import { buildApp } from '../app.ts';

/*
 * Test support only: the real app over a test store, users of every role, and a browser-like client (a cookie
 * jar, the CSRF token of the last page) driving it through `app.inject`.
 */

/** The password of every test user. */
export const TEST_PASSWORD = 'correct horse battery staple';
/** One test user per role. */
export const TEST_USERS = { admin: 'admin@test.example', editor: 'editor@test.example', contributor: 'contributor@test.example' } as const;

/** A response as the tests read it. */
export interface Answer {
  status: number;
  body: string;
  location: string | undefined;
  headers: Record<string, unknown>;
}

/** A cookie-keeping client of one app. */
export class EditorClient {
  readonly cookies = new Map<string, string>();
  /** The CSRF token of the last page that had a form. */
  csrf = '';

  constructor(private readonly app: FastifyInstance) {}

  private async send(method: 'GET' | 'POST', url: string, form?: Record<string, string>): Promise<Answer> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.app.inject({
      method, url, headers: { ...(cookie ? { cookie } : {}), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(form ? { payload: new URLSearchParams(form).toString() } : {}),
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const gone = c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now());
      if (gone) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (token) this.csrf = token[1]!;
    return { status: res.statusCode, body: res.body, location: res.headers.location as string | undefined, headers: res.headers };
  }

  /** GET a path. */
  get(url: string): Promise<Answer> {
    return this.send('GET', url);
  }

  /** POST a form; the last page's CSRF token is added unless `csrf: false`. */
  post(url: string, form: Record<string, string> = {}, opts: { csrf?: boolean } = {}): Promise<Answer> {
    return this.send('POST', url, opts.csrf === false ? form : { _csrf: this.csrf, ...form });
  }

  /** Signs in through the form; returns the answer of the POST. */
  async signIn(email: string, password = TEST_PASSWORD): Promise<Answer> {
    await this.get('/editor/sign-in');
    const res = await this.post('/editor/sign-in', { email, password });
    // The CSRF token is bound to the session: pick up one of the new session, as a browser following the redirect does.
    let next = res.status === 303 ? res.location : undefined;
    for (let hops = 0; next && hops < 3; hops++) {
      const page = await this.get(next);
      next = page.status === 303 ? page.location : undefined;
    }
    return res;
  }
}

/** A built app with one user per role. */
export interface EditorTestApp {
  app: FastifyInstance;
  store: Store;
  ids: Record<keyof typeof TEST_USERS, number>;
  close(): Promise<void>;
}

/** Builds the real app over `store` with a user of each role. */
export async function startEditorApp(store: Store, opts: { fetchPage?: FetchPage; now?: () => Date; siteUrl?: string } = {}): Promise<EditorTestApp> {
  const now = opts.now ?? (() => new Date());
  const ids = {} as Record<keyof typeof TEST_USERS, number>;
  for (const [role, email] of Object.entries(TEST_USERS)) {
    ids[role as keyof typeof TEST_USERS] = (await addUser(store, { email, role, password: TEST_PASSWORD, now: now() })).id;
  }
  const app = await buildApp({ store, logger: pino({ level: 'silent' }), siteUrl: opts.siteUrl ?? 'http://site.test', now, ...(opts.fetchPage ? { fetchPage: opts.fetchPage } : {}) });
  return { app, store, ids, close: async () => { await app.close(); await store.close(); } };
}
