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
