/** All of the fake Misskey's mutable state, in memory. Tests in the same process may read and change it directly. */
import { createRemovalControls } from '../destructive-log';
import type { RemoteFetchRecord } from '../federation/known-bad';
import { RateLimiter, type RateLimitOptions } from '../rate-limit';
import { createRng, type Rng } from '../prng';
import type {
  FakeDelivery, FakeDriveFile, FakeNote, FakeRecipient, FakeReport, FakeSystemWebhook, FakeUser, MalformKind, WriteRecord,
} from './entities';

export interface FakeMisskeyStateInit {
  token: string;
  permissions: string[];
  moderator: boolean;
  admin: boolean;
  rateLimit: RateLimitOptions;
  seed: number;
}

// Misskey ids (aid/aidx) are time-ordered base36 strings of one length, so string order is creation order.
const ID_BASE = 36 ** 9;
const EPOCH = Date.parse('2026-01-01T00:00:00Z');

export class FakeMisskeyState {
  readonly version = '2026.5.1';
  readonly name = 'Fake Misskey';
  baseUrl = 'http://127.0.0.1';
  /** `moderator`: the token's user holds a moderator or administrator role; `admin`: an administrator role (needs moderator). */
  /**
   * `nativeToken`: the token is the user's own session token (what Misskey's web client uses) rather than an access
   * token; only then do `secure` endpoints answer, and the permission kinds are not checked. Access tokens (the
   * default here, and what the dashboard is given) get ACCESS_DENIED there.
   */
  readonly auth: { token: string; permissions: string[]; moderator: boolean; admin: boolean; nativeToken: boolean };
  readonly rateLimiter: RateLimiter;
  /** Continues after seeding, so reports added later are deterministic too. */
  readonly rng: Rng;

  readonly users = new Map<string, FakeUser>();
  readonly notes = new Map<string, FakeNote>();
  readonly files = new Map<string, FakeDriveFile>();
  readonly reports = new Map<string, FakeReport>();
  readonly malformed = new Map<string, MalformKind>();
  readonly systemWebhooks = new Map<string, FakeSystemWebhook>();
  readonly recipients = new Map<string, FakeRecipient>();
  readonly deliveries: FakeDelivery[] = [];
  /** Deliveries still in flight, so a test can wait for them (FakeMisskey.flushWebhooks). */
  readonly inFlight = new Set<Promise<void>>();
  /** Hosts whose cached files were purged by admin/federation/delete-all-files. */
  readonly purgedHosts: string[] = [];
  /** Users removed by admin/delete-account, and drive files removed by drive/files/delete, in call order. */
  readonly deletedUserIds: string[] = [];
  readonly deletedFileIds: string[] = [];
  /** Removal calls received (GET /__fake/destructive-calls) and the keep-serving switch (a CDN in front of /files/). */
  readonly removal = createRemovalControls();
  /** Drive files as they were when a removal deleted them: served on while `removal.keepServing` is on. */
  readonly removedFiles = new Map<string, FakeDriveFile>();
  /** admin/meta's host lists: blocked (full block) and silenced, as admin/update-meta last wrote them. */
  blockedHosts: string[] = [];
  silencedHosts: string[] = [];
  records: WriteRecord[] = [];
  /** Calls that would have made the real server fetch from another server (ap/show, users/show of an unknown host). */
  remoteFetches: RemoteFetchRecord[] = [];
  /**
   * Watch-list switches (endpoints-watch.ts): the role policies gtlAvailable / ltlAvailable / canSearchNotes of the
   * token's account. Off: the endpoint answers GTL_DISABLED / LTL_DISABLED / UNAVAILABLE, as Misskey does.
   */
  readonly watch = { gtl: true, ltl: true, search: true };
  adminId = '';
  localIds: string[] = [];
  remoteIds: string[] = [];

  private serial = 0;

  constructor(init: FakeMisskeyStateInit) {
    this.auth = { token: init.token, permissions: [...init.permissions], moderator: init.moderator, admin: init.admin, nativeToken: false };
    this.rateLimiter = new RateLimiter(init.rateLimit);
    this.rng = createRng(init.seed);
  }

  /** A fresh id and its matching creation time (one minute apart, so ordering by either agrees). */
  nextId(): { id: string; createdAt: string } {
    const n = ++this.serial;
    return { id: (ID_BASE + n).toString(36), createdAt: new Date(EPOCH + n * 60_000).toISOString() };
  }

  /** Newest first, as admin/abuse-user-reports orders them. */
  reportsNewestFirst(): FakeReport[] {
    return [...this.reports.values()].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  /**
   * Deletes a drive file as DriveService.deleteFile does: the stored bytes (and thumbnail) go with the row, so its
   * URL answers 404. Kept aside for the keep-serving switch.
   */
  removeFile(fileId: string): boolean {
    const file = this.files.get(fileId);
    if (!file) return false;
    this.removedFiles.set(fileId, file);
    this.files.delete(fileId);
    return true;
  }

  noteUrl(noteId: string): string {
    return `${this.baseUrl}/notes/${noteId}`;
  }

  summary() {
    const reports = [...this.reports.values()];
    return {
      reports: { total: reports.length, open: reports.filter((r) => !r.resolved).length, resolved: reports.filter((r) => r.resolved).length },
      suspended: [...this.users.values()].filter((u) => u.isSuspended).map((u) => u.id),
      notes: this.notes.size,
      files: this.files.size,
      purgedHosts: this.purgedHosts,
      blockedHosts: this.blockedHosts,
      silencedHosts: this.silencedHosts,
      deletedUsers: this.deletedUserIds,
      deletedFiles: this.deletedFileIds,
      malformed: Object.fromEntries(this.malformed),
      records: this.records.length,
    };
  }
}
