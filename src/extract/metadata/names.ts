/** Turns byline text into person names: strips "By", splits lists, rejects outlet names, URLs and roles. */
import { addCredentials, isCredentialText, isKnownDegree, splitHonorific, splitTrailingCredentials } from './credentials.ts';
import { chunkEnd, joinPieces, sepText } from './byline-pieces.ts';
import { clean, normKey } from './dom.ts';
import { fixCase, isPlausibleName, PARTICLES } from './name-shape.ts';
import { isWireAgency, orgByline } from './org-byline.ts';
import { isOutletAffiliation, isSharedRole, isSocialLabel, printedParenthesis, withoutOutlet } from './affiliation.ts';
import { nominativeOfGenitive, opensWithVid } from './uk-genitive.ts';

export { fixLowerCase, isPlausibleName } from './name-shape.ts';

/** A person as a byline prints them: the bare name, an honorific printed before it, credentials after it. */
export interface BylinePerson { name: string; honorific?: string; credentials?: string; credentialsGlued?: boolean; account?: boolean }
/** What one byline credits: people, and an organisation credited instead of or beside them. */
export interface BylineCredit { people: BylinePerson[]; org: string | null }

const BY_PREFIX = /^(?:(?:written|posted|published|reported|words|text|story|article|(?:view\s+)?(?:all|more)\s+(?:articles|posts|stories))\s+)?(?:by|from|von|par|por|authors?|authored\s+by|автор(?:и|ы)?|від|текст|автор статті)(?:\s*[:|]\s*|\s+)/iu;
const ROLE = /\b(editor|editors|writer|reporter|correspondent|contributor|contributors|columnist|creator|staff|team|desk|journalist|producer|photographer|senior|chief|associate|contributing|reviewer|expert|founder|co-founder|manager|head|director|ceo|cto|marketing|admin|consultant|specialist|strategist|analyst|lead|officer|president|partner|member|author|guest|intern|coach|instructor|attorney|lawyer|dietitian|engineer|developer|designer|scientist|professor|researcher|therapist|nurse|grader|development|community|редактор|кореспондент|корреспондент|журналіст|журналист)\b/iu;
/** "Reviewed by …", "Medically reviewed by …", "Fact checked by …": people other than the author. */
const NOT_AUTHOR_BY = /^(?:(?:medically|expert|clinically)\s+)?(?:reviewed|researched|edited|fact[- ]?checked|checked|verified|illustrated|photographed|produced)\s+by\b/i;
/** Cut the byline where the date, a separator or a trailing role starts; a credential's level ("E-RYT 200") stays. */
const TAIL = /\s*(?:[|•·—–⋅∙‧・]|\s-\s|\s(?:on|at)\s+(?=(?:\w+,?\s+){0,2}\d)|\sin\s|\s(?:updated|published|posted|last\s+updated|reviewed|fact[- ]checked)\b|(?:(?<!\d|,\s*(?:\p{Lu}-)?\p{Lu}{2,6}\s)|(?=\d*\s+\p{L}))\d|\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d).*$/iu;
/** Generational suffixes are part of the name they follow: "John Smith, Jr." is "John Smith Jr.". */
const SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/i;
/** Separators of a list of names; captured, because a comma after a role introduces an affiliation. */
const SPLIT = /\s*(,|;|&|\band\b|\bund\b|\bet\b|\s+і\s+|\s+и\s+|\s+та\s+)\s*/iu;

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
const ORG_ALWAYS = /\b(network|media|magazine|team|staff|foundation|clinic|institute|university|center|centre|society|association|forum|weblog|blog|company|inc|ltd|llc|gmbh|group|agency|studio|news|newsroom|newsdesk|online|digital|editors|desk|department|ministry|council|committee|representative|bureau|services|solutions|software|tips|dental|dentistry)\b/i;

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
  // Only known degrees are refused here: an all-capitals name ("JANE DOE") reads like letters after a name.
  if (!part || isKnownDegree(part)) return 'other';
  if (ROLE.test(part) || ORG_ALWAYS.test(part) || /^the\s/i.test(part) || isWireAgency(part)) return 'role'; // "Staff Writer", "The Daily"
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
  // A word equal to a name of the outlet ("Buzzsprout" at buzzsprout.com) is the outlet whatever its shape.
  const lone = !part.includes(' ') && (flat.includes(key) || !isOwnersFirstName(spaced, outletKeys));
  if (sameAsOutlet && (ORG_WORD.test(part) || lone)) return 'role';
  return part;
}

/**
 * True when one word is the first word of the outlet's several-word name and that name names no organisation:
 * "Ben" on "Ben Edelstein", "Lillie" on "Lillie Eats and Tells" is the site's owner signing by first name.
 */
function isOwnersFirstName(word: string, outletKeys: string[]): boolean {
  return outletKeys.some((k) => k.startsWith(`${word} `) && !ORG_WORD.test(k) && !ORG_ALWAYS.test(k));
}

/** A person as the byline prints them: the bare name, an honorific before it, post-nominals glued after it. */
function asPerson(name: string): BylinePerson {
  const [bare, tail] = splitTrailingCredentials(name);
  const [honorific, rest] = splitHonorific(fixCase(bare));
  const person: BylinePerson = { name: rest };
  if (honorific) person.honorific = honorific;
  // Printed as the page prints it: "Sarah Knowles MW" has no comma to restore.
  if (tail) Object.assign(person, { credentials: tail, credentialsGlued: true });
  return person;
}

/** True when `part` is exactly one of the outlet's names ("Jane Roe, Example Daily"). */
function isOwnOutlet(part: string, outletKeys: string[]): boolean {
  const key = normKey(part).replace(/\s/g, '');
  return outletKeys.some((k) => k.replace(/\s/g, '') === key);
}

/** True when a comma chunk describes the person before it ("Home and Digital Security Expert", "CEO of X"). */
function isRoleChunk(chunk: string, first: string, outletKeys: string[]): boolean {
  // The outlet's own name after the names says whom they write for, which holds for all of them.
  if (!first || chunk.length > 100 || /\d/.test(chunk) || isOwnOutlet(chunk, outletKeys)) return false;
  const kind = asName(cleanPart(first).part, outletKeys);
  return kind === 'role' || (kind === 'other' && (ROLE.test(chunk) || ORG_ALWAYS.test(chunk)));
}

/** What one segment of a byline credits; `orgSeen` says a role or an organisation stood in it. */
interface SegmentCredit { people: BylinePerson[]; org: string | null; orgSeen: boolean }

/**
 * The state of reading one segment: the people so far, the person the text being read describes (`owner`),
 * whether that person's name was printed in mixed case, and what a role seen before implies for the next piece.
 */
interface Reading { out: BylinePerson[]; owner: BylinePerson | null; mixed: boolean; afterRole: 'comma' | 'any' | null; orgSeen: boolean; org: string | null }

/**
 * Post-nominals after a name ("Jillian Kubala, MS, RD") and a role after its comma ("Paul Frew, Home and
 * Digital Security Expert") describe the person before them: kept as printed, out of the name. Returns the
 * index of the last piece taken, or -1 when piece `i` is none. Where names are printed in capitals ("MEG
 * KINNARD, ERRIN HAINES"), capitals after them are names too: only a name in mixed case takes credentials.
 */
function takeCredentials(r: Reading, pieces: string[], i: number, outletKeys: string[]): number {
  const raw = pieces[i]!.trim();
  if (!r.owner || !r.mixed) return -1;
  if (isCredentialText(raw)) {
    r.owner.credentials = addCredentials(r.owner.credentials, raw);
    return i;
  }
  const end = chunkEnd(pieces, i);
  const chunk = joinPieces(pieces, i, end);
  if (pieces[i - 1]?.trim() !== ',') return -1;
  // After a role its comma chunks go on describing it ("Senior Director, Content & Marketing, Example Media"),
  // unless one is a person whose own role follows ("Jane Doe, Editor, John Roe, Reporter").
  const next = end + 2;
  const personWithRole = next < pieces.length && i === end && raw.includes(' ') && typeof asName(cleanPart(raw).part, outletKeys) === 'string'
    && isRoleChunk(joinPieces(pieces, next, chunkEnd(pieces, next)), pieces[next]!.trim(), outletKeys);
  const continues = r.afterRole === 'comma' && !!r.owner.credentials && !personWithRole;
  if (!continues && !isRoleChunk(chunk, raw, outletKeys)) return -1;
  if (isSharedRole(chunk, r.out.length)) {
    // "Jane Roe and John Doe, Extension educators" describes them all: no credential of the last name.
    r.afterRole = 'comma';
    r.orgSeen = true;
    return end;
  }
  r.owner.credentials = addCredentials(r.owner.credentials, chunk);
  r.afterRole = 'comma';
  r.orgSeen = true;
  return end;
}

/** Reads piece `i` as a name, a role, an organisation or the continuation of what came before. */
function readPiece(r: Reading, pieces: string[], i: number, outletKeys: string[], outletNames: string[]): void {
  const raw = (pieces[i] ?? '').trim();
  const sep = pieces[i - 1]?.trim() ?? '';
  const { part, cut, roleCut } = cleanPart(raw);
  // "Jane Roe, Director of Operations, Example Lines": after a role, a comma brings its organisation, and
  // after a role glued to a name anything joined continues it ("Jane Roe Digital Editor and Master Gardener"),
  // unless another role follows ("Jane Roe, Editor, John Doe, Reporter").
  const joined = r.afterRole === 'any' || (r.afterRole === 'comma' && sep === ',');
  if (joined && asName(cleanPart(pieces[i + 2] ?? '').part, outletKeys) !== 'role') {
    // Only a role printed after a comma is kept, so only its continuation is: a glued title's is dropped with it.
    if (r.owner?.credentials && r.afterRole === 'comma' && raw) r.owner.credentials = addCredentials(r.owner.credentials, raw, sepText(sep));
    return;
  }
  r.afterRole = roleCut ? 'any' : null;
  const last = r.out[r.out.length - 1];
  if (SUFFIX.test(part) && last) {
    last.name += /^[js]/i.test(part) ? ` ${part[0]!.toUpperCase()}${part.slice(1, 2).toLowerCase()}.` : ` ${part.toUpperCase()}`;
    return;
  }
  const name = asName(part, outletKeys);
  if (name === 'role') {
    r.afterRole = 'comma';
    r.orgSeen = true;
    // "Jane Roe and John Doe, Example Daily": the outlet after its writers credits no one more.
    if (!(r.out.length && isOwnOutlet(part, outletKeys))) r.org ??= orgByline(part, outletNames);
  }
  r.owner = null;
  // "Ask the Doctors" → "Ask": one word left of a phrase is no name.
  if (name === 'role' || name === 'other' || (cut && !name.includes(' '))) return;
  // A role glued to the name ("Jane Roe Staff Writer") is a title the layout set beside it, not the byline's text.
  const person = withoutOutlet(asPerson(name), outletKeys);
  const paren = printedParenthesis(raw);
  if (paren && !person.credentials) Object.assign(person, { credentials: paren, credentialsGlued: true });
  if (r.out.some((o) => normKey(o.name) === normKey(person.name))) return;
  r.out.push(person);
  r.owner = person;
  r.mixed = part !== part.toUpperCase();
}

function creditsFromSegment(segment: string, outletKeys: string[], outletNames: string[]): SegmentCredit {
  // Separators left at the start ("2025-12-17 · | Jane Roe") would read as the tail of an empty byline.
  // A final dot ends the line, except after an abbreviation's letter ("Ph.D.", "M.D.").
  const s = segment.replace(/^[\s|•·—–⋅∙‧・]+/u, '').replace(BY_PREFIX, '').replace(TAIL, '').replace(/^[\s,:|]+|[\s,:|]+$/g, '').replace(/(?<![.\s]\p{L})\.$/u, '').trim();
  if (!s || s.length > 200) return { people: [], org: null, orgSeen: false };
  const pieces = s.split(SPLIT);
  const r: Reading = { out: [], owner: null, mixed: false, afterRole: null, orgSeen: false, org: null };
  for (let i = 0; i < pieces.length; i += 2) {
    const taken = takeCredentials(r, pieces, i, outletKeys);
    if (taken >= 0) i = taken;
    else readPiece(r, pieces, i, outletKeys, outletNames);
  }
  const { out, org, orgSeen } = r;
  // "Jane Roe, Privacy": a one-word piece beside full names is a role or a section, not a person; beside an
  // organisation ("Center for Drug Evaluation and Research") it is the rest of the organisation's name.
  const full = out.filter((p) => p.name.includes(' '));
  const people = (full.length && full.length < out.length) || orgSeen ? full : out;
  // An organisation alone is read whole: "Center for Drug Evaluation and Research" is one credit.
  return { people, org: people.length ? org : orgByline(s, outletNames) ?? org, orgSeen };
}

/** True when a text opens by naming someone other than the author ("Reviewed by …", "Researched by: …"). */
export function namesOtherContributor(text: string): boolean {
  return NOT_AUTHOR_BY.test(clean(text));
}

/** An affiliation printed after a name and a separator: "Jane Roe | The Texas Newsroom", "… | Staff Writer". */
function isAffiliation(segment: string): boolean {
  const s = segment.trim();
  if (s.length > 60 || /\d/.test(s) || !s.includes(' ')) return false;
  return ROLE.test(s) || (/^[Tt]he\s+\p{Lu}/u.test(s) && (ORG_ALWAYS.test(s) || ORG_WORD.test(s)));
}

/**
 * Reads one byline string: the people it names (bare names, honorifics and credentials apart) and an
 * organisation it credits instead of or beside them. Drops dates, URLs and the outlet's name as a person.
 * `literalPipes` says a "|" in `raw` was typed by the page (metadata), not put by us between elements.
 */
export function creditsFromByline(raw: string, outletNames: string[] = [], literalPipes = false): BylineCredit {
  // Reviewers, editors and fact-checkers are named like authors but did not write the piece; "… on Facebook" labels a link.
  if (namesOtherContributor(raw) || isSocialLabel(raw)) return { people: [], org: null };
  const text = clean(raw).replace(BY_PREFIX, '');
  // Outlet names keep their spaces here: a name glued to the outlet's is told apart by them.
  const outletKeys = outletNames.map(normKey).filter((k) => k.replace(/\s/g, '').length > 2);
  // A byline line often holds several segments ("Dec. 19, 2025 · Jane Roe"): the first with a name wins.
  const segments = text.split(/\s[|•·—–⋅∙‧・]\s|\s-\s/).slice(0, 6);
  for (const [i, segment] of segments.entries()) {
    const { people, org, orgSeen } = creditsFromSegment(segment, outletKeys, outletNames);
    // Past the first segment, a lone word is a section or a label ("Example - Drupal"), not a person.
    const kept = people.filter((p) => i === 0 || p.name.includes(' '));
    const next = segments[i + 1];
    // Only a pipe typed in the text ("Jane Roe | The Texas Newsroom" in metadata) joins an affiliation to the name:
    // in layout text a pipe stands where two elements meet, and the second is a job title under the name.
    // The outlet's own team after the name ("Jane Roe - Example Editorial Team") is where every writer works.
    if (literalPipes && kept.length && next && isAffiliation(next) && !isOutletAffiliation(next, outletKeys)) kept[kept.length - 1]!.credentials = addCredentials(kept[kept.length - 1]!.credentials, next);
    // «Від Олени Петренко»: names after the Ukrainian «Від» are in the genitive; the directory keeps nominatives.
    if (kept.length && opensWithVid(clean(raw))) for (const p of kept) p.name = nominativeOfGenitive(p.name);
    if (kept.length) return { people: kept, org };
    // A byline that names a desk or the outlet ("Example Desk / example.in / Share") names nobody after it.
    if (orgSeen || org) return { people: [], org };
  }
  return { people: [], org: null };
}

/** Splits one byline string into bare names; drops dates, roles, credentials, URLs and the outlet's own name. */
export function namesFromByline(raw: string, outletNames: string[] = []): string[] {
  return creditsFromByline(raw, outletNames).people.map((p) => p.name);
}

/** True when `name` is the outlet's own name (or its host): a person only on a personal site. */
export function isOutletName(name: string, outletNames: string[]): boolean {
  const key = normKey(name).replace(/\s/g, '');
  if (key.length < 3) return false;
  // Same test as the byline reader's: equal, or one a prefix of the other ("Help Net Security Sponsored").
  return outletNames.map((n) => normKey(n).replace(/\s/g, '')).some((k) => k.length > 2 && (k === key || k.startsWith(key) || key.startsWith(k)));
}
