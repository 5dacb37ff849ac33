/** Plain-text rendering of body blocks: one paragraph (list item, table row) per line. */
import type { BodyBlock } from '../../model/capture.ts';
import { inlineText } from '../sanitize/inline-html.ts';

/** Plain text of each text-bearing block, computed once: filters, de-duplication and output all need it. */
const TEXT = new WeakMap<BodyBlock, string>();

/** Plain text of a paragraph, heading or quote block ('' for other types). */
export function blockText(block: BodyBlock): string {
  if (block.type !== 'paragraph' && block.type !== 'heading' && block.type !== 'quote') return '';
  let text = TEXT.get(block);
  if (text === undefined) TEXT.set(block, (text = inlineText(block.html)));
  return text;
}

/** Options of `blocksToText`. */
export interface TextOptions {
  /** Include figure captions as lines (default false: captions are not article prose). */
  captions?: boolean;
}

/** Turns blocks into plain text, one paragraph per line. */
export function blocksToText(blocks: readonly BodyBlock[], options: TextOptions = {}): string {
  const lines: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
      case 'quote':
        lines.push(blockText(block));
        break;
      case 'list':
        for (const item of block.items) lines.push(inlineText(item));
        break;
      case 'preformatted':
        lines.push(...block.text.split('\n').map((l) => l.trim()).filter((l) => l !== ''));
        break;
      case 'table':
        for (const row of block.rows) lines.push(row.join(' ').trim());
        break;
      case 'figure':
        if (options.captions && block.image.caption) lines.push(block.image.caption);
        break;
      case 'embed':
        break;
    }
  }
  return lines.filter((l) => l !== '').join('\n');
}

/** A letter or digit, as `/[\p{L}\p{N}]/u` decides. */
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Whether each UTF-16 unit outside ASCII is a word character: 0 not yet known, 1 yes, 2 no. */
const WORD_UNITS = new Int8Array(65_536);

function isWordUnit(code: number): boolean {
  let kind = WORD_UNITS[code]!;
  if (kind === 0) WORD_UNITS[code] = kind = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  return kind === 1;
}

/**
 * Number of words of a text: runs of letters or digits, exactly as `/[\p{L}\p{N}]+/gu` counts them, in one
 * pass over the characters (ASCII by arithmetic, other characters looked up once) instead of a Unicode
 * regex match per word; a counting loop either way, so a 10 MB body builds no array of words.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let word: boolean;
    if (c < 128) word = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      // A character outside the BMP (a math letter, an emoji) is judged whole.
      word = WORD_CHAR.test(text.slice(i, i + 2));
      i++;
    } else word = isWordUnit(c);
    if (word && !inWord) count++;
    inWord = word;
  }
  return count;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
