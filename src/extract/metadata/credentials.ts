/**
 * What a byline prints around a person's name besides the name: post-nominal letters ("MS, RD", "CFP",
 * "M.D. FACLM"), a role or affiliation ("Home and Digital Security Expert") and a leading honorific ("Dr.").
 * The name itself stays bare, because it is matched against the newsroom's people directory.
 */

/**
 * Degrees and credentials by name, in any case: those in mixed case ("PhD") escape the all-capitals rule below,
 * and a known one alone is never a name ("Jane Roe, MD").
 */
const KNOWN_DEGREE = /^(md|m\.d\.?|phd|ph\.d\.?|dphil|mphil|rn|r\.n\.?|bsn|msn|do|d\.o\.?|dds|dmd|dvm|vmd|mba|mph|ms|m\.s\.?|ma|m\.a\.?|ba|b\.a\.?|bs|b\.s\.?|msc|m\.sc\.?|bsc|b\.sc\.?|med|edd|psyd|pharmd|drph|mbbs|llb|llm|cpa|cfp|cfa|rd|rdn|ld|lcsw|lmft|lpc|np|fnp|pa-c|esq)\.?$/i;

/** True when `word` is a degree or credential known by name ("MD", "PhD", "CFP"). */
export function isKnownDegree(word: string): boolean {
  return KNOWN_DEGREE.test(word);
}
/** Generational suffixes belong to the name ("John Smith III"), not to its credentials. */
const GENERATION = /^(jr|sr|ii|iii|iv|v)\.?$/i;
/** Honorifics printed before a name; kept apart so that the name matches the directory. */
const HONORIFIC = /^(Dr|DR|Prof|Rev|Sir|Dame|Mr|Mrs|Ms|Mx)\.?\s+(?=\p{Lu})/u;

/**
 * True when one word is a post-nominal: two to six capitals, dotted or not ("RD", "M.D.", "DACVB"), a
 * hyphenated pair ("PA-C", "E-RYT"), a known mixed-case degree ("PhD"), with a trade mark sign allowed.
 */
export function isPostNominal(word: string): boolean {
  const w = word.replace(/[®™©*]+$/u, '');
  if (!w || GENERATION.test(w)) return false;
  return /^(?:\p{Lu}\.?){2,6}$/u.test(w) || /^\p{Lu}{1,4}-\p{Lu}{1,4}$/u.test(w) || KNOWN_DEGREE.test(w);
}

/**
 * True when `text` is only post-nominals ("MS", "M.D. FACLM", "E-RYT 200"): at most four words, each a
 * post-nominal or, after the first, a level number.
 */
export function isCredentialText(text: string): boolean {
  // A specialty in parentheses belongs to the credential before it: "VTS (Behavior)".
  const words = text.trim().replace(/\s*\([^()]{1,30}\)$/, '').split(/\s+/);
  if (!words[0] || words.length > 4) return false;
  return words.every((w, i) => isPostNominal(w) || (i > 0 && /^\d{2,4}$/.test(w)));
}

/**
 * Splits post-nominals printed after a name without a comma: "Sarah Knowles MW" → ["Sarah Knowles", "MW"].
 * The name keeps at least two words, so an all-capitals name ("JOHN SMITH") is never split.
 */
export function splitTrailingCredentials(name: string): [string, string] {
  const words = name.split(/\s+/);
  let at = words.length;
  while (at > 2 && isPostNominal(words[at - 1]!) && /\p{Lu}{2}/u.test(words[at - 1]!)) at--;
  if (at === words.length || words.slice(0, at).every((w) => w === w.toUpperCase())) return [name, ''];
  return [words.slice(0, at).join(' '), words.slice(at).join(' ')];
}

/** Splits a leading honorific: "Dr. Andrew Huberman" → ["Dr.", "Andrew Huberman"]; none → ["", name]. */
export function splitHonorific(name: string): [string, string] {
  const m = HONORIFIC.exec(name);
  const rest = m ? name.slice(m[0].length) : '';
  // "Dr. Who" keeps its word: a one-word rest would leave no name to match.
  return m && rest.includes(' ') ? [m[0].trim(), rest] : ['', name];
}

/** Appends credentials as printed, comma-separated: "MS" + "RD" → "MS, RD". */
export function addCredentials(current: string | undefined, more: string, sep = ', '): string {
  // A footnote mark ("MD*") points to a note elsewhere on the page; it is no part of the credential.
  const m = more.trim().replace(/\*+$/, '');
  return current ? `${current}${sep}${m}` : m;
}
