/** Counting words the same way for English and Ukrainian (and any other script). */
import type { BodyBlock } from '../../model/capture.ts';
import { htmlToText } from './html-text.ts';

// A word is a run of letters, marks and digits; an apostrophe (' ’ ʼ), hyphen or a dot/comma between
// digits or letters keeps it one word, so `м’ясо`, `Putin's`, `co-operation` and `100,000` count once,
// while a lone `--` or `—` counts as nothing.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ\u2010\u2011-][\p{L}\p{M}\p{N}]+|[.,]\p{N}+)*/gu;

/** Number of words in plain text. */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

/** The plain text of a body block; figures and embeds carry no words of the piece. */
export function blockText(block: BodyBlock): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'quote':
      return htmlToText(block.html);
    case 'list':
      return block.items.map(htmlToText).join(' ');
    case 'table':
      return block.rows.map((r) => r.map(htmlToText).join(' ')).join(' ');
    case 'preformatted':
      return block.text;
    case 'figure':
    case 'embed':
      return '';
  }
}

/** Number of words in a body block. */
export function countBlockWords(block: BodyBlock): number {
  return countWords(blockText(block));
}
