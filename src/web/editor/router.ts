import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FetchPage } from '../../ingest/capture.ts';
import type { Language } from '../../model/site.ts';
import type { Actor } from '../../newsroom/actor.ts';
import type { Role } from '../../newsroom/rules/workflow.ts';
import type { Store } from '../../store/open.ts';
import type { UserRecord } from '../../store/users.ts';
import type { SafeHtml } from '../html.ts';
import { notice, screen, type ScreenContext, type ScreenParts } from './layout.ts';
import { m } from './messages.ts';
import { currentSession, requestLanguage } from './session.ts';
import { signInPage } from './sign-in-page.ts';

/*
 * Every editor route declares the least role that may use it; one preHandler enforces it on the server for every
 * request (anonymous → sign-in, too low → 403), then checks the CSRF token of every POST. The declared table is
 * also what the route × role test walks, so a new route cannot escape the check or the test.
 */

/** What the editor screens need from the app. */
export interface EditorDeps {
  store: Store;
  siteUrl: string;
  now: () => Date;
  /** The paste fetcher (safeFetch); capture is refused without one. */
  fetchPage?: FetchPage;
  assetVersion: string;
  /** Called after a piece's public state changed, so the reader site drops stale pages at once. */
  afterPublicChange?: () => Promise<void>;
}

/** The least role a route needs; `anonymous` routes are open (sign-in). */
export type MinRole = 'anonymous' | Role;

const RANK: Record<MinRole, number> = { anonymous: 0, contributor: 1, editor: 2, admin: 3 };

/** Whether a role reaches a route's minimum. */
export function roleReaches(role: string, min: MinRole): boolean {
  return (RANK[role as MinRole] ?? 0) >= RANK[min];
}

/** What a handler gets besides request and reply. */
export interface EditorRequest {
  deps: EditorDeps;
  lang: Language;
  user: UserRecord | null;
  /** The token hash of the live session (CSRF tokens are bound to it). */
  sessionHash: string | null;
  /** The signed-in user as the newsroom's Actor; throws for anonymous routes' handlers that misuse it. */
  actor(): Actor;
  /** A context for rendering (creates the CSRF token lazily). */
  ctx(): ScreenContext;
  /** Renders a whole page. */
  page(p: ScreenParts): SafeHtml;
}

type Handler = (req: FastifyRequest, reply: FastifyReply, e: EditorRequest) => Promise<unknown>;

/** One declared route. */
export interface RouteSpec {
  method: 'GET' | 'POST';
  url: string;
  role: MinRole;
}

/** Registers routes with their role and CSRF checks; keeps the table. */
export class EditorRouter {
  readonly routes: RouteSpec[] = [];
  constructor(private readonly app: FastifyInstance, readonly deps: EditorDeps, private readonly secure: boolean) {}

  /** A GET route open to `role` and above. */
  get(url: string, role: MinRole, handler: Handler): void {
    this.add({ method: 'GET', url, role }, handler);
  }

  /** A state-changing POST route: role, then CSRF token, then the handler. */
  post(url: string, role: MinRole, handler: Handler, config?: Record<string, unknown>): void {
    this.add({ method: 'POST', url, role }, handler, config);
  }

  private add(spec: RouteSpec, handler: Handler, config?: Record<string, unknown>): void {
    this.routes.push(spec);
    this.app.route({
      method: spec.method, url: spec.url, ...(config ? { config } : {}),
      preHandler: async (req, reply) => {
        const e = await this.editorRequest(req, reply);
        (req as FastifyRequest & { editor?: EditorRequest }).editor = e;
        if (spec.role !== 'anonymous' && !e.user) return this.refuseAnonymous(req, reply, e);
        if (e.user && !roleReaches(e.user.role, spec.role)) return reply.code(403).type('text/html; charset=utf-8').send(e.page({ title: m(e.lang, 'forbidden'), main: forbiddenBody(e) }).value);
        if (spec.method === 'POST') {
          await new Promise<void>((resolve) => this.app.csrfProtection(req, reply, () => resolve()));
          // csrfProtection answered (403) instead of calling next(): stop here.
          if (reply.sent) return reply;
        }
        return undefined;
      },
      handler: async (req, reply) => {
        const e = (req as FastifyRequest & { editor?: EditorRequest }).editor!;
        const out = await handler(req, reply, e);
        if (out && typeof out === 'object' && 'value' in out && !reply.sent) return reply.type('text/html; charset=utf-8').send((out as SafeHtml).value);
        return out;
      },
    });
  }

  private async editorRequest(req: FastifyRequest, reply: FastifyReply): Promise<EditorRequest> {
    const { deps } = this;
    const session = await currentSession(deps.store, req, deps.now());
    const lang = requestLanguage(req);
    let ctx: ScreenContext | null = null;
    const e: EditorRequest = {
      deps, lang, user: session?.user ?? null, sessionHash: session?.hash ?? null,
      actor: () => ({ userId: e.user!.id, role: e.user!.role as Role, label: e.user!.email }),
      ctx: () => (ctx ??= { lang: e.lang, user: e.user, csrf: reply.generateCsrf({ userInfo: e.sessionHash ?? 'anonymous' }), path: req.url.split('?')[0]!, assetVersion: deps.assetVersion }),
      page: (p) => screen(e.ctx(), p),
    };
    return e;
  }

  private refuseAnonymous(req: FastifyRequest, reply: FastifyReply, e: EditorRequest) {
    if (req.method === 'GET') return reply.code(303).header('location', `/editor/sign-in?next=${encodeURIComponent(req.url)}`).send();
    // A form sent after the session ended: keep what was typed; sign-in will offer to send it again.
    const fields = Object.fromEntries(Object.entries((req.body ?? {}) as Record<string, unknown>).filter(([k, v]) => k !== '_csrf' && typeof v === 'string')) as Record<string, string>;
    return reply.code(401).type('text/html; charset=utf-8').send(signInPage(e, { expired: true, resume: { action: req.url, fields } }).value);
  }

  /** Whether cookies get the Secure flag. */
  get secureCookies(): boolean {
    return this.secure;
  }
}

function forbiddenBody(e: EditorRequest): SafeHtml {
  return notice('error', m(e.lang, 'forbidden'));
}
