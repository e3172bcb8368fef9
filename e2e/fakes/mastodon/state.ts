/** All of the fake's mutable state, in memory. Tests in the same process may read and change it directly. */
import type {
  FakeAccount, FakeDomainBlock, FakeMedia, FakeReport, FakeRule, FakeStatus, MalformKind, RolePermissions,
  WarningRecord, WebhookRecord, WriteRecord,
} from './entities';
import type { RemoteFetchRecord } from '../federation/known-bad';
import type { ReadRecord } from './read-record';
import { RateLimiter, type RateLimitOptions } from '../rate-limit';
import { createRng, type Rng } from '../prng';
import { createRemovalControls, type RemovalControls } from '../destructive-log';
import { createForwardLog, type ForwardLog } from '../forward-log';

export interface FakeStateInit {
  domain: string;
  title: string;
  token: string;
  scopes: string[];
  rolePermissions: RolePermissions;
  rateLimit: RateLimitOptions;
  seed: number;
}

// Mastodon account/status/media ids are 18-digit snowflakes; reports and domain blocks are plain serials.
const SNOWFLAKE_BASE = 109_000_000_000_000_000n;

export class FakeState {
  readonly domain: string;
  readonly title: string;
  readonly version = '4.4.0';
  baseUrl = 'http://127.0.0.1';
  readonly auth: { token: string; scopes: string[]; rolePermissions: RolePermissions };
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
  /** The removal log and the keep-serving switch (../destructive-log.ts). */
  readonly removal: RemovalControls = createRemovalControls();
  /** Reports this server forwarded to another server (../forward-log.ts). */
  readonly forwardLog: ForwardLog = createForwardLog();
  /** Files whose records a removal deleted, kept only so keep-serving (a CDN in front) can still serve their bytes. */
  readonly removedMedia = new Map<string, FakeMedia>();

  records: WriteRecord[] = [];
  readonly warnings: WarningRecord[] = [];
  readonly webhooks: WebhookRecord[] = [];
  /** API calls that would have made the real server fetch from another server (routes-lookup.ts). */
  remoteFetches: RemoteFetchRecord[] = [];
  /** Watch-list reads as received (timelines and search, routes-timelines.ts): GET /__fake/reads. */
  reads: ReadRecord[] = [];
  /** Whether statuses are searchable (Elasticsearch configured); off like most small instances (routes-lookup.ts). */
  fullTextSearch = false;
  adminId = '';
  /** Pools the seeder and addReport() pick from. */
  reporterIds: string[] = [];
  targetIds: string[] = [];

  private snowflake = 0n;
  private reportSerial = 0;
  private domainBlockSerial = 0;

  constructor(init: FakeStateInit) {
    this.domain = init.domain;
    this.title = init.title;
    this.auth = { token: init.token, scopes: [...init.scopes], rolePermissions: { ...init.rolePermissions } };
    this.rateLimiter = new RateLimiter(init.rateLimit);
    this.rng = createRng(init.seed);
  }

  nextSnowflake(): string {
    this.snowflake += 1n;
    return (SNOWFLAKE_BASE + this.snowflake * 1000n).toString();
  }

  nextReportId(): string {
    return String(++this.reportSerial);
  }

  nextDomainBlockId(): string {
    return String(++this.domainBlockSerial);
  }

  admin(): FakeAccount {
    const admin = this.accounts.get(this.adminId);
    if (!admin) throw new Error('fake state has no admin account');
    return admin;
  }

  /** Newest first, as Mastodon orders report lists. */
  reportsNewestFirst(): FakeReport[] {
    return [...this.reports.values()].sort((a, b) => compareIds(b.id, a.id));
  }

  summary() {
    const accounts = [...this.accounts.values()];
    const flagged = (key: 'suspended' | 'silenced' | 'sensitized' | 'disabled') =>
      accounts.filter((a) => a[key]).map((a) => ({ id: a.id, acct: acctOf(a) }));
    const reports = [...this.reports.values()];
    return {
      domain: this.domain,
      reports: {
        total: reports.length,
        open: reports.filter((r) => !r.actionTakenAt).length,
        resolved: reports.filter((r) => r.actionTakenAt).length,
      },
      accounts: {
        suspended: flagged('suspended'),
        silenced: flagged('silenced'),
        sensitized: flagged('sensitized'),
        disabled: flagged('disabled'),
      },
      domainBlocks: [...this.domainBlocks.values()],
      warnings: this.warnings,
      webhooks: this.webhooks,
      malformed: Object.fromEntries(this.malformed),
      records: this.records.length,
    };
  }
}

export function acctOf(a: FakeAccount): string {
  return a.domain ? `${a.username}@${a.domain}` : a.username;
}

export function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
