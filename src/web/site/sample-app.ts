import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { Store } from '../../store/open.ts';
import { buildApp } from '../app.ts';
import { siteRuntimeOf } from './routes.ts';
import type { SiteRuntime } from './runtime.ts';
import { seedSampleSite, type SampleSite } from './sample-site.ts';

/** The site URL sample apps are built with. */
export const SAMPLE_SITE_URL = 'http://site.test';

/** A real app (the one `serve` builds) over a fresh database holding the sample site. Test support only. */
export interface SampleApp {
  app: FastifyInstance;
  store: Store;
  sample: SampleSite;
  rt: SiteRuntime;
  close(): Promise<void>;
}

/** Builds the app over a new database of `kind`, seeded with the sample site at `now` (served at `siteUrl`). */
export async function startSampleApp(kind: { create(): Promise<Store> }, now = new Date('2022-12-10T10:00:00Z'), siteUrl = SAMPLE_SITE_URL): Promise<SampleApp> {
  const store = await kind.create();
  const sample = await seedSampleSite(store, siteUrl, now);
  const app = await buildApp({ store, logger: pino({ level: 'silent' }), siteUrl, now: () => now });
  const rt = siteRuntimeOf(app)!;
  return { app, store, sample, rt, close: async () => { await app.close(); await store.close(); } };
}
