/**
 * Block-level clean-up after the container is chosen: drops lines that are furniture by their
 * wording ("Advertisement", "Read more: …", share prompts, an op-ed's editor's note) or by being
 * mostly links, and headings left dangling at the end (the title of a removed "Related" box).
 */
import type { BodyBlock } from '../../model/capture.ts';
import { inlineText } from '../sanitize/inline-html.ts';
import { blockText } from './to-text.ts';

/** Whole-line furniture: labels and prompts that are never article text. */
const FURNITURE_LINE = /^(?:advertisement|advertising|sponsored(?: content)?|ad|story continues below(?: advertisement)?|continue reading(?: (?:the )?(?:main )?story)?(?: below)?|scroll to continue|share(?: this)?(?: (?:article|story|post))?|share on \w+|tweet|email|print|comments?|related(?: (?:articles|stories|content|coverage|posts|links))?|recommended(?: for you)?|more from .{1,40}|trending|most (?:read|popular)|(?:click|tap) (?:here|to) .{0,60}|follow us .{0,60}|sign up .{0,100}|subscribe .{0,100}|image|photo|video|loading|close|skip (?:to )?(?:main )?content|listen to (?:this )?(?:article|story).{0,20}|\d+ min(?:ute)? read|read (?:more|next)|supported by|explore further|learn more)[.:!]?$/i;
/** Teasers that point at another story: "Read more: …", "READ ALSO: …". */
const TEASER = /^(?:read|see|watch|listen|related|more|also read|read also|recommended|don['’]t miss|must read|related stories|related article)\s*(?:more|also|next)?\s*[:|»>–—-]/i;
/** The opinion desk's standard note on op-eds, e.g. CNN's. */
const EDITORS_NOTE = /^editor['’]?s?\s+note\s*:.*\b(?:views|opinions)\s+expressed\b/i;
const VIEWS_ONLY = /^(?:the\s+)?(?:views|opinions)\s+expressed\s+(?:in\s+this\s+\w+\s+)?are\s+(?:(?:his|her|their|the author['’]?s?)\s+)?own\b.{0,60}$/i;
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)/i;
/** Rights notices at the foot of a page. */
const RIGHTS = /\ball rights reserved\b|\bsubject to copyright\b/i;
/** Bylines and datelines that sit above the text ("By Jane Doe - 11/18/19", "Updated 5:27 am CST"). */
const BYLINE = /^(?:by|written by|posted by|posted|published|updated|last updated|last modified|first published)\b/i;
/** Photo credits and gallery controls left over from slideshows. */
const CREDIT = /^(?:photos?|images?|pictures?|credits?|fotos?|source|caption|back to gallery|view gallery|enlarge this image|hide caption|toggle caption)\b\s*(?:[:/|]|$)/i;
/** A dateline names a month or a year; a bare clock time ("10 p.m.") may be a line of a schedule. */
const MONTH_OR_YEAR = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:19|20)\d\d\b/i;
/** Words of a dateline: months, weekdays, clock and zone words. */
const DATE_WORDS = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|a\.m|p\.m|gmt|utc|[ecmp][sd]t|updated|published|posted|at|on|ago|hours?|minutes?|days?)\b|\d+(?:st|nd|rd|th)?/gi;

/** Removes furniture blocks; keeps order and everything else. */
export function filterBlocks(blocks: BodyBlock[]): BodyBlock[] {
  const seen = new Set<string>();
  const kept = blocks.filter((block) => {
    if (isFurniture(block)) return false;
    // Slideshows repeat the same caption; an article does not repeat a paragraph.
    const key = block.type === 'paragraph' ? blockText(block) : '';
    if (key.length > 0 && seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // A heading with nothing after it introduced something we removed.
  while (kept.length > 0 && kept[kept.length - 1]!.type === 'heading') kept.pop();
  return kept;
}

function isFurniture(block: BodyBlock): boolean {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'quote':
      return isFurnitureLine(block.html, blockText(block));
    case 'list':
      return block.items.length > 0 && linkShare(block.items.join(' ')) > 0.6;
    default:
      return false;
  }
}

/** True when an inline-HTML line is furniture by wording or mostly links. */
export function isFurnitureLine(html: string, text = inlineText(html)): boolean {
  if (text === '') return true;
  if (text.length < 160 && (FURNITURE_LINE.test(text) || TEASER.test(text) || COPYRIGHT.test(text))) return true;
  if (text.length < 100 && (BYLINE.test(text) || CREDIT.test(text) || isDateline(text))) return true;
  if (EDITORS_NOTE.test(text) || VIEWS_ONLY.test(text)) return true;
  if (text.length < 300 && RIGHTS.test(text)) return true;
  return text.length < 300 && html.includes('<a ') && linkShare(html, text.length) > 0.7;
}

/** A short line made of date and time words only ("Nov 18, 2019 @17:19 PM · Updated: …"). */
function isDateline(text: string): boolean {
  if (!/\d/.test(text) || !MONTH_OR_YEAR.test(text)) return false;
  const rest = text.replace(DATE_WORDS, ' ').replace(/[^\p{L}]+/gu, ' ').trim();
  return rest === '';
}

/** Share of an inline-HTML string's text that sits inside links. */
function linkShare(html: string, total = inlineText(html).length): number {
  if (total === 0) return 0;
  let linked = 0;
  for (const m of html.matchAll(/<a [^>]*>(.*?)<\/a>/g)) linked += inlineText(m[1] ?? '').length;
  return linked / total;
}
