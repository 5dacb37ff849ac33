/**
 * The body stages, in order. Each is a named function; a later stage runs when the earlier ones
 * found too little text, so a page that defeats one heuristic is rescued by the next.
 */
import type { BodyBlock } from '../../model/capture.ts';
import { buildBlocks } from './blocks.ts';
import { pickContent } from './candidate.ts';
import { measurePage } from './stats.ts';
import { filterBlocks } from './text-filter.ts';
import { blocksToText } from './to-text.ts';
import { escapeHtml } from '../sanitize/inline-html.ts';
import type { JsonLdBody, JsonLdSource } from './json-ld.ts';

/** The blocks a stage produced and the stage's name (`Extraction.bodySource`). */
export interface BodyOutcome {
  blocks: BodyBlock[];
  source: string;
}

/** Settings the stages share. */
export interface StageOptions {
  baseUrl: string;
  embedHosts: readonly string[];
}

/** A body shorter than this (characters) sends extraction on to the next stage. */
const ENOUGH_TEXT = 500;

/** Runs the stages and returns the first good outcome, else the longest one seen. */
export function runBodyStages(root: Element, jsonLd: JsonLdSource, options: StageOptions): BodyOutcome {
  const strict = densityStage(root, options, false);
  let best = strict;
  let bestLength = textLength(strict);
  if (bestLength < ENOUGH_TEXT) {
    const lenient = densityStage(root, options, true);
    const length = textLength(lenient);
    if (length > bestLength * 1.5) {
      best = lenient;
      bestLength = length;
    }
  }
  // JSON-LD text wins only when the page's markup lost most of the article (client-rendered pages).
  const needed = Math.max(bestLength * 2, 300);
  // JSON-LD text can be no longer than the raw blocks it comes from (`chars`): when those are short, skip parsing them.
  if (jsonLd.chars <= needed) return best;
  const fromJsonLd = jsonLdStage(jsonLd.read());
  if (fromJsonLd && textLength(fromJsonLd) > needed) return fromJsonLd;
  return best;
}

/** Scores the page's elements, picks the article container and turns it into blocks. */
export function densityStage(root: Element, options: StageOptions, lenient: boolean): BodyOutcome {
  const page = measurePage(root, lenient);
  const roots = pickContent(page);
  const blocks = buildBlocks(roots, { baseUrl: options.baseUrl, skip: page.skip, stats: page.stats, embedHosts: options.embedHosts });
  return { blocks: filterBlocks(blocks), source: lenient ? 'article-density-lenient' : 'article-density' };
}

/** Uses JSON-LD `articleBody` as paragraphs (split on line breaks) when it is there. */
export function jsonLdStage(jsonLd: JsonLdBody): BodyOutcome | null {
  if (!jsonLd.articleBody) return null;
  const paragraphs = jsonLd.articleBody
    .replace(/<[^>]*>/g, ' ')
    .split(/\n+/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
  if (paragraphs.length === 0) return null;
  return { blocks: paragraphs.map((p) => ({ type: 'paragraph', html: escapeHtml(p) })), source: 'json-ld' };
}

function textLength(outcome: BodyOutcome): number {
  return blocksToText(outcome.blocks).length;
}
