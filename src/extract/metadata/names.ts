/** Turns byline text into person names: strips "By", splits lists, rejects outlet names, URLs and roles. */
import { clean, looksLikeUrl, normKey } from './dom.ts';

const BY_PREFIX = /^(?:(?:written|posted|published|reported|words|text|story|article|(?:view\s+)?(?:all|more)\s+(?:articles|posts|stories))\s+)?(?:by|from|von|par|por|authors?|authored\s+by|автор(?:и|ы)?|від|текст|автор статті)(?:\s*[:|]\s*|\s+)/iu;
const ROLE = /\b(editor|editors|writer|reporter|correspondent|contributor|contributors|columnist|creator|staff|team|desk|journalist|producer|photographer|senior|chief|associate|contributing|reviewer|expert|founder|co-founder|manager|head|director|ceo|cto|marketing|admin|consultant|specialist|strategist|analyst|lead|officer|president|partner|member|author|guest|intern|coach|instructor|attorney|lawyer|dietitian|engineer|developer|designer|scientist|professor|researcher|therapist|nurse|grader|development|community|редактор|кореспондент|корреспондент|журналіст|журналист)\b/iu;
const NOT_A_NAME = /^(admin|administrator|anonymous|guest|unknown|author|authors|staff|editor|editorial|newsroom|by|share|follow|home|news|blog|more|read more|learn more|posted|updated|published|written by|posted by|sponsored|view profile|analysis|opinion|commentary|review|interview|last modified|last updated|the|(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?|(mon|tues|wednes|thurs|fri|satur|sun)day)$/i;
/** "Reviewed by …", "Medically reviewed by …", "Fact checked by …": people other than the author. */
const NOT_AUTHOR_BY = /^(?:(?:medically|expert|clinically)\s+)?(?:reviewed|researched|edited|fact[- ]?checked|checked|verified|illustrated|photographed|produced)\s+by\b/i;
/** Cut the byline where the date, a separator or a trailing role starts. */
const TAIL = /\s*(?:[|•·—–⋅∙‧・]|\s-\s|\son\s+(?=\w+\s+\d|\d)|\sin\s|\s(?:updated|published|posted|last\s+updated|reviewed|fact[- ]checked)\b|\d|\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d).*$/iu;
/** Lower-case words allowed inside names ("Ludwig van Beethoven", "Maria de la Cruz"). */
const PARTICLES = new Set(['de', 'da', 'das', 'do', 'dos', 'du', 'del', 'della', 'der', 'den', 'di', 'la', 'le', 'van', 'von', 'ten', 'ter', 'bin', 'ibn', 'al', 'el', 'y', 'e', 'zu', "d'"]);
/** Degrees and credentials that follow a name after a comma: "Jane Roe, MD". */
const CREDENTIAL = /^(md|m\.d\.|phd|ph\.d\.|rn|bsn|msn|do|dds|dmd|mba|ms|ma|msc|bsc|cpa|rd|lcsw|np|pa-c|esq)\.?$/i;
/** Generational suffixes are part of the name they follow: "John Smith, Jr." is "John Smith Jr.". */
const SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/i;
/** Separators of a list of names; captured, because a comma after a role introduces an affiliation. */
const SPLIT = /\s*(,|;|&|\band\b|\bund\b|\bet\b|\s+і\s+|\s+и\s+|\s+та\s+)\s*/iu;

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

/**
 * Title-cases a name that structured data gives in lower case ("kirstin boatto" → "Kirstin Boatto"): a CMS
 * display name typed that way is still a person. Two or three words only: one word is a user name.
 */
export function fixLowerCase(name: string): string {
  if (!/^\p{Ll}[\p{Ll}'’-]*(?:\s+\p{Ll}[\p{Ll}'’-]*){1,2}$/u.test(name.trim())) return name;
  return name.trim().replace(/(^|\s)(\p{Ll})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

/** Words that mark an organisation, so a site name equal to a byline is refused only when it reads like one. */
const ORG_WORD = /\b(news|times|post|media|magazine|press|journal|daily|team|staff|group|inc|ltd|llc|network|radio|tv|channel|blog|world|today|review|guide|hub|labs?|studio|agency|online|digital|weekly|tribune|herald|gazette|independent|report|company|global|editors?|desk|store|shop|business|insider|wire|associated|bank|security|strategies|strategy|renovations?|makers|consulting|construction|capital|systems|technologies|supply|supplies|outfitters|marketing|solutions|services)\b/i;

/** Verbs that open a biography right after its subject's name. */
const BIO_VERB = /^(is|was|has|had|writes|wrote|covers|joined|leads|lives|works|holds)$/;

/** A name part cut where running text starts: "Niko Matsakis on behalf of …" → "Niko Matsakis". */
function cutAtRunningText(part: string): string {
  const words = part.split(/\s+/);
  const end = words.findIndex((w) => /^\p{Ll}/u.test(w) && !PARTICLES.has(w.toLowerCase()));
  // "Jane Roe is a reporter who …" opens a biography: its subject need not be this piece's author; in
  // "A Book by Jane Roe" the words before "by" are a title.
  if (end > 0 && (BIO_VERB.test(words[end]!) || words[end] === 'by')) return '';
  return (end < 0 ? words : words.slice(0, end)).join(' ');
}

/** Profile-link words the layout glues to a name ("A. J. Neal View", "Jane Roe Follow"). */
function cutUiWords(part: string): string {
  return part.replace(/(\s+(?:view|follow|profile|bio))+$/i, '');
}

/** Site controls and headline fragments that layouts put where a byline might be ("Contact Us", "A Guide", "What Hollywood"). */
const UI_WORD = /\b(contact|login|logout|account|subscribe|register|search|cart|privacy|terms|careers|support|faq|menu|sign in|sign up|text size|font size|webmaster|customer care|official)\b|^(a|an|what|how|why|when|where|which|this|our|your|my)\s/i;

/** Words that never name a person, wherever they appear: "South Carolina Learning Network", "Example Clinic". */
const ORG_ALWAYS = /\b(network|media|magazine|team|staff|foundation|clinic|institute|university|center|centre|society|association|forum|weblog|blog|company|inc|ltd|llc|gmbh|group|agency|studio|news|newsroom|online|digital|editors|desk|department|ministry|council|committee|representative|bureau|services|solutions|software|tips|dental|dentistry)\b/i;

/** Job words that layouts print right after a name, without a comma. */
const TRAILING_ROLE = /^(staff|senior|lead|chief|associate|contributing|former|freelance|managing|executive|deputy|editor|editors|writer|reporter|correspondent|contributor|columnist|journalist|producer|photographer|editor-in-chief)$/i;

/** Cuts a name where a role glued after it starts: "Zackery Cuevas Writer, Hardware" → "Zackery Cuevas". */
function cutTrailingRole(part: string): string {
  // A role glued to the surname by the layout: "Juliette CarreiroTech Writer".
  const glued = /^(.*?\p{Ll}{3})(\p{Lu}\p{Ll}.*)$/u.exec(part);
  if (glued && glued[1]!.includes(' ') && ROLE.test(glued[2]!)) return glued[1]!;
  const words = part.split(/\s+/);
  const at = words.findIndex((w, i) => i >= 2 && TRAILING_ROLE.test(w));
  // "AAA Travel Editor" is a desk: an acronym before the role names an organisation, not a person.
  if (at < 0 || (part !== part.toUpperCase() && words.slice(0, at).some((w) => /^\p{Lu}{2,}$/u.test(w)))) return part;
  return words.slice(0, at).join(' ');
}

/**
 * One piece of a list, cleaned: prefix, handles, running text, UI words, a trailing role and a trailing
 * parenthesis ("Lance Ryan (Content Manager)") removed. `cut` says running text was removed from a longer phrase.
 */
function cleanPart(raw: string): { part: string; cut: boolean; roleCut: boolean } {
  // A social handle printed beside the name ("Jane Roe @janeroe") is not part of it.
  const start = raw.replace(BY_PREFIX, '').replace(/\s+@[\p{L}\d_.]+/gu, '').replace(/^[\s,.:]+|[\s,:]+$/g, '').replace(/\s*\([^()]*\)$/, '').trim();
  const kept = cutUiWords(cutAtRunningText(start));
  const part = cutTrailingRole(kept);
  return { part, cut: kept !== start, roleCut: part !== kept };
}

/** Why a piece is no name: a role or an organisation (which makes its neighbours suspect), or anything else. */
type Refusal = 'role' | 'other';

/** The piece as a name, or why it is none. */
function asName(part: string, outletKeys: string[]): string | Refusal {
  if (!part || CREDENTIAL.test(part)) return 'other';
  if (ROLE.test(part) || ORG_ALWAYS.test(part) || /^the\s/i.test(part)) return 'role'; // "Staff Writer", "The Daily"
  // A one-word nickname or maiden name in parentheses is part of the name: "Paramita (Guha) Ghosh".
  const bare = part.replace(/\((\p{Lu}[\p{L}'-]*)\)/gu, '$1');
  if (UI_WORD.test(part) || !isPlausibleName(bare)) return 'other';
  const key = normKey(part).replace(/\s/g, '');
  const flat = outletKeys.map((k) => k.replace(/\s/g, ''));
  // The outlet's own name is no person, unless the site is a person's own ("Jane Roe" at janeroe.com);
  // the outlet's several-word name with more glued to its last word ("Example MakersReviewed") is never one.
  const spaced = normKey(part);
  const glued = /\p{Ll}\p{Lu}/u.test(part.split(/\s+/).pop() ?? '');
  if (glued && outletKeys.some((k) => k.includes(' ') && spaced.length > k.length && spaced.startsWith(k) && spaced[k.length] !== ' ')) return 'role';
  const sameAsOutlet = flat.some((k) => k === key || (key.length >= 3 && (k.startsWith(key) || key.startsWith(k))));
  if (sameAsOutlet && (ORG_WORD.test(part) || !part.includes(' '))) return 'role';
  return fixCase(part.replace(/(\s+\p{Lu}{2,})+$/u, (tail) => (part.split(/\s+/).length - tail.trim().split(/\s+/).length >= 2 ? '' : tail)));
}

function namesFromSegment(segment: string, outletKeys: string[]): { names: string[]; orgSeen: boolean } {
  // Separators left at the start ("2025-12-17 · | Jane Roe") would read as the tail of an empty byline.
  const s = segment.replace(/^[\s|•·—–⋅∙‧・]+/u, '').replace(BY_PREFIX, '').replace(TAIL, '').replace(/^[\s,:|]+|[\s,:|.]+$/g, '');
  if (!s || s.length > 200) return { names: [], orgSeen: false };
  const pieces = s.split(SPLIT);
  const out: string[] = [];
  let afterRole: 'comma' | 'any' | null = null;
  let orgSeen = false;
  for (let i = 0; i < pieces.length; i += 2) {
    const { part, cut, roleCut } = cleanPart(pieces[i] ?? '');
    // "Jane Roe, Director of Operations, Example Lines": after a role, a comma brings its organisation, and
    // after a role glued to a name anything joined continues it ("Jane Roe Digital Editor and Master Gardener"),
    // unless another role follows ("Jane Roe, Editor, John Doe, Reporter").
    const joined = afterRole === 'any' || (afterRole === 'comma' && pieces[i - 1]?.trim() === ',');
    if (joined && asName(cleanPart(pieces[i + 2] ?? '').part, outletKeys) !== 'role') continue;
    afterRole = roleCut ? 'any' : null;
    if (SUFFIX.test(part) && out.length) {
      out[out.length - 1] += /^[js]/i.test(part) ? ` ${part[0]!.toUpperCase()}${part.slice(1, 2).toLowerCase()}.` : ` ${part.toUpperCase()}`;
      continue;
    }
    const name = asName(part, outletKeys);
    if (name === 'role') {
      afterRole = 'comma';
      orgSeen = true;
    }
    // "Ask the Doctors" → "Ask": one word left of a phrase is no name.
    if (name === 'role' || name === 'other' || (cut && !name.includes(' '))) continue;
    if (!out.some((o) => normKey(o) === normKey(name))) out.push(name);
  }
  // "Jane Roe, Privacy": a one-word piece beside full names is a role or a section, not a person; beside an
  // organisation ("Center for Drug Evaluation and Research") it is the rest of the organisation's name.
  const full = out.filter((n) => n.includes(' '));
  return { names: (full.length && full.length < out.length) || orgSeen ? full : out, orgSeen };
}

/** True when a text opens by naming someone other than the author ("Reviewed by …", "Researched by: …"). */
export function namesOtherContributor(text: string): boolean {
  return NOT_AUTHOR_BY.test(clean(text));
}

/** Splits one byline string into names; drops dates, roles, URLs and the outlet's own name. */
export function namesFromByline(raw: string, outletNames: string[] = []): string[] {
  // Reviewers, editors and fact-checkers are named like authors but did not write the piece.
  if (namesOtherContributor(raw)) return [];
  const text = clean(raw).replace(BY_PREFIX, '');
  // Outlet names keep their spaces here: a name glued to the outlet's is told apart by them.
  const outletKeys = outletNames.map(normKey).filter((k) => k.replace(/\s/g, '').length > 2);
  // A byline line often holds several segments ("Dec. 19, 2025 · Jane Roe"): the first with a name wins.
  const segments = text.split(/\s[|•·—–⋅∙‧・]\s|\s-\s/).slice(0, 6);
  for (const [i, segment] of segments.entries()) {
    // Past the first segment, a lone word is a section or a label ("Example - Drupal"), not a person.
    const { names, orgSeen } = namesFromSegment(segment, outletKeys);
    const kept = names.filter((n) => i === 0 || n.includes(' '));
    if (kept.length) return kept;
    // A byline that names a desk or the outlet ("Example Desk / example.in / Share") names nobody after it.
    if (orgSeen) return [];
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
