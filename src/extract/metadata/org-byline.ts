/**
 * Organisation bylines: a team, desk, agency or the outlet itself credited where a byline stands ("The
 * Investopedia Team", "TOI Lifestyle Desk", "Associated Press"). They are reported apart from people, so that
 * an organisation never enters the people directory and a person is never hidden behind one.
 */
import { clean, looksLikeUrl, normKey } from './dom.ts';
import { isStockWord } from './name-shape.ts';

/** Collective nouns that end a team's credit: "Podium Staff", "Our Editors", "News Desk". */
const COLLECTIVE_END = /\b(team|staff|desk|newsdesk|newsroom|editors|editorial(?:\s+(?:team|board|staff))?|contributors|writers|reporters|bureau|crew)$/i;
/** Institutions named by their kind: "Center for Drug Evaluation and Research", "Example Foundation". */
const INSTITUTION = /\b(foundation|institute|university|college|center|centre|clinic|hospital|association|society|council|committee|ministry|department|agency|bureau|company|corporation|inc|ltd|llc|gmbh|plc|group|network|media|news|press|labs?)\b\.?/i;
/** Wire agencies, which stand in the byline of the stories they supply. */
const WIRE = /^(?:the\s+)?(associated press|ap|reuters|afp|agence france-presse|bloomberg(?: news)?|pa media|press association|dpa|upi|united press international|ani|pti|ians|xinhua|the canadian press|aap|efe|ansa|kyodo(?: news)?|yonhap)$/i;
/** A single person's role: "Staff Writer", "Community Editor" credit a role, not an organisation. */
const ROLE_END = /\b(editor|writer|reporter|author|contributor|correspondent|columnist|clinician|expert|manager|specialist|strategist|intern|guest)$/i;

/** Words of a text, without a leading "By" and trailing punctuation. */
function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** True when `text` starts with the outlet's name, or is it ("SFist Contributor" at sfist.com). */
function startsWithOutlet(text: string, outletNames: string[]): boolean {
  const key = normKey(text).replace(/\s/g, '');
  return outletNames.map((n) => normKey(n).replace(/\s/g, '')).some((k) => k.length > 2 && key.startsWith(k));
}

/**
 * The byline text as an organisation's credit, or null. `outletNames` are the site's own names, which stand
 * in bylines as the outlet crediting itself. A lone generic word ("Admin", "Staff") is no credit.
 */
export function orgByline(raw: string, outletNames: string[] = []): string | null {
  // "Example Desk / example.in / Share": the credit is what comes before the first separator.
  const text = clean(raw).replace(/^by\s+/i, '').split(/\s[/|•·—–]\s/)[0]!.replace(/[\s,.:;|]+$/, '');
  if (text.length < 2 || text.length > 80 || looksLikeUrl(text) || /@|\d{3,}|[<>{}=?!]/.test(text)) return null;
  const words = wordsOf(text);
  if (words.length > 8 || words.every((w) => isStockWord(w))) {
    // "Our Editors", "News Desk": a collective of several generic words still credits the outlet's people.
    return words.length >= 2 && words.length <= 3 && COLLECTIVE_END.test(text) && !/^the\s+\w+$/i.test(text) ? text : null;
  }
  // Running text ("Sign up for our newsletter") is no credit: an organisation's words are capitalised.
  // A collective noun may close it in lower case ("The Currency editors").
  const last = words.length - 1;
  if (words.some((w, i) => /^\p{Ll}/u.test(w) && !/^(of|for|and|the|de|du|la|&)$/i.test(w) && !(i === last && i > 0 && COLLECTIVE_END.test(w)))) return null;
  if (WIRE.test(text) || COLLECTIVE_END.test(text) || /^team\s+\p{Lu}/iu.test(text)) return text;
  if (startsWithOutlet(text, outletNames)) {
    // The outlet alone, or the outlet with a role ("SFist Contributor"), credits the outlet.
    return words.length <= 4 ? text : null;
  }
  if (ROLE_END.test(text)) return null;
  return INSTITUTION.test(text) && words.length >= 2 && /^\p{Lu}/u.test(text) ? text : null;
}

/** Lone words a CMS signs with by default: they credit nobody, not even the outlet's staff. */
const CMS_DEFAULT = /^(admin|administrator|author|editor|writer|contributor|guest|user|anonymous|unknown|webmaster|moderator)$/i;

/**
 * A credit that names a role or the staff, not a person: "Staff", "Community Editor", "Staff Clinician". Read only
 * from fields that state the author (metadata, a typed Person), where such a credit is how the page signs the piece.
 */
export function roleCredit(raw: string): string | null {
  const text = clean(raw).replace(/^by\s+/i, '');
  const words = wordsOf(text);
  if (!words.length || words.length > 4 || CMS_DEFAULT.test(text) || /[\d@/<>{}=?!]/.test(text)) return null;
  if (words.some((w) => !/^\p{Lu}/u.test(w) && !/^(of|for|the|and|&)$/i.test(w))) return null;
  return /^staff$/i.test(text) || ROLE_END.test(text) || COLLECTIVE_END.test(text) ? text : null;
}

/** True when `text` names a wire agency ("Associated Press", "Reuters"): an organisation, never a person. */
export function isWireAgency(text: string): boolean {
  return WIRE.test(clean(text));
}

/**
 * The name of an author that structured data types as an Organization: its type says what it is, so only
 * emptiness, URLs and a lone generic word ("Admin", "Staff") are refused.
 */
export function typedOrgName(raw: string): string | null {
  const name = clean(raw);
  if (name.length < 2 || name.length > 80 || looksLikeUrl(name) || (!name.includes(' ') && isStockWord(name))) return null;
  return name;
}

/** The editor's warning for an organisation's or a role's byline: who is credited, and that it is no person. */
export function orgWarning(name: string, besidePeople: boolean): { field: string; message: string } {
  // Neutral words: the credit may be an organisation ("Example Research Institute") or a role ("Staff Clinician").
  const message = besidePeople
    ? `the page also credits “${name}” beside the people named`
    : `the page credits “${name}”, not a named person`;
  return { field: 'authors', message };
}
