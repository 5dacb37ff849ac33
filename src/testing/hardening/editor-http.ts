/*
 * An editor as a browser is one, over real HTTP to a running `newsdesk serve`: a cookie jar, the CSRF token of the
 * last form, redirects not followed (the tests look at them). The in-process twin is src/web/editor/test-client.ts.
 */

/** One answer as the suites read it. */
export interface HttpAnswer {
  status: number;
  body: string;
  location: string | undefined;
}

/** A cookie-keeping editor client of one server. */
export class HttpEditor {
  private readonly cookies = new Map<string, string>();
  private csrf = '';

  constructor(readonly base: string, private readonly timeoutMs = 120_000) {}

  private async send(method: 'GET' | 'POST', path: string, form?: Record<string, string>): Promise<HttpAnswer> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(`${this.base}${path}`, {
      method, headers, redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs),
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (!value || /max-age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const body = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(body);
    if (token) this.csrf = token[1]!;
    return { status: res.status, body, location: res.headers.get('location') ?? undefined };
  }

  /** GET a path. */
  get(path: string): Promise<HttpAnswer> {
    return this.send('GET', path);
  }

  /** POST a form with the last page's CSRF token. */
  post(path: string, form: Record<string, string>): Promise<HttpAnswer> {
    return this.send('POST', path, { _csrf: this.csrf, ...form });
  }

  /** Signs in through the form and follows the redirect (the CSRF token is bound to the new session); throws if refused. */
  async signIn(email: string, password: string): Promise<void> {
    await this.get('/editor/sign-in');
    const res = await this.post('/editor/sign-in', { email, password });
    if (res.status !== 303 || !res.location) throw new Error(`sign-in refused: ${res.status}`);
    await this.get(res.location);
    await this.get('/editor/capture');
  }

  /** A capture posted through the editor's form; several may run at once (they share the session's CSRF token). */
  capture(url: string): Promise<HttpAnswer> {
    return this.post('/editor/capture', { url });
  }

  /** Captures `url`, opens the draft and publishes it; returns the piece id, or throws naming the step that failed. */
  async captureAndPublish(url: string): Promise<number> {
    const captured = await this.capture(url);
    const id = /^\/editor\/pieces\/(\d+)$/.exec(captured.location ?? '')?.[1];
    if (captured.status !== 303 || !id) throw new Error(`capture of ${url} answered ${captured.status}: ${errorLine(captured.body)}`);
    const edit = await this.get(`/editor/pieces/${id}`);
    const version = /value="([^"]*)"/.exec(edit.body.slice(edit.body.indexOf('name="version"')))?.[1] ?? '';
    if (edit.status !== 200 || !version) throw new Error(`edit screen of piece ${id} answered ${edit.status}`);
    const published = await this.post(`/editor/pieces/${id}`, { version, action: 'publish' });
    if (published.status !== 303) throw new Error(`publishing piece ${id} answered ${published.status}: ${errorLine(published.body)}`);
    return Number(id);
  }
}

/** The error notice of an editor page, as one line of text. */
export function errorLine(body: string): string {
  const notice = /class="ed-notice[^"]*"[^>]*>([\s\S]*?)<\/div>/.exec(body)?.[1] ?? body.slice(0, 300);
  return notice.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}
