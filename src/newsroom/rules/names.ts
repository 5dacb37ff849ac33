/** Normalising people's names so that spellings of one name compare equal. */

// Byline labels that come before the name: "By", "Opinion by", "Written by", "Автор:", "Авторка:", "Від".
const BYLINE_PREFIX = /^(?:(?:opinion|analysis|commentary|written|story|words|text|reporting)\s+)?by\s*:?\s+|^(?:автор(?:ка)?|автори|текст|від)\s*:?\s+/iu;

/** Removes a byline label ("By", "Opinion by", "Автор:") from the start of a name. */
export function stripBylinePrefix(name: string): string {
  return name.trim().replace(BYLINE_PREFIX, '').trim();
}

/**
 * A comparison key for a name: byline label removed, accents removed, case folded, punctuation
 * (dots of initials, hyphens, apostrophes) treated as spacing, whitespace collapsed.
 */
export function nameKey(name: string): string {
  return stripBylinePrefix(name.normalize('NFKC'))
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('und')
    .replace(/['’ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
