/** Editor's notes: templates per kind and language with `{outlet}` and `{site}` placeholders. */
import type { ArticleKind } from '../../model/capture.ts';
import { DEFAULT_NOTE_TEMPLATES, type Language, type NoteTemplates } from '../../model/site.ts';

/** The placeholders a note template may use. */
export const NOTE_PLACEHOLDERS = ['outlet', 'site'] as const;

// `{name}` is a placeholder; `{{` and `}}` write literal braces.
const TOKEN = /\{\{|\}\}|\{([^{}]*)\}/g;

/** Raised when a template names a placeholder with no value (or an empty one); `placeholder` names it. */
export class TemplatePlaceholderError extends Error {
  /** Stable code for mapping to a response. */
  readonly code = 'template-placeholder';
  constructor(readonly placeholder: string, message: string) {
    super(message);
    this.name = 'TemplatePlaceholderError';
  }
}

/** The placeholder names used in a template, in order of first use. */
export function templatePlaceholders(template: string): string[] {
  const names: string[] = [];
  for (const m of template.matchAll(TOKEN)) {
    const name = m[1];
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

/** Checks an edited template: every placeholder must be one of `allowed`. */
export function checkTemplate(template: string, allowed: readonly string[] = NOTE_PLACEHOLDERS): { ok: true } | { ok: false; placeholder: string; message: string } {
  for (const name of templatePlaceholders(template)) {
    if (!allowed.includes(name)) return { ok: false, placeholder: name, message: `unknown placeholder {${name}}; use ${allowed.map((a) => `{${a}}`).join(' or ')}` };
  }
  return { ok: true };
}

/** Fills every placeholder in one pass (values are never re-read as templates); throws TemplatePlaceholderError naming a missing one. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(TOKEN, (token, name: string | undefined) => {
    if (name === undefined) return token[0] as string;
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) throw new TemplatePlaceholderError(name, `unknown placeholder {${name}} in template`);
    // An empty value would leave a hole ("published by ."), which is as bad as the placeholder itself.
    if (value.trim() === '') throw new TemplatePlaceholderError(name, `no value for placeholder {${name}}`);
    return value;
  });
}

/** The template for a kind and language: the site's own, else the default, else the default for `other`. */
export function noteTemplate(kind: ArticleKind, lang: Language, templates?: Partial<NoteTemplates>): string {
  const own = templates?.[kind]?.[lang];
  if (own !== undefined && own.trim() !== '') return own;
  return DEFAULT_NOTE_TEMPLATES[kind]?.[lang] ?? DEFAULT_NOTE_TEMPLATES.other[lang];
}

/** The editor's note for a new recommendation, e.g. `This op-ed was published by CNN. The Kyiv Independent is aggregating it …`. */
export function editorsNote(args: { kind: ArticleKind; lang: Language; outlet: string; site: string; templates?: Partial<NoteTemplates> }): string {
  return fillTemplate(noteTemplate(args.kind, args.lang, args.templates), { outlet: args.outlet.trim(), site: args.site.trim() });
}
