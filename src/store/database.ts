import type { Generated } from 'kysely';

/*
 * Table types of the one schema both dialects share. Conventions that keep SQLite and PostgreSQL identical:
 * times are ISO 8601 UTC text (`2022-01-18T15:54:00.000Z`, sortable as text), JSON documents are text,
 * booleans are integers 0/1.
 */

/** Key/value site settings; `value` is JSON. */
export interface SettingsTable { key: string; value: string; updated_at: string }

/** Accounts of editors. */
export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  disabled: Generated<number>;
  failed_logins: Generated<number>;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

/** Signed-in sessions; `id` is a SHA-256 of the cookie token so a leaked table cannot be replayed. */
export interface SessionsTable {
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  user_agent: string | null;
}

/** Publishers whose work we recommend. */
export interface OutletsTable {
  id: Generated<number>;
  name: string;
  slug: string;
  home_url: string | null;
  logo_url: string | null;
  excerpt_policy: string | null;
  permissions_note: string | null;
  demo: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** Feeds of outlets that we poll, with their schedule state on the row. */
export interface FeedsTable {
  id: Generated<number>;
  outlet_id: number | null;
  url: string;
  title: string | null;
  format: string | null;
  enabled: Generated<number>;
  interval_seconds: Generated<number>;
  language: string | null;
  keyword_rules: string | null;
  user_agent: string | null;
  next_check_at: string;
  last_checked_at: string | null;
  last_success_at: string | null;
  consecutive_errors: Generated<number>;
  last_error: string | null;
  paused_reason: string | null;
  etag: string | null;
  last_modified: string | null;
  websub_hub: string | null;
  created_at: string;
  updated_at: string;
  /** 003-feeds: the URL's host, for the per-host politeness limit. */
  host: string | null;
  /** 003-feeds: set while a refresh is queued or running, so a feed is never polled twice at once. */
  claimed_until: string | null;
  last_status: number | null;
  last_new_items: number | null;
  paused_at: string | null;
  websub_topic: string | null;
  websub_secret: string | null;
  websub_state: string | null;
  websub_expires_at: string | null;
  /** 005: a sitemap index's children and their validators, JSON `{ url: { etag, lastModified } }`. */
  sitemap_validators: string | null;
  /** 007: when a poll last found a new item, the feed's usual gap between such polls (seconds, smoothed). */
  last_new_item_at: string | null;
  new_item_gap_seconds: number | null;
  /** 007: items the last 200 response carried beyond the per-poll cap (not taken). */
  last_over_cap: number | null;
}

/** Items found in feeds, waiting in the editors' inbox. */
export interface CandidatesTable {
  id: Generated<number>;
  feed_id: number | null;
  outlet_id: number | null;
  url: string;
  canonical_url: string;
  title: string;
  authors: string | null;
  published_at: string | null;
  summary: string | null;
  image_url: string | null;
  language: string | null;
  fingerprint: string | null;
  group_id: number | null;
  state: Generated<string>;
  capture_id: number | null;
  created_at: string;
  /** 003-feeds: the feed's own id for the item. */
  guid: string | null;
  /** 003-feeds: JSON list of the watch-rule patterns the item matched. */
  watch_matches: string | null;
  /** 003-feeds: when an editor used the candidate (kept past retention). */
  used_at: string | null;
}

/** 003-feeds: LSH band keys of candidates' MinHash signatures, for finding syndicated copies. */
export interface CandidateBandsTable { band: string; candidate_id: number; created_at: string }

/** 003-feeds: keyword rules that flag or auto-capture candidates of every feed. */
export interface WatchRulesTable { id: Generated<number>; pattern: string; action: string; created_at: string }

/** Fetched and extracted snapshots of one URL. */
export interface CapturesTable {
  id: Generated<number>;
  url: string;
  canonical_url: string;
  final_url: string;
  html_sha256: string;
  html: string;
  http_status: number;
  content_type: string | null;
  fetched_at: string;
  extraction: string;
  created_by: number | null;
  created_at: string;
}

/** Authors, staff or external; names, bios and spellings are JSON. */
export interface PeopleTable {
  id: Generated<number>;
  slug: string;
  names: string;
  spellings: string;
  bios: string;
  photo_url: string | null;
  website_url: string | null;
  profiles: string;
  pronoun: string;
  staff: Generated<number>;
  demo: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** Stories and recommendations. */
export interface PiecesTable {
  id: Generated<number>;
  type: string;
  kind: string;
  state: string;
  language: string;
  slug: string;
  path: string | null;
  headline: string;
  headline_override: string | null;
  standfirst: string | null;
  body_md: string | null;
  excerpt: string | null;
  editor_note: string | null;
  original_url: string | null;
  outlet_id: number | null;
  capture_id: number | null;
  original_published_at: string | null;
  image: string | null;
  seo: string;
  retraction_note: string | null;
  published_at: string | null;
  scheduled_at: string | null;
  created_by: number | null;
  version: Generated<number>;
  demo: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** Ordered authors of a piece. */
export interface PieceAuthorsTable { piece_id: number; person_id: number; position: number }

/** Tags; `names` is JSON per language. */
export interface TagsTable { id: Generated<number>; slug: string; names: string; demo: Generated<number>; created_at: string }

/** Tags of a piece. */
export interface PieceTagsTable { piece_id: number; tag_id: number }

/** Dated correction notes shown on a published piece. */
export interface CorrectionsTable { id: Generated<number>; piece_id: number; at: string; text: string; user_id: number | null }

/** Every change to a piece: who, when, what. */
export interface RevisionsTable { id: Generated<number>; piece_id: number; version: number; user_id: number | null; at: string; changes: string }

/** Durable jobs; payloads hold ids. */
export interface JobsTable {
  id: Generated<number>;
  name: string;
  payload: string;
  state: Generated<string>;
  unique_key: string | null;
  run_at: string;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** Recurring schedules that enqueue jobs. */
export interface JobSchedulesTable { name: string; job_name: string; payload: string; every_seconds: number; next_run_at: string }

/** The state of one outbound URL over time. */
export interface LinkChecksTable {
  id: Generated<number>;
  url: string;
  state: Generated<string>;
  http_status: number | null;
  error: string | null;
  consecutive_failures: Generated<number>;
  last_checked_at: string | null;
  next_check_at: string;
  first_failed_at: string | null;
  final_url: string | null;
  last_outcome: string | null;
  reason: string | null;
}

/** Where an outbound link is used: a piece, person or outlet field (no foreign key: the subject is named by type). */
export interface LinkUsesTable { url: string; subject_type: string; subject_id: number; field: string }

/** Who did what, for publishes, retractions, role and settings changes, sign-ins. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details: string | null;
}

/** One-time password-reset links (004). */
export interface PasswordResetsTable { token_hash: string; user_id: number; created_at: string; expires_at: string; used_at: string | null }

/** The whole schema as Kysely sees it. */
export interface Database {
  settings: SettingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  outlets: OutletsTable;
  feeds: FeedsTable;
  candidates: CandidatesTable;
  candidate_bands: CandidateBandsTable;
  watch_rules: WatchRulesTable;
  captures: CapturesTable;
  people: PeopleTable;
  pieces: PiecesTable;
  piece_authors: PieceAuthorsTable;
  tags: TagsTable;
  piece_tags: PieceTagsTable;
  corrections: CorrectionsTable;
  revisions: RevisionsTable;
  jobs: JobsTable;
  job_schedules: JobSchedulesTable;
  link_checks: LinkChecksTable;
  link_uses: LinkUsesTable;
  audit_log: AuditLogTable;
  password_resets: PasswordResetsTable;
}
