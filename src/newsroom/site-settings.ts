import { z } from 'zod';
import { AppError } from '../model/app-error.ts';
import { ARTICLE_KINDS } from '../model/capture.ts';
import type { SiteSettings } from '../model/site.ts';
import { recordAudit } from '../store/audit.ts';
import type { Store } from '../store/open.ts';
import { getSiteSettings, putSetting } from '../store/settings.ts';
import { requireAllowed, type Actor } from './actor.ts';
import { checkTemplate } from './rules/editors-note.ts';
import { isValidTimeZone } from './rules/dates.ts';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' });
const lang = z.enum(['en', 'uk']);
const support = z.object({ heading: z.string().min(1).max(200), text: z.string().min(1).max(2000), buttonLabel: z.string().min(1).max(60), buttonUrl: httpUrl.nullable() });
const template = z.string().min(1).max(1000).superRefine((t, ctx) => {
  const r = checkTemplate(t);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
});

/** What an admin may change, each field validated; unknown keys are refused. */
const patch = z.object({
  name: z.object({ en: z.string().min(1).max(120), uk: z.string().min(1).max(120).optional() }),
  languages: z.array(lang).min(1),
  timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Kyiv'),
  excerptPolicy: z.object({ maxParagraphs: z.number().int().min(0).max(20), maxWords: z.number().int().min(0).max(2000), maxShare: z.number().min(0).max(1) }),
  noteTemplates: z.partialRecord(z.enum(ARTICLE_KINDS), z.object({ en: template, uk: template }).partial()),
  seoDefault: z.enum(['noindex', 'canonical', 'index']),
  imageDefault: z.enum(['link', 'proxy', 'none']),
  readerSupport: z.object({ en: support, uk: support }).partial(),
}).partial().strict();

/** Changes site settings (admins only), validated, with an audit entry naming the keys. */
export async function updateSiteSettings(store: Store, actor: Actor, changes: unknown, now: Date): Promise<SiteSettings> {
  requireAllowed(actor, 'manage-settings');
  const parsed = patch.safeParse(changes);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('invalid', `settings ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const current = await getSiteSettings(store.db);
  const p = parsed.data;
  const next: SiteSettings = {
    ...current, ...p,
    name: p.name ? { ...current.name, ...p.name } : current.name,
    noteTemplates: p.noteTemplates ? mergeTemplates(current.noteTemplates, p.noteTemplates) : current.noteTemplates,
    readerSupport: p.readerSupport ? { ...current.readerSupport, ...p.readerSupport } : current.readerSupport,
  } as SiteSettings;
  await putSetting(store.db, 'site', next, now.toISOString());
  await recordAudit(store.db, { at: now.toISOString(), userId: actor.userId, action: 'settings.change', subjectType: 'settings', subjectId: 'site', details: { keys: Object.keys(p), by: actor.label } });
  return next;
}

function mergeTemplates(current: SiteSettings['noteTemplates'], changes: Partial<Record<string, Partial<Record<'en' | 'uk', string>>>>): SiteSettings['noteTemplates'] {
  const out = { ...current };
  for (const [kind, byLang] of Object.entries(changes)) out[kind as keyof typeof out] = { ...out[kind as keyof typeof out], ...byLang };
  return out;
}
