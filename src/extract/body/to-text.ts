/** Plain-text rendering of body blocks: one paragraph (list item, table row) per line. */
import type { BodyBlock } from '../../model/capture.ts';
import { inlineText } from '../sanitize/inline-html.ts';

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
        lines.push(inlineText(block.html));
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
