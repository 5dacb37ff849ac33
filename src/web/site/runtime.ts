import { LANGUAGES, localized, type Language, type SiteSettings } from '../../model/site.ts';
import { zonedIsoString } from '../../newsroom/rules/dates.ts';
import type { Store } from '../../store/open.ts';
import { getSetting, getSiteSettings } from '../../store/settings.ts';
import { changesSince, latestChangeId, oldestChangeId, pieceScopes, pruneChanges, type SiteChange } from '../../store/site-changes.ts';
import { topOutlets } from '../../store/site-queries.ts';
import type { PageContext } from './layout.ts';
import { Limiter } from './limiter.ts';
import { PageCache } from './page-cache.ts';

/** What the reader site needs from the process. */
export interface SiteDeps {
  store: Store;
  siteUrl: string;
  assetVersion: string;
  now: () => Date;
  /** How often (ms) a request may look for changes made by other processes; 0 = on every request. Default 500. */
  changePollMs?: number;
}

const CHANGE_BATCH = 2000;
// Rows kept in the change log; a process further behind than this clears its whole cache instead.
const CHANGE_LOG_KEEP = 50_000;

/**
 * The reader site's state in one process: the page cache, the site settings, and the position in the change
 * log. `syncNow()` applies every change made since the last look (by any process); requests call `maybeSync()`,
 * which looks at most every `changePollMs`.
 */
export class SiteRuntime {
  readonly cache = new PageCache();
  /** Search result pages: small and separate, so a flood of distinct queries cannot push pages out; any change empties it. */
  readonly searchCache = new PageCache(2000, 32 * 1024 * 1024);
  /** Searches that miss the cache run two at a time; past 64 waiting, readers are asked to retry. */
  readonly searchLimiter = new Limiter(2, 64);
  /**
   * How long search results may lag a change (ms). Every change touches the search index, and re-running every
   * cached query after each publish (every second or two on a busy newsroom) would spend the event loop on searches
   * and slow every page; results are sent with max-age=30, so readers already accept that much lag.
   */
  searchLagMs = 10_000;
  private searchChanged = false;
  private searchClearedAt = 0;
  // Rebuilds that readers do not wait for (see inBackground), by cache key.
  private readonly backlog = new Map<string, () => Promise<unknown>>();
  private draining = false;
  /** How long the home page's most-recommended outlets may be reused (ms); see topOutlets(). */
  outletsTtlMs = 60_000;
  private outlets: { at: number; value: ReturnType<typeof topOutlets> } | null = null;
  private lastChangeId = -1;
  private lastPoll = 0;
  private prunedAt = 0;
  private polling: Promise<void> | null = null;
  private settings: { site: SiteSettings; demo: boolean } | null = null;
  private nextMidnight = 0;
  /** Today's midnight in the site's zone (ISO): HTML pages show today's date, so none is older than this. */
  dayStartIso = '1970-01-01T00:00:00.000Z';

  constructor(readonly deps: SiteDeps) {}

  /** Applies pending changes if the poll interval has passed (cheap otherwise: no I/O, no promise). */
  maybeSync(): Promise<void> | undefined {
    const now = Date.now();
    if (now >= this.nextMidnight) this.rollDay();
    if (now - this.lastPoll < (this.deps.changePollMs ?? 500)) return undefined;
    return this.syncNow();
  }

  /** Applies every change logged since the last look. Call after publishing in this process for zero staleness. */
  syncNow(): Promise<void> {
    this.polling ??= this.poll().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  private async poll(): Promise<void> {
    this.lastPoll = Date.now();
    const { db } = this.deps.store;
    if (this.lastChangeId < 0) {
      this.lastChangeId = await latestChangeId(db);
      return;
    }
    const changes = await changesSince(db, this.lastChangeId, CHANGE_BATCH);
    // Changes this process has not seen may have been pruned while it was idle: then nothing cached can be trusted.
    const pruned = changes.length > 0 && changes[0]!.id > this.lastChangeId + 1 && (await oldestChangeId(db)) > this.lastChangeId + 1;
    if (changes.length === CHANGE_BATCH || pruned) {
      this.clearAll();
      this.lastChangeId = await latestChangeId(db);
    } else {
      await this.apply(changes);
      if (changes.length) this.lastChangeId = changes[changes.length - 1]!.id;
    }
    // Prune now and then (not on every poll: a DELETE takes SQLite's write lock even when nothing goes).
    if (this.lastChangeId - this.prunedAt > CHANGE_LOG_KEEP * 2) {
      this.prunedAt = this.lastChangeId - CHANGE_LOG_KEEP;
      await pruneChanges(db, this.prunedAt);
    }
  }

  /**
   * Runs `task` (a rebuild no reader waits for) later, one at a time, letting the event loop serve pending requests
   * between two for as long as the last one took: a change can make dozens of such rebuilds due at once, and run back
   * to back they would stall every page for as long as all of them take. A key already queued is not queued twice; past 256 queued, a task is dropped
   * (its reader got the stale copy, and the next one asks again).
   */
  inBackground(key: string, task: () => Promise<unknown>): void {
    if (this.backlog.has(key) || this.backlog.size >= 256) return;
    this.backlog.set(key, task);
    if (this.draining) return;
    this.draining = true;
    setImmediate(() => void this.drain());
  }

  private async drain(): Promise<void> {
    for (const [key, task] of this.backlog) {
      this.backlog.delete(key);
      const started = performance.now();
      await task().catch(() => undefined);
      // Rest as long as the rebuild took: background work gets at most half of the event loop while readers wait.
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, performance.now() - started)));
    }
    this.draining = false;
  }

  /**
   * The home page's eight most-recommended outlets. Counting every published piece is the costliest part of the home
   * page (~20 ms on 10,000 pieces), and every publish rebuilds that page; one publish moves one count by one, so the
   * list is recounted at most every `outletsTtlMs`, and at once when an outlet itself changes (its name).
   */
  topOutlets(): ReturnType<typeof topOutlets> {
    if (!this.outlets || Date.now() - this.outlets.at >= this.outletsTtlMs) {
      const value = topOutlets(this.deps.store.db, 8);
      this.outlets = { at: Date.now(), value };
      value.catch(() => { if (this.outlets?.value === value) this.outlets = null; });
    }
    return this.outlets.value;
  }

  /** Empties the search cache when something changed since it was last emptied, at most once every `searchLagMs`. */
  freshenSearch(): void {
    if (!this.searchChanged || Date.now() - this.searchClearedAt < this.searchLagMs) return;
    this.searchChanged = false;
    this.searchClearedAt = Date.now();
    this.searchCache.clear();
  }

  private async apply(changes: readonly SiteChange[]): Promise<void> {
    if (changes.length) this.searchChanged = true;
    const pieces = new Set<number>();
    for (const c of changes) {
      if (c.subject === 'settings') return this.clearAll();
      if (c.subject === 'piece') pieces.add(c.ref);
      else if (c.subject === 'outlet') {
        this.outlets = null;
        this.cache.invalidate([`o:${c.ref}`]);
      } else this.cache.invalidate([`${c.subject === 'person' ? 'a' : 't'}:${c.ref}`]);
    }
    for (const id of pieces) await this.invalidatePiece(id);
  }

  /** Evicts the pages showing a piece and, when it is (or was) listed, the lists it belongs to. */
  private async invalidatePiece(id: number): Promise<void> {
    const key = `p:${id}`;
    const shown = this.cache.has(key);
    const scopes = await pieceScopes(this.deps.store.db, id);
    const keys = [key];
    // A draft that was never shown changes no page; a published (or just unpublished) piece changes its lists.
    if (scopes && (scopes.published || shown)) {
      keys.push('l:all', ...scopes.tagIds.map((t) => `l:tag:${t}`), ...scopes.personIds.map((p) => `l:person:${p}`));
      if (scopes.outletId !== null) keys.push(`l:outlet:${scopes.outletId}`);
    } else if (!scopes && shown) keys.push('l:all');
    this.cache.invalidate(keys);
  }

  private clearAll(): void {
    this.outlets = null;
    this.cache.clear();
    this.searchCache.clear();
    this.settings = null;
  }

  // The masthead shows today's date: every page changes at midnight in the site's zone.
  private rollDay(): void {
    this.cache.clear();
    this.searchCache.clear();
    const tz = this.settings?.site.timeZone ?? 'Europe/Kyiv';
    const now = new Date();
    const local = zonedIsoString(now, tz);
    const offset = local.slice(19);
    const next = new Date(`${local.slice(0, 10)}T00:00:00${offset}`).getTime() + 86_400_000;
    this.nextMidnight = Number.isNaN(next) ? now.getTime() + 3_600_000 : next;
    this.dayStartIso = new Date(Number.isNaN(next) ? now.getTime() : next - 86_400_000).toISOString();
  }

  /** The site settings and demo flag (read once, until a settings change). */
  async siteSettings(): Promise<{ site: SiteSettings; demo: boolean }> {
    if (!this.settings) {
      const { db } = this.deps.store;
      const [site, demo] = await Promise.all([getSiteSettings(db), getSetting(db, 'demo', false)]);
      this.settings = { site, demo };
      if (this.nextMidnight === 0) this.rollDay();
    }
    return this.settings;
  }

  /** The page context for a language (the site's default when omitted or not one of the site's languages). */
  async context(lang?: Language): Promise<{ ctx: PageContext; site: SiteSettings }> {
    const { site, demo } = await this.siteSettings();
    const languages = site.languages.filter((l) => (LANGUAGES as readonly string[]).includes(l));
    const defaultLang = languages[0] ?? 'en';
    const language = lang && languages.includes(lang) ? lang : defaultLang;
    return {
      site,
      ctx: {
        siteName: localized(site.name, language), lang: language, defaultLang, languages, timeZone: site.timeZone,
        now: this.deps.now(), demo, siteUrl: this.deps.siteUrl.replace(/\/+$/, ''), assetVersion: this.deps.assetVersion,
      },
    };
  }
}
