/** Turns byline text into person names: strips "By", splits lists, rejects outlet names, URLs and roles. */
import { clean, looksLikeUrl, normKey } from './dom.ts';

const BY_PREFIX = /^(?:(?:written|posted|published|reported|words|text|story|article)\s+)?(?:by|from|von|par|por|authors?|автор(?:и|ы)?|від|текст|автор статті)(?:\s*[:|]\s*|\s+)/iu;
const ROLE = /\b(editor|editors|writer|reporter|correspondent|contributor|contributors|columnist|staff|team|desk|journalist|producer|photographer|senior|chief|associate|contributing|reviewer|expert|founder|co-founder|manager|head|director|ceo|cto|marketing|admin|consultant|specialist|strategist|analyst|lead|officer|president|partner|member|author|guest|intern|coach|instructor|attorney|lawyer|dietitian|engineer|developer|designer|scientist|professor|researcher|therapist|nurse|grader|development|community|редактор|кореспондент|корреспондент|журналіст|журналист)\b/iu;
const NOT_A_NAME = /^(admin|administrator|anonymous|guest|unknown|author|authors|staff|editor|editorial|newsroom|by|share|follow|home|news|blog|more|read more|learn more|posted|updated|published|written by|posted by|sponsored|view profile|analysis|opinion|commentary|review|interview|last modified|last updated|the|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|(mon|tues|wednes|thurs|fri|satur|sun)day)$/i;
/** "Reviewed by …", "Medically reviewed by …", "Fact checked by …": people other than the author. */
const NOT_AUTHOR_BY = /^(?:(?:medically|expert|clinically)\s+)?(?:reviewed|edited|fact[- ]?checked|checked|verified|illustrated|photographed|produced)\s+by\b/i;
/** Cut the byline where the date, a separator or a trailing role starts. */
const TAIL = /\s*(?:[|•·—–⋅∙‧・]|\s-\s|\son\s+(?=\w+\s+\d|\d)|\sin\s|\s(?:updated|published|posted|last\s+updated|reviewed|fact[- ]checked)\b|\d|\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d).*$/iu;
/** Lower-case words allowed inside names ("Ludwig van Beethoven", "Maria de la Cruz"). */
const PARTICLES = new Set(['de', 'da', 'das', 'do', 'dos', 'du', 'del', 'della', 'der', 'den', 'di', 'la', 'le', 'van', 'von', 'ten', 'ter', 'bin', 'ibn', 'al', 'el', 'y', 'e', 'zu', "d'"]);
/** Degrees and credentials that follow a name after a comma: "Jane Roe, MD". */
const CREDENTIAL = /^(md|m\.d\.|phd|ph\.d\.|rn|bsn|msn|do|dds|dmd|mba|ms|ma|msc|bsc|cpa|rd|lcsw|np|pa-c|jr|sr|ii|iii|iv|esq)\.?$/i;
const SPLIT = /\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\s+і\s+|\s+и\s+|\s+та\s+)\s*/iu;

/** True when `s` reads like a person's name (1–6 words, letters, no digits, not a URL or stock word). */
export function isPlausibleName(s: string): boolean {
  if (s.length < 2 || s.length > 60 || looksLikeUrl(s) || /\d|[@#<>{}=/\\()[\]]|\?/.test(s)) return false;
  if (NOT_A_NAME.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length > 6) return false;
  // Running text ("Insights from", "View more posts") has lower-case words that names do not.
  if (words.some((w) => /^\p{Ll}/u.test(w) && !PARTICLES.has(w.toLowerCase()))) return false;
  // Names start with capitals in the scripts we expect; an all-lower-case phrase is running text.
  const letters = s.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 2 || letters < s.replace(/\s/g, '').length * 0.7) return false;
  return words.some((w) => /^\p{Lu}/u.test(w));
}

/** Title-cases an all-capitals name ("JOHN SMITH" → "John Smith"); leaves mixed case alone. */
function fixCase(name: string): string {
  if (name !== name.toUpperCase() || !/\p{Lu}{3}/u.test(name)) return name;
  return name.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

/** Words that mark an organisation, so a site name equal to a byline is refused only when it reads like one. */
const ORG_WORD = /\b(news|times|post|media|magazine|press|journal|daily|team|staff|group|inc|ltd|llc|network|radio|tv|channel|blog|world|today|review|guide|hub|labs?|studio|agency|online|digital|weekly|tribune|herald|gazette|independent|report|company|global|editors?|desk|store|shop|business|insider|wire|associated)\b/i;

/** A name part cut where running text starts: "Niko Matsakis on behalf of …" → "Niko Matsakis". */
function cutAtRunningText(part: string): string {
  const words = part.split(/\s+/);
  const end = words.findIndex((w) => /^\p{Ll}/u.test(w) && !PARTICLES.has(w.toLowerCase()));
  return (end < 0 ? words : words.slice(0, end)).join(' ');
}

/** Profile-link words the layout glues to a name ("A. J. Neal View", "Jane Roe Follow"). */
function cutUiWords(part: string): string {
  return part.replace(/(\s+(?:view|follow|profile|bio))+$/i, '');
}

/** Site controls and headline fragments that layouts put where a byline might be ("Contact Us", "A Guide", "What Hollywood"). */
const UI_WORD = /\b(contact|login|logout|account|subscribe|register|search|cart|privacy|terms|careers|support|faq|menu|sign in|sign up|webmaster|customer care|official)\b|^(a|an|what|how|why|when|where|which|this|our|your|my)\s/i;

/** Words that never name a person, wherever they appear: "South Carolina Learning Network", "Example Clinic". */
const ORG_ALWAYS = /\b(network|media|magazine|team|staff|foundation|clinic|institute|university|center|centre|society|association|forum|weblog|blog|company|inc|ltd|llc|gmbh|group|agency|studio|news|newsroom|online|digital|editors|desk|department|ministry|council|committee|representative|bureau|services|solutions|software|tips|dental|dentistry)\b/i;

function namesFromSegment(segment: string, outletKeys: string[]): string[] {
  const s = segment.replace(BY_PREFIX, '').replace(TAIL, '').replace(/^[\s,:|]+|[\s,:|.]+$/g, '');
  if (!s || s.length > 200) return [];
  const out: string[] = [];
  for (const part0 of s.split(SPLIT)) {
    const part = cutUiWords(cutAtRunningText(part0.replace(BY_PREFIX, '').replace(/^[\s,.:]+|[\s,:]+$/g, '').trim()));
    if (!part || CREDENTIAL.test(part)) continue;
    if (ROLE.test(part) || ORG_ALWAYS.test(part) || UI_WORD.test(part) || /^the\s/i.test(part)) continue; // "Staff Writer", "The Daily"
    if (!isPlausibleName(part)) continue;
    const key = normKey(part).replace(/\s/g, '');
    // The outlet's own name is no person, unless the site is a person's own ("Jane Roe" at janeroe.com).
    const sameAsOutlet = outletKeys.some((k) => k === key || (key.length >= 3 && (k.startsWith(key) || key.startsWith(k))));
    if (sameAsOutlet && (ORG_WORD.test(part) || !part.includes(' '))) continue;
    const name = fixCase(part.replace(/(\s+\p{Lu}{2,})+$/u, (tail) => (part.split(/\s+/).length - tail.trim().split(/\s+/).length >= 2 ? '' : tail)));
    if (!out.some((o) => normKey(o) === normKey(name))) out.push(name);
  }
  // "Jane Roe, Privacy": a one-word piece beside full names is a role or a section, not a person.
  const full = out.filter((n) => n.includes(' '));
  return full.length && full.length < out.length ? full : out;
}

/** Splits one byline string into names; drops dates, roles, URLs and the outlet's own name. */
export function namesFromByline(raw: string, outletNames: string[] = []): string[] {
  // Reviewers, editors and fact-checkers are named like authors but did not write the piece.
  if (NOT_AUTHOR_BY.test(clean(raw))) return [];
  const text = clean(raw).replace(BY_PREFIX, '');
  const outletKeys = outletNames.map((n) => normKey(n).replace(/\s/g, '')).filter((k) => k.length > 2);
  // A byline line often holds several segments ("Dec. 19, 2025 · Jane Roe"): the first with a name wins.
  for (const segment of text.split(/\s[|•·—–⋅∙‧・]\s|\s-\s/).slice(0, 6)) {
    const names = namesFromSegment(segment, outletKeys);
    if (names.length) return names;
  }
  return [];
}

/** True when `name` is the outlet's own name (or its host): a person only on a personal site. */
export function isOutletName(name: string, outletNames: string[]): boolean {
  const key = normKey(name).replace(/\s/g, '');
  if (key.length < 3) return false;
  // Same test as the byline reader's: equal, or one a prefix of the other ("Help Net Security Sponsored").
  return outletNames.map((n) => normKey(n).replace(/\s/g, '')).some((k) => k.length > 2 && (k === key || k.startsWith(key) || key.startsWith(k)));
}
