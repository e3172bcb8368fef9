/** All of the fake's mutable state, in memory. Tests in the same process may read and change it directly. */
import type { RemoteFetchRecord } from '../federation/known-bad';
import type { ReadRecord } from '../mastodon/read-record';
import { RateLimiter, type RateLimitOptions } from '../rate-limit';
import { createRng, type Rng } from '../prng';
import type {
  FakeAccount, FakeDomainBlock, FakeMedia, FakeReport, FakeRule, FakeStatus, MalformKind, WriteRecord,
} from './entities';
import { makeUlid } from './ulid';
import { createRemovalControls, type RemovalControls } from '../destructive-log';
import { createForwardLog, type ForwardLog } from '../forward-log';

export interface FakeStateInit {
  domain: string;
  title: string;
  token: string;
  scopes: string[];
  rateLimit: RateLimitOptions;
  seed: number;
}

export class FakeState {
  readonly domain: string;
  readonly title: string;
  readonly version = '0.20.0 57cb4fe';
  baseUrl = 'http://127.0.0.1';
  readonly auth: { token: string; scopes: string[] };
  readonly rateLimiter: RateLimiter;
  /** Continues after seeding so reports added later are deterministic too. */
  readonly rng: Rng;

  readonly accounts = new Map<string, FakeAccount>();
  readonly statuses = new Map<string, FakeStatus>();
  readonly media = new Map<string, FakeMedia>();
  readonly reports = new Map<string, FakeReport>();
  readonly domainBlocks = new Map<string, FakeDomainBlock>();
  readonly rules: FakeRule[] = [];
  readonly malformed = new Map<string, MalformKind>();
  /** Accounts with an admin action still running: another action on them gets 409, as in GoToSocial. */
  readonly runningActions = new Set<string>();
  /** Every media_cleanup call, with the ids it pruned. */
  readonly cleanups: Array<{ remoteCacheDays: number; pruned: string[] }> = [];

  /** The removal log and the keep-serving switch (../destructive-log.ts). */
  readonly removal: RemovalControls = createRemovalControls();
  /** Reports this server forwarded to another server (../forward-log.ts). */
  readonly forwardLog: ForwardLog = createForwardLog();
  /** Files deleted with their account, kept only so keep-serving (a CDN in front) can still serve their bytes. */
  readonly removedMedia = new Map<string, FakeMedia>();
  records: WriteRecord[] = [];
  /** API calls that would have made the real server fetch from another server (routes-search.ts). */
  remoteFetches: RemoteFetchRecord[] = [];
  /** Watch-list reads as received (timelines and search, routes-timelines.ts): GET /__fake/reads. */
  reads: ReadRecord[] = [];
  adminId = '';
  reporterIds: string[] = [];
  targetIds: string[] = [];
  private serial = 0;

  constructor(init: FakeStateInit) {
    this.domain = init.domain;
    this.title = init.title;
    this.auth = { token: init.token, scopes: [...init.scopes] };
    this.rateLimiter = new RateLimiter(init.rateLimit);
    this.rng = createRng(init.seed);
  }

  nextId(): string {
    return makeUlid(++this.serial, this.rng);
  }

  admin(): FakeAccount {
    const admin = this.accounts.get(this.adminId);
    if (!admin) throw new Error('fake state has no admin account');
    return admin;
  }

  /** Newest first, as GoToSocial orders report lists (ULIDs sort by time). */
  reportsNewestFirst(): FakeReport[] {
    return [...this.reports.values()].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  summary() {
    const reports = [...this.reports.values()];
    return {
      domain: this.domain,
      reports: {
        total: reports.length,
        open: reports.filter((r) => !r.actionTakenAt).length,
        resolved: reports.filter((r) => r.actionTakenAt).length,
      },
      suspended: [...this.accounts.values()].filter((a) => a.suspended).map((a) => ({ id: a.id, acct: acctOf(a) })),
      domainBlocks: [...this.domainBlocks.values()],
      runningActions: [...this.runningActions],
      cleanups: this.cleanups,
      malformed: Object.fromEntries(this.malformed),
      records: this.records.length,
    };
  }
}

export function acctOf(a: FakeAccount): string {
  return a.domain ? `${a.username}@${a.domain}` : a.username;
}
