/** Recognises a teaser shown instead of the article: a paywall or login wall. */
import type { JsonLdSource } from './json-ld.ts';

/** Class/id names of paywall and registration-wall boxes. */
const WALL_MARKUP = '[class*="paywall" i], [id*="paywall" i], [class*="piano" i], [class*="regwall" i], [class*="meter" i][class*="wall" i], [class*="subscriber-only" i], [class*="premium-content" i], [class*="locked-content" i]';
/** Wording of the prompts that stand in for the rest of the article. */
const WALL_WORDING = /(?:subscribe|subscription|sign in|log in|login|register|become a (?:member|subscriber))\b.{0,80}\b(?:to (?:continue|keep) reading|to read (?:the|this) (?:full|whole|rest|entire)|for (?:full|unlimited) access|to unlock)|this (?:article|story|content) is (?:for|only available to|exclusive to) (?:subscribers|members)|already (?:a )?subscriber\?/i;

/** A body longer than this (words) is the article even when a wall box exists on the page (metered sites). */
export const TEASER_MAX_WORDS = 450;

/** What a wall box says when it stands in for the article. */
const WALL_PROMPT = /(?:continue|keep) reading|subscribe (?:now|today|to)|subscribers? only|for subscribers|premium|unlock|read the full/i;

/** True when the extracted body looks like a teaser behind a wall rather than the whole article. */
export function looksPaywalled(document: Document, jsonLd: JsonLdSource, bodyWords: number, pageText: string): boolean {
  if (bodyWords > TEASER_MAX_WORDS) return false;
  if (jsonLd.read().accessibleForFree === false) return true;
  if (WALL_WORDING.test(pageText)) return true;
  if (bodyWords >= 150) return false;
  // A wall box counts when it asks for a subscription; a "paywall-login" link in the header does not.
  for (const box of document.querySelectorAll(WALL_MARKUP)) {
    if (WALL_PROMPT.test(box.textContent ?? '')) return true;
  }
  return false;
}
