/**
 * Affiliations and roles printed with a name ("Jane Roe, Senior Analyst", "Jane Roe | Example Daily"): whether the
 * page prints them as part of the byline, or beside it as a line of its own that describes the writer. A byline as
 * printed keeps the first kind only; the second would make every credit of one writer read differently.
 */
import { isCredentialText } from './credentials.ts';
import { normKey, textOf } from './dom.ts';

/** The parts of a byline person this module reads and trims. */
interface Printed { name: string; credentials?: string; credentialsGlued?: boolean }

/** "… on Facebook", "Follow Jane on X": the label of a link to a social profile, which credits nobody. */
const SOCIAL_LABEL = /\s(?:on|at)\s+(?:facebook|twitter|x|instagram|linkedin|youtube|tiktok|threads|bluesky|mastodon|pinterest)\s*$/i;

/** True when a byline text is a social profile's link label ("Example Garden Network on Facebook"). */
export function isSocialLabel(text: string): boolean {
  return SOCIAL_LABEL.test(text.trim());
}

/**
 * True when an affiliation names the outlet itself ("USA TODAY" at usatoday.com, "FullStack Editorial Team" at
 * FullStack): every writer of the site has it, so it tells nothing about this one and bylines print it apart.
 */
export function isOutletAffiliation(text: string, outletKeys: string[]): boolean {
  const key = normKey(text).replace(/\s/g, '');
  return key.length > 2 && outletKeys.some((k) => {
    const flat = k.replace(/\s/g, '');
    return flat.length > 2 && key.startsWith(flat);
  });
}

/** The person without credentials that are the outlet's name ("Brian Roe USA TODAY" at usatoday.com). */
export function withoutOutlet<T extends Printed>(p: T, outletKeys: string[]): T {
  if (!p.credentials || !isOutletAffiliation(p.credentials, outletKeys)) return p;
  const out = { ...p };
  delete out.credentials;
  delete out.credentialsGlued;
  return out;
}

/**
 * A parenthesis printed after a name in the same text ("Lance Roe (Content Manager)", "Jean Roe (ExampleSoft)"): a
 * role or the writer's own site, part of the byline as printed and kept out of the name. Dates, lower-case asides
 * and pronouns ("(he/him)", "(She/Her)") are not.
 */
export function printedParenthesis(raw: string): string | null {
  const m = /\s\((\p{Lu}[^()\d/]{1,40})\)$/u.exec(raw.trim());
  return m ? `(${m[1]!.trim()})` : null;
}

/**
 * True when a role after a list of several names is plural ("Julie Weisenhorn and Natalie Hoidal, Extension
 * educators"): it describes them all, so it is no credential of the last name.
 */
export function isSharedRole(chunk: string, names: number): boolean {
  const last = chunk.trim().split(/\s+/).pop() ?? '';
  return names >= 2 && !isCredentialText(chunk) && /\p{L}{3,}[^s]s$/u.test(last);
}

/**
 * A sentence's names up to the description that follows them in prose: "Jane Roe, MD, gastroenterologist, Example
 * Health" → "Jane Roe, MD". What follows a lower-case role is the writer's employer, not another writer.
 */
export function beforeProse(text: string): string {
  const at = text.search(/,\s*\p{Ll}/u);
  return at < 0 ? text : text.slice(0, at);
}

/** True when the credentials are a role or an affiliation, not post-nominal letters ("MS, RD", "E-RYT 200"). */
function isRole(credentials: string): boolean {
  return !credentials.split(/,\s*/).every((c) => isCredentialText(c));
}

/** The person without a role or affiliation among the credentials; the post-nominals before it stay ("MD"). */
export function withoutRole<T extends Printed>(p: T): T {
  if (!p.credentials || !isRole(p.credentials)) return p;
  const out = { ...p };
  const chunks = p.credentials.split(/,\s*/);
  const degrees = chunks.slice(0, chunks.findIndex((c) => !isCredentialText(c)));
  if (degrees.length) {
    out.credentials = degrees.join(', ');
    return out;
  }
  delete out.credentials;
  delete out.credentialsGlued;
  return out;
}

/**
 * True when a class names the element as the author's name (`author-name`, `byline__name`, `NameText`); a byline
 * row (`byline`, `author`) also holds the date and the like, so it says nothing about what belongs to the name.
 */
function isNameElement(el: Element): boolean {
  return /name/i.test(el.getAttribute('class') ?? '');
}

/** The deepest element under `scope` whose text holds `key`, or null when none does. */
function deepestHolding(scope: Element, key: string): Element | null {
  if (!normKey(textOf(scope)).includes(key)) return null;
  let at = scope;
  for (let depth = 0; depth < 30; depth++) {
    let next: Element | null = null;
    for (let c = at.firstElementChild; c && !next; c = c.nextElementSibling) if (normKey(textOf(c)).includes(key)) next = c;
    if (!next) return at;
    at = next;
  }
  return at;
}

/**
 * True when the page sets the person's name in an element of its own (a profile link, a name span) and the role
 * outside it ("By <a>Jane Roe</a>, Executive Editor, <a>Example Letter</a>"): the role is a line beside the byline.
 * Where the element holding both is the one the page names as the author's name (`<span class="author-name">`), or
 * one text holds both ("Mike Roe, Shipping Expert"), the role is printed as part of the byline.
 */
export function isRoleApart(scope: Element, name: string, role: string): boolean {
  const nameEl = deepestHolding(scope, normKey(name));
  const roleKey = normKey(role).split(' ').slice(0, 2).join(' ');
  if (!nameEl || !roleKey) return false;
  let both: Element | null = nameEl;
  while (both && !normKey(textOf(both)).includes(roleKey)) both = both === scope ? null : both.parentElement;
  // A role not found around the name came from elsewhere; leave it as read.
  return !!both && both !== nameEl && !isNameElement(both);
}

/** The person as the layout prints them: without a role the page sets apart from the name (see `isRoleApart`). */
export function asLaidOut<T extends Printed>(scope: Element, p: T): T {
  return p.credentials && isRole(p.credentials) && isRoleApart(scope, p.name, p.credentials) ? withoutRole(p) : p;
}
