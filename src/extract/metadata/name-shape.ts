/** The shape of a person's name: what reads as one, and how a name typed in one case is put right. */
import { looksLikeUrl } from './dom.ts';

/** Stock words, dates and labels that stand where a name might but never are one. */
const NOT_A_NAME = /^(admin|administrator|anonymous|guest|unknown|author|authors|staff|editor|editorial|newsroom|by|share|follow|home|news|blog|more|read more|learn more|posted|updated|published|written by|posted by|sponsored|view profile|analysis|opinion|commentary|review|interview|last modified|last updated|the|(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?|(mon|tues|wednes|thurs|fri|satur|sun)day)$/i;
/** Lower-case words allowed inside names ("Ludwig van Beethoven", "Maria de la Cruz"). */
export const PARTICLES = new Set(['de', 'da', 'das', 'do', 'dos', 'du', 'del', 'della', 'der', 'den', 'di', 'la', 'le', 'van', 'von', 'ten', 'ter', 'bin', 'ibn', 'al', 'el', 'y', 'e', 'zu', "d'"]);
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

/**
 * Words that sign a post without naming anyone, or label a byline slot: never a lone name, and a byline made
 * only of them credits no organisation either ("Admin", "Our Team").
 */
const STOCK_WORD = /^(admin|administrator|webmaster|moderator|staff|team|editors?|editorial|authors?|writers?|contributors?|guest|anonymous|unknown|user|everyone|owner|member|official|support|marketing|community|sales|info|contact|research|opinion|sponsored|partner|press|post|posts|articles|stories|profile|bio|category|categories|tags?|topics?|newsroom|desk|news|the|our|site|blog|web|content)$/i;
/** Day abbreviations a date line leaves next to a byline ("Sat"). */
const DAY_ABBREVIATION = /^(mon|tues?|wed|thu|thurs?|fri|sat|sun)$/i;

/** True when `word` is one of the stock words above. */
export function isStockWord(word: string): boolean {
  return STOCK_WORD.test(word);
}

/**
 * True when one word may stand alone as a byline's name ("BeauHD", "Amanda"): capitalised, letters only, with
 * lower case in it (all-capitals words are acronyms), not a stock word. Logins ("q_admin", "h.szeyee",
 * "stephenlega") fail: digits, dots, underscores, @ and all-lower-case words are accounts, not names.
 */
export function isLoneName(word: string): boolean {
  return /^\p{Lu}[\p{L}'’-]{2,29}$/u.test(word) && /\p{Ll}/u.test(word) && !STOCK_WORD.test(word) && !DAY_ABBREVIATION.test(word) && !NOT_A_NAME.test(word);
}

/** Title-cases an all-capitals name ("JOHN SMITH" → "John Smith"); leaves mixed case alone. */
export function fixCase(name: string): string {
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

/**
 * True when `word` is an account name a CMS prints as the author when nobody set a display name ("stephenlega",
 * "sara.r.peter", "apblackmd"): lower case, letters with digits, dots, dashes or underscores, at least three
 * letters. CMS defaults ("admin", "q_admin") and stock words credit nobody; an e-mail address or a domain is no name.
 */
export function isAccountName(word: string): boolean {
  if (!/^\p{Ll}[\p{Ll}\d._-]{2,30}$/u.test(word) || /admin|^user\d*$|^root$/.test(word) || looksLikeUrl(word)) return false;
  // A template's unfilled field ("page.head.extra.author", "undefined") or a generated id is no account anyone chose.
  if (/^(undefined|null|none|nan)$/.test(word) || (word.match(/\d/g)?.length ?? 0) > 2) return false;
  const parts = word.split(/[._-]+/);
  return (word.match(/\p{L}/gu)?.length ?? 0) >= 3 && !parts.some((w) => STOCK_WORD.test(w) || NOT_A_NAME.test(w));
}
