import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterBlocks, isFurnitureLine } from './text-filter.ts';
import type { BodyBlock } from '../../model/capture.ts';

test('recognises furniture lines by their wording', () => {
  for (const line of [
    'Advertisement', 'Story continues below advertisement', 'Read more: <a href="https://x.test/a">Another story</a>',
    'READ ALSO: Ten things you missed', 'By Jane Doe - 11/18/19 11:04 PM EST', 'Updated 5:27 am CST, Wednesday, November 20, 2019',
    'Nov 18, 2019 @17:19 PM · Updated: Nov 18, 2019 @17:26 PM', 'Photo: Hau Dinh, AP', 'Back to Gallery',
    '© 2019 Example Media. All rights reserved.', 'This document is subject to copyright.', 'Explore further',
    "Editor's Note: John Doe is a former diplomat. The views expressed in this commentary are his own.",
    '<a href="https://x.test/1">Sign up</a> <a href="https://x.test/2">for the newsletter</a>',
  ]) assert.equal(isFurnitureLine(line), true, line);
});

test('keeps article lines that only look similar', () => {
  for (const line of [
    'By the end of the year, the council expects to have spent more than half of its budget on repairs to the old bridge.',
    'Read the full report, published on Monday, before the vote; it explains how the money would be spent.',
    '02-751-1500', '$139.00', '1.', 'http://amzn.to/2iJFhRj', '10 p.m.',
    'The <a href="https://x.test/c">council</a> met on Tuesday, November 19, and voted to approve the new budget after a long debate.',
  ]) assert.equal(isFurnitureLine(line), false, line);
});

test('drops repeated paragraphs, furniture and a dangling final heading', () => {
  const blocks: BodyBlock[] = [
    { type: 'paragraph', html: 'A caption that a slideshow repeats.' },
    { type: 'paragraph', html: 'The text of the article, which goes on.' },
    { type: 'paragraph', html: 'A caption that a slideshow repeats.' },
    { type: 'list', ordered: false, items: ['<a href="https://x.test/1">Related one</a>', '<a href="https://x.test/2">Related two</a>'] },
    { type: 'list', ordered: true, items: ['First step', 'Second step'] },
    { type: 'paragraph', html: 'Advertisement' },
    { type: 'heading', level: 2, html: 'More from us' },
  ];
  assert.deepEqual(filterBlocks(blocks), [blocks[0], blocks[1], blocks[4]]);
});
