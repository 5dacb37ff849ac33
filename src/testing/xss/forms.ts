import { parseHTML } from 'linkedom';
import type { Payload } from './payloads.ts';

// Kept as shown: tokens, versions and fields whose type the server checks strictly.
const KEEP = new Set(['hidden', 'number', 'password', 'datetime-local', 'date', 'time', 'submit', 'button', 'file']);

/**
 * The fields of the form on `html` that posts to `action`, as a browser would send them after a hostile editor
 * typed a payload into every free-text field (each field its own payload, from `next`). Emails get a valid
 * address, URL fields a valid URL carrying the payload in its query, so the server stores rather than refuses.
 * Selects, radios and checkboxes keep their current choice; the "save" button is pressed when there is one.
 * `short` keeps every value within 50 characters, for servers stricter than their forms' maxlength; `keep` names
 * fields to leave as shown (ones the server refused a payload in, such as a list of language codes).
 */
export function hostileForm(html: string, action: string, next: () => Payload, opts: { short?: boolean; keep?: ReadonlySet<string> } = {}): Record<string, string> | null {
  const { document } = parseHTML(html);
  const form = Array.from(document.querySelectorAll('form')).find((f) => f.getAttribute('action') === action);
  if (!form) return null;
  const out: Record<string, string> = {};
  for (const el of Array.from(form.querySelectorAll('input, textarea, select'))) {
    const name = el.getAttribute('name');
    if (!name) continue;
    const tag = el.tagName.toLowerCase();
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    if (tag === 'select') {
      out[name] = (el.querySelector('option[selected]') ?? el.querySelector('option'))?.getAttribute('value') ?? '';
    } else if (type === 'checkbox' || type === 'radio') {
      if (el.hasAttribute('checked')) out[name] = el.getAttribute('value') ?? 'on';
    } else if (KEEP.has(type) || opts.keep?.has(name) || /^\d{4}-\d\d-\d\d/.test(el.getAttribute('value') ?? '')) {
      // A date shown in a text field is checked as a date; a payload there is refused, not stored.
      out[name] = el.getAttribute('value') ?? '';
    } else {
      const p = next();
      const max = Math.min(Number(el.getAttribute('maxlength') ?? 5000), opts.short ? 50 : Infinity);
      const text = type === 'email' ? `xss${p.n}-${Math.random().toString(36).slice(2, 8)}@test.example`
        : type === 'url' ? `https://example.org/p?q=${encodeURIComponent(p.text)}`
          : fill(p, next, max);
      out[name] = text.slice(0, max);
    }
  }
  const buttons = Array.from(form.querySelectorAll('button[name]'));
  const press = buttons.find((b) => b.getAttribute('value') === 'save') ?? buttons[0];
  if (press) out[press.getAttribute('name')!] = press.getAttribute('value') ?? '';
  return out;
}

/** As many payloads as fit in `max` characters (at least one), so a short field still carries several. */
function fill(first: Payload, next: () => Payload, max: number): string {
  let text = `Typed ${first.text}`;
  for (let p = next(); text.length + p.text.length + 1 <= max && text.length < 1000; p = next()) text += ` ${p.text}`;
  return text;
}

/** An endless walk through the payload table, so every field of every form gets a different payload. */
export function payloadCycle(payloads: readonly Payload[]): () => Payload {
  let i = 0;
  return () => payloads[i++ % payloads.length]!;
}

/** The form's fields that a refusal message names (`name_en` as `name.en:` or `languages.0:`), to keep on the next try. */
export function refusedFields(form: Record<string, string>, message: string): string[] {
  return Object.keys(form).filter((name) => new RegExp(`\\b${name.replace(/_/g, '[._]')}(\\.\\d+)?:`).test(message));
}
