import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

/*
 * Browsers POST a report here whenever the Content-Security-Policy blocks something: a script that escaped our
 * escaping, or a page that tries to. Reports arrive from strangers' browsers, so the body is small and checked,
 * the route is rate limited, and only a bounded count and recent list are kept in memory (no database writes).
 * There is no CSRF token: browsers send reports without one, and a forged report changes nothing but a log line.
 */

/** The path of the endpoint, as named in the CSP's `report-uri`. */
export const CSP_REPORT_PATH = '/csp-report';

const BODY_LIMIT = 16_384;
const TYPES = ['application/csp-report', 'application/reports+json'];
const RECENT = 50;
const short = z.string().max(4096).optional();

// report-uri (CSP Level 2): { "csp-report": { "document-uri", "violated-directive", … } }.
const legacy = z.object({
  'csp-report': z.object({
    'document-uri': short, 'effective-directive': short, 'violated-directive': short, 'blocked-uri': short, 'script-sample': short,
  }),
});
// Reporting API (report-to; accepted so a later switch to it needs no change here): an array of { type: "csp-violation", url, body: { documentURL, effectiveDirective, … } }.
const reportingApi = z.array(z.object({
  type: z.string().max(64), url: short,
  body: z.object({ documentURL: short, effectiveDirective: short, blockedURL: short, sample: short }).optional(),
})).max(100);

/** One violation as kept for inspection. */
export interface CspViolation {
  document: string;
  directive: string;
  blocked: string;
  sample: string;
}

/** The count of reports since start and the most recent few (a ring of 50). */
export class CspReports {
  count = 0;
  readonly recent: CspViolation[] = [];

  /** Counts one violation and keeps it among the recent ones. */
  add(v: CspViolation): void {
    this.count++;
    this.recent.push(v);
    if (this.recent.length > RECENT) this.recent.shift();
  }
}

const reportsByApp = new WeakMap<object, CspReports>();

/** The CSP reports an app has received (for tests and inspection). */
export function cspReportsOf(app: object): CspReports | undefined {
  return reportsByApp.get(app);
}

/** Reads either report format into violations; null when the body is neither. */
export function parseCspReport(body: unknown): CspViolation[] | null {
  const old = legacy.safeParse(body);
  if (old.success) {
    const r = old.data['csp-report'];
    return [{ document: r['document-uri'] ?? '', directive: r['effective-directive'] ?? r['violated-directive'] ?? '', blocked: r['blocked-uri'] ?? '', sample: r['script-sample'] ?? '' }];
  }
  const api = reportingApi.safeParse(body);
  if (!api.success) return null;
  return api.data.filter((r) => r.type === 'csp-violation' && r.body).map((r) => ({
    document: r.body!.documentURL ?? r.url ?? '', directive: r.body!.effectiveDirective ?? '', blocked: r.body!.blockedURL ?? '', sample: r.body!.sample ?? '',
  }));
}

/** Registers POST /csp-report in its own scope (its own body types, limit and rate limit). */
export async function registerCspReports(app: FastifyInstance): Promise<void> {
  const reports = new CspReports();
  reportsByApp.set(app, reports);
  await app.register(async (scope) => {
    await scope.register(rateLimit, { max: 120, timeWindow: '1 minute' });
    scope.addContentTypeParser(TYPES, { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_req, text, done) => {
      try {
        done(null, JSON.parse(text as string));
      } catch {
        done(Object.assign(new Error('a CSP report must be JSON'), { statusCode: 400 }), undefined);
      }
    });
    scope.post(CSP_REPORT_PATH, { bodyLimit: BODY_LIMIT }, async (req, reply) => {
      if (!TYPES.includes(String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase())) {
        return reply.code(415).type('text/plain; charset=utf-8').send(`a CSP report is sent as ${TYPES.join(' or ')}`);
      }
      const violations = parseCspReport(req.body);
      if (!violations) return reply.code(400).type('text/plain; charset=utf-8').send('not a CSP report (expected csp-report or reports+json)');
      for (const v of violations) {
        reports.add(v);
        req.log.warn({ csp: v }, 'content security policy violation');
      }
      return reply.code(204).send();
    });
  });
}
