/** Types of a person: an author, staff or external, kept once and shared by all their pieces. */
import type { Language, Localized } from './site.ts';

/** Identifier of a person record (assigned by the store). */
export type PersonId = string;

/** The pronoun used in link text about the person (`See his website`). */
export type Pronoun = 'he' | 'she' | 'they';

/** A photo of the person, absolute http(s). */
export interface PersonPhoto {
  url: string;
  alt?: string;
  credit?: string;
}

/** An author. */
export interface Person {
  id: PersonId;
  /** Display name per site language (`Michael Bociurkiw` / `Майкл Бочурків`). */
  names: Localized<string>;
  /** Other spellings seen in bylines, used to recognise the person in new captures. */
  otherSpellings: string[];
  /** Latin slug for the person's page. */
  slug: string;
  bios: Partial<Record<Language, string>>;
  photo?: PersonPhoto;
  /** The person's own website, absolute http(s). */
  website?: string;
  /** Other profile URLs (author pages on outlets, social networks), absolute http(s). */
  profiles: string[];
  pronoun: Pronoun;
  /** True for the newsroom's own journalists. */
  staff: boolean;
}
