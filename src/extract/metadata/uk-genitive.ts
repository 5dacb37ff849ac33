/**
 * Ukrainian bylines that open with «Від» ("from") name the author in the genitive case: «Від Олени Петренко»,
 * «Від Андрія Шевчука». The people directory keeps names in the nominative («Олена Петренко»), so such a name is
 * put back into the nominative. The first name's ending tells the gender, and the surname follows it; a name
 * whose endings fit no rule is left as printed (the editor sees the byline's source and can fix it).
 */

/** Masculine first names ending in -о, whose genitive ends in -а like a consonant stem («Петра» is «Петро»). */
const MASCULINE_O = new Set(['петро', 'дмитро', 'павло', 'михайло', 'данило', 'гаврило', 'марко', 'левко', 'юрко', 'василько', 'сашко', 'богдан']);

type Gender = 'f' | 'm';

/** A first name in the nominative, with its gender, or null when its ending is not a genitive one. */
function firstName(word: string): { name: string; gender: Gender } | null {
  const lower = word.toLowerCase();
  // Feminine: Олени → Олена, Ольги → Ольга, Марії → Марія, Наталії → Наталія.
  if (/[^аеєиіїоуюяь]и$/.test(lower)) return { name: `${word.slice(0, -1)}а`, gender: 'f' };
  if (/ії$/.test(lower) || /[^і]ї$/.test(lower)) return { name: `${word.slice(0, -1)}я`, gender: 'f' };
  // Masculine: Андрія → Андрій, Ігоря → Ігор, Олександра → Олександр, Петра → Петро.
  if (/ія$/.test(lower)) return { name: `${word.slice(0, -1)}й`, gender: 'm' };
  if (/ря$/.test(lower)) return { name: word.slice(0, -1), gender: 'm' };
  if (/[^аеєиіїоуюяь]а$/.test(lower)) {
    const withO = `${word.slice(0, -1)}о`;
    return { name: MASCULINE_O.has(withO.toLowerCase()) ? withO : word.slice(0, -1), gender: 'm' };
  }
  return null;
}

/** A surname in the nominative for the first name's gender («Шевчука» → «Шевчук»); unchanged when indeclinable. */
function surname(word: string, gender: Gender): string {
  const lower = word.toLowerCase();
  if (gender === 'f') {
    // Ковальської → Ковальська; Петренко, Шевчук stay (feminine -енко and consonant surnames do not decline).
    return /ої$/.test(lower) ? `${word.slice(0, -2)}а` : word;
  }
  if (/енка$/.test(lower)) return `${word.slice(0, -1)}о`;
  if (/ського$|цького$|зького$/.test(lower)) return `${word.slice(0, -3)}ий`;
  if (/ого$/.test(lower)) return `${word.slice(0, -3)}ий`;
  if (/[^аеєиіїоуюяь]я$/.test(lower)) return `${word.slice(0, -1)}ь`;
  if (/[^аеєиіїоуюяь]а$/.test(lower)) return word.slice(0, -1);
  return word;
}

/**
 * «Олени Петренко» (a name that followed «Від») → «Олена Петренко». Only two-word Cyrillic names are changed:
 * longer ones (with a patronymic) and names whose first word is not in the genitive are returned as they are.
 */
export function nominativeOfGenitive(name: string): string {
  const words = name.trim().split(/\s+/);
  if (words.length !== 2 || !words.every((w) => /^[\p{Script=Cyrillic}'’ʼ-]+$/u.test(w))) return name;
  const first = firstName(words[0]!);
  if (!first) return name;
  return `${first.name} ${surname(words[1]!, first.gender)}`;
}

/** True when a byline opens with the Ukrainian «Від» (so the names after it are in the genitive). */
export function opensWithVid(byline: string): boolean {
  return /^\s*від\s+\p{Lu}/iu.test(byline);
}
