/*
 * The WebSub callback: GET answers a hub's verification of intent, POST takes a content delivery.
 * Mount with `await app.register(webSubRoutes, { prefix: '/websub', store })`; the callback base to give
 * the worker is then `${siteUrl}/websub`. Encapsulated, so its raw-body parser touches no other route.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { acceptDelivery, answerVerification } from '../../ingest/websub.ts';
import type { Store } from '../../store/open.ts';

/** Options of the WebSub routes. */
export interface WebSubRouteOptions { store: Store; now?: () => Date }

// Deliveries are whole feeds: allow more than the app's 1 MB default, but not without bound.
const MAX_DELIVERY_BYTES = 5 * 1024 * 1024;

/** Registers GET/POST `/:feedId` under the plugin's prefix. */
export const webSubRoutes: FastifyPluginAsync<WebSubRouteOptions> = async (app: FastifyInstance, opts) => {
  const now = opts.now ?? (() => new Date());
  // The HMAC covers the exact bytes the hub sent, so every content type arrives as a Buffer.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_DELIVERY_BYTES }, (_req, body, done) => done(null, body));
  app.get<{ Params: { feedId: string }; Querystring: Record<string, unknown> }>('/:feedId', async (req, reply) => {
    const id = Number(req.params.feedId);
    if (!Number.isInteger(id)) return reply.code(404).send('unknown feed');
    const r = await answerVerification(opts.store, id, req.query, now());
    return reply.code(r.status).type('text/plain; charset=utf-8').send(r.body);
  });
  app.post<{ Params: { feedId: string } }>('/:feedId', async (req, reply) => {
    const id = Number(req.params.feedId);
    if (!Number.isInteger(id)) return reply.code(410).send();
    const header = req.headers['x-hub-signature'];
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const r = await acceptDelivery(opts.store, id, Array.isArray(header) ? header[0] : header, body, now());
    if (!r.accepted && r.status !== 410) req.log.warn({ feedId: id, reason: r.message }, 'WebSub delivery ignored');
    return reply.code(r.status).send();
  });
};
