/** All of the fake's mutable state, in memory. Tests in the same process may read and change it directly. */
import type { RemoteFetchRecord } from '../federation/known-bad';
import type { ReadRecord } from '../mastodon/read-record';
import { RateLimiter, type RateLimitOptions } from '../rate-limit';
import { createRng, type Rng } from '../prng';
import { createRemovalControls, type RemovalControls } from '../destructive-log';
import { createForwardLog, type ForwardLog } from '../forward-log';
import type { FakeAccount, FakeMedia, FakeReport, FakeStatus, MalformKind, WriteRecord } from './entities';

export interface FakeAkkomaStateInit {
  domain: string;
  title: string;
  version: string;
  token: string;
  scopes: string[];
  rateLimit: RateLimitOptions;
  seed: number;
}

export class FakeAkkomaState {
  readonly domain: string;
  readonly title: string;
  readonly version: string;
  baseUrl = 'http://127.0.0.1';
  readonly auth: { token: string; scopes: string[] };
  readonly rateLimiter: RateLimiter;
  /** Continues after seeding so reports added later are deterministic too. */
  readonly rng: Rng;

  readonly accounts = new Map<string, FakeAccount>();
  /**
   * Accounts removed by DELETE /users. Akkoma keeps a purged, deactivated user row (so the nickname cannot be
   * taken again), and reports about the account still render it: the fake keeps the record here for that.
   */
  readonly deletedAccounts = new Map<string, FakeAccount>();
  readonly statuses = new Map<string, FakeStatus>();
  readonly media = new Map<string, FakeMedia>();
  /** Attachments deleted with their posts' account: the media proxy can still stream their origin (media-proxy.ts). */
  readonly removedMedia = new Map<string, FakeMedia>();
  /** The removal log and the keep-serving switch (../destructive-log.ts). */
  readonly removal: RemovalControls = createRemovalControls();
  /** Reports this server forwarded to another server (../forward-log.ts). */
  readonly forwardLog: ForwardLog = createForwardLog();
  readonly reports = new Map<string, FakeReport>();
  readonly malformed = new Map<string, MalformKind>();
  readonly bannedUrls = new Set<string>();
  records: WriteRecord[] = [];
  /** Calls that would have made the real server fetch from another server (search by URL, WebFinger of an unknown nickname). */
  remoteFetches: RemoteFetchRecord[] = [];
  /** Watch-list reads as received (timelines and search, routes-timelines.ts): GET /__fake/reads. */
  reads: ReadRecord[] = [];
  adminNickname = 'admin';

  private serial = 0;
  private noteSerial = 0;
  private clock = Date.parse('2026-01-01T00:00:00Z');

  constructor(init: FakeAkkomaStateInit) {
    this.domain = init.domain;
    this.title = init.title;
    this.version = init.version;
    this.auth = { token: init.token, scopes: [...init.scopes] };
    this.rateLimiter = new RateLimiter(init.rateLimit);
    this.rng = createRng(init.seed);
  }

  /** FlakeId-like: a prefix and a zero-padded serial, so string order is creation order. */
  nextId(prefix: string): string {
    return `${prefix}${String(++this.serial).padStart(8, '0')}`;
  }

  /** Report note ids are integers from a database sequence, not FlakeIds. */
  nextNoteId(): number {
    return ++this.noteSerial;
  }

  /** A live account, or the purged record of a deleted one (reports and statuses still point at it). */
  anyAccount(nickname: string): FakeAccount | undefined {
    return this.accounts.get(nickname) ?? this.deletedAccounts.get(nickname);
  }

  recordFetch(endpoint: string, target: string): void {
    this.remoteFetches.push({ at: new Date().toISOString(), endpoint, target });
  }

  /** A deterministic clock so seeded timestamps do not depend on when the test runs. */
  tick(): string {
    this.clock += 60_000 + Math.floor(this.rng() * 3_600_000);
    return new Date(this.clock).toISOString();
  }

  admin(): FakeAccount {
    const admin = this.accounts.get(this.adminNickname);
    if (!admin) throw new Error('fake state has no admin account');
    return admin;
  }

  /** Newest first, as Akkoma orders report lists. */
  reportsNewestFirst(): FakeReport[] {
    return [...this.reports.values()].sort((a, b) => (a.id < b.id ? 1 : -1));
  }

  summary() {
    const reports = [...this.reports.values()];
    const accounts = [...this.accounts.values()];
    return {
      domain: this.domain,
      reports: { total: reports.length, open: reports.filter((r) => r.state === 'open').length },
      deactivated: accounts.filter((a) => !a.isActive).map((a) => a.nickname),
      deleted: [...this.deletedAccounts.keys()],
      tagged: Object.fromEntries(accounts.filter((a) => a.tags.length).map((a) => [a.nickname, a.tags])),
      bannedUrls: [...this.bannedUrls],
      malformed: Object.fromEntries(this.malformed),
      records: this.records.length,
    };
  }
}
