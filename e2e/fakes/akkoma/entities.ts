/** The fake's in-memory records. Accounts are keyed by nickname, as Akkoma's admin user endpoints are. */
import type { KnownBadVariant } from '../federation/known-bad';

export interface FakeAccount {
  id: string;
  nickname: string; // "alice" locally, "bob@remote.example" for remote accounts
  displayName: string;
  isActive: boolean;
  isAdmin: boolean;
  tags: string[];
  createdAt: string;
}

export interface FakeMedia {
  id: string;
  imageSeed: number;
  width: number;
  height: number;
  /** The attachment's origin URL (remote_url) when it differs from the default remote pattern. */
  remoteUrl?: string;
  /** Served with the shared known-bad bytes (../federation/known-bad.ts) instead of a seeded pattern. */
  knownBad?: KnownBadVariant;
}

export interface FakeStatus {
  id: string;
  nickname: string;
  content: string;
  sensitive: boolean;
  visibility: string;
  createdAt: string;
  mediaIds: string[];
  /** The ActivityPub id and web URL as recorded for a federated post (default: built from the author's domain). */
  uri?: string;
  url?: string;
  /** Hashtags without '#' (watch lists, issue 14); absent: derived from `#tag` in the HTML. */
  tags?: string[];
  /** Served lean like a real timeline item: no tags, an account with few fields. */
  lean?: boolean;
  /** Served without its account, so a watch read must skip it and keep the rest of the page. */
  malformed?: boolean;
}

export type ReportState = 'open' | 'closed' | 'resolved';

export interface FakeReport {
  id: string;
  state: ReportState;
  actor: string; // reporter nickname
  account: string; // target nickname
  content: string;
  createdAt: string;
  statusIds: string[];
  notes: FakeReportNote[];
}

/** A report note. Akkoma's report_notes table has a serial integer id and the author's user id. */
export interface FakeReportNote {
  id: number;
  author: string; // nickname of the moderator who wrote it
  content: string;
  createdAt: string;
}

/** missing_account/id_object break the whole report; bad_note breaks only its first note (a note with no content). */
export type MalformKind = 'missing_account' | 'id_object' | 'bad_note';

/** One admin write call as the fake received it, whatever the outcome. */
export interface WriteRecord {
  method: string;
  path: string;
  body: unknown;
  status: number;
  time: string;
}
