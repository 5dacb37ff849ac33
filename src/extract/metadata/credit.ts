/** Splits an image caption into the caption proper and its credit ("… (orda_kz)", "Photo: AP", "— Reuters"). */
import { clean } from './dom.ts';

/** A caption and a credit kept apart; either may be absent. */
export interface CaptionParts {
  caption?: string;
  credit?: string;
}

/** Agencies and stock libraries that appear as bare trailing credits. */
const AGENCIES = 'Getty Images|Getty|AFP|AP|Associated Press|Reuters|EPA|Shutterstock|Alamy|iStock|Unsplash|Pexels|Wikimedia Commons|Bloomberg|UNIAN|УНІАН|Укрінформ|Ukrinform|ТАСС|РИА Новости|Anadolu|Xinhua|DPA|PA|NurPhoto|SOPA Images|Sipa|AFP/Getty Images|EPA-EFE';
const CREDIT_WORD = '(?:photo(?:graph)?s?|image|picture|pic|credit|credits|source|courtesy(?: of)?|фото|світлина|джерело|источник|illustration|ілюстрація|иллюстрация|video|відео|видео|graphic)';

const TRAILING_LABELLED = new RegExp(`[\\s,;–—-]*\\(?\\s*(${CREDIT_WORD}\\s*(?::|by|/|©)\\s*[^()]{2,120}?)\\)?\\s*$`, 'iu');
const TRAILING_PAREN = /\s*\(([^()]{2,80})\)\s*$/u;
const TRAILING_BRACKET = /\s*[([]([^()[\]]{2,100})[)\]]\.?\s*$/u;
const TRAILING_DASH = new RegExp(`\\s+[—–]\\s*((?:[^—–]{2,60}/)?(?:${AGENCIES})(?:/[^—–]{2,40})?)\\s*$`, 'iu');
const TRAILING_AGENCY = new RegExp(`(?<=[.!?])\\s+([^.!?]{0,40}?(?:${AGENCIES}))\\.?\\s*$`, 'u');
const TRAILING_COPYRIGHT = /\s*(?:©|\(c\)|copyright)\s*([^©]{2,80})$/iu;

function credit(text: string): string {
  return clean(text.replace(new RegExp(`^${CREDIT_WORD}\\s*(?::|by)\\s*`, 'iu'), (m) => (/^courtesy/i.test(m) ? m : '')).replace(/^[([]|[)\]]$/g, ''));
}

/** True when a parenthesised tail reads like a credit (a handle, an agency, a name), not part of the sentence. */
function parenLooksLikeCredit(inner: string, before: string): boolean {
  if (!before.trim()) return false;
  if (/^(photo|фото|credit|courtesy|source|©)/i.test(inner)) return true;
  // Handles and agency names: short, no sentence punctuation, few words.
  const words = inner.trim().split(/\s+/);
  return words.length <= 5 && !/[.!?;:]$/.test(inner) && !/\d{4}|published|updated|posted/i.test(inner) && !/^(left|right|center|top|bottom|above|below|pictured|file)\b/i.test(inner);
}

/** Splits a caption's trailing credit off; a caption that is only a credit returns just the credit. */
export function splitCaption(raw: string | null | undefined): CaptionParts {
  const text = clean(raw);
  if (!text) return {};
  // "(AP Photo/Jane Roe)" and "[File: Reuters]": a bracketed credit is taken whole, before the labelled forms.
  const bracket = TRAILING_BRACKET.exec(text);
  if (bracket && bracket[1] && /(photo|credit|courtesy|file|фото|©|\/|via)/i.test(bracket[1]) && bracket.index > 0) {
    return parts(text.slice(0, bracket.index), credit(bracket[1].replace(/^file:\s*/i, '')));
  }
  const tries: RegExp[] = [TRAILING_LABELLED, TRAILING_COPYRIGHT, TRAILING_DASH];
  for (const re of tries) {
    const m = re.exec(text);
    // A label at the very start ("Image: …") is handled below: it may introduce a caption, not a credit.
    if (m && m[1] && m.index > 0) return parts(text.slice(0, m.index), credit(m[1]));
  }
  const paren = TRAILING_PAREN.exec(text);
  if (paren && paren[1] && parenLooksLikeCredit(paren[1], text.slice(0, paren.index))) return parts(text.slice(0, paren.index), credit(paren[1]));
  const agency = TRAILING_AGENCY.exec(text);
  if (agency && agency[1]) return parts(text.slice(0, agency.index), credit(agency[1]));
  // "Photo: Jane Roe" alone is a credit; "Image: The mayor has agreed a deal …" is a caption with a screen-reader label.
  const lead = new RegExp(`^(${CREDIT_WORD}\\s*:\\s*[^.]{2,80})$`, 'iu').exec(text);
  if (lead && lead[1]!.split(/\s+/).length <= 7) return { credit: credit(lead[1]!) };
  const label = new RegExp(`^${CREDIT_WORD}\\s*:\\s*`, 'iu').exec(text);
  if (label) return { caption: text.slice(label[0].length) };
  return { caption: text };
}

function parts(caption: string, creditText: string): CaptionParts {
  const c = clean(caption).replace(/[\s,;–—-]+$/u, '');
  const out: CaptionParts = {};
  if (c) out.caption = c;
  if (creditText) out.credit = creditText;
  return out;
}
