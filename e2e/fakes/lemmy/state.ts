/**
 * The fake Lemmy's in-memory state. Ids are integers per table, as in Lemmy's Postgres schema. One state backs
 * both API generations: a 1.0 fake serves /api/v4 next to /api/v3 (as 1.0 does through routes_v3).
 */
import { createRemovalControls } from '../destructive-log';
import type { KnownBadVariant, RemoteFetchRecord } from '../federation/known-bad';
import { RateLimiter, type RateLimitOptions } from '../rate-limit';
import { createRng, type Rng } from '../prng';

/** 'community' reports exist only from Lemmy 1.0 on, so only the v4 list shows them. */
export type ReportType = 'post' | 'comment' | 'pm' | 'community';

export interface FakePerson {
  id: number; name: string; domain: string | null; banned: boolean; admin: boolean; deleted: boolean;
  /** ActivityPub id when it is not Lemmy's own /u/name form (a remote Mastodon account, for instance). */
  actorId?: string;
}
export interface FakePost {
  id: number; creatorId: number; name: string; body: string | null; url: string | null; imageSeed: number | null; removed: boolean;
  deleted: boolean; published: string;
  /** A federated post: its origin's ActivityPub id (local posts get https://domain/post/id). */
  apId?: string;
  /** pict-rs thumbnail URL when it differs from url (a federated image post links the origin's file). */
  thumbnailUrl?: string;
  /** Test hook (watch lists): post/list serves this post without its creator, so the connector's skip path runs. */
  malformed?: boolean;
}
export interface FakeComment { id: number; creatorId: number; postId: number; content: string; removed: boolean; deleted: boolean; published: string }
export interface FakePm { id: number; creatorId: number; content: string; published: string }
export interface FakeReport { type: ReportType; id: number; creatorId: number; objectId: number; reason: string; resolved: boolean; published: string }
export interface WriteRecord { method: string; path: string; body: unknown; status: number; time: string }

export interface FakeLemmyStateInit {
  domain: string; version: string; username: string; password: string; seed: number; rateLimit: RateLimitOptions;
}

export class FakeLemmyState {
  readonly domain: string;
  readonly version: string;
  /** Lemmy 1.0 and later (pre-releases included) serve /api/v4; 0.19 answers those paths 404. */
  readonly servesV4: boolean;
  baseUrl = 'http://127.0.0.1';
  readonly credentials: { username: string; password: string };
  /** JWTs the login endpoint issued; clearing it simulates expiry so the connector's re-login is exercised. */
  readonly jwts = new Set<string>();
  readonly rateLimiter: RateLimiter;
  readonly rng: Rng;
  readonly persons = new Map<number, FakePerson>();
  readonly posts = new Map<number, FakePost>();
  readonly comments = new Map<number, FakeComment>();
  readonly pms = new Map<number, FakePm>();
  /** Keyed "post:1", "comment:1", "pm:1": each report table has its own id sequence. */
  readonly reports = new Map<string, FakeReport>();
  readonly malformed = new Set<string>();
  /** Blocked instance domains in the order they were blocked (what v3 PUT /site writes and v3/v4 list). */
  blockedInstances: string[] = [];
  records: WriteRecord[] = [];
  /** Every API call that would have made a real Lemmy fetch from another server (GET /__fake/remote-fetches). */
  remoteFetches: RemoteFetchRecord[] = [];
  /** Removal calls received (GET /__fake/destructive-calls) and the keep-serving switch (a CDN in front of pict-rs). */
  readonly removal = createRemovalControls();
  /**
   * Posts as they were before a purge deleted them or their images: what a cache in front of pict-rs still holds, so
   * the images can be served on while `removal.keepServing` is on.
   */
  readonly purgedPosts = new Map<number, FakePost>();
  /** Bytes of the known-bad copy this instance caches, when it holds one (known-bad.ts). */
  knownBadVariant: KnownBadVariant | null = null;
  adminId = 1;
  private serials: Record<string, number> = {};
  private readonly instanceIds = new Map<string, number>();
  private clock = Date.parse('2026-01-01T00:00:00Z');

  constructor(init: FakeLemmyStateInit) {
    this.domain = init.domain;
    this.version = init.version;
    const major = /^\s*v?(\d+)/.exec(init.version);
    this.servesV4 = major !== null && Number(major[1]) >= 1;
    this.credentials = { username: init.username, password: init.password };
    this.rateLimiter = new RateLimiter(init.rateLimit);
    this.rng = createRng(init.seed);
  }

  /** Lemmy's instance row id for a domain: created on first sight (Instance::read_or_create), stable after. */
  instanceId(domain: string): number {
    const known = this.instanceIds.get(domain);
    if (known !== undefined) return known;
    const id = this.nextId('instance') + 100;
    this.instanceIds.set(domain, id);
    return id;
  }

  nextId(table: string): number {
    this.serials[table] = (this.serials[table] ?? 0) + 1;
    return this.serials[table];
  }

  tick(): string {
    this.clock += 60_000 + Math.floor(this.rng() * 3_600_000);
    return new Date(this.clock).toISOString();
  }

  recordRemoteFetch(endpoint: string, target: string): void {
    this.remoteFetches.push({ at: new Date().toISOString(), endpoint, target });
  }

  admin(): FakePerson {
    const a = this.persons.get(this.adminId);
    if (!a) throw new Error('fake lemmy has no admin');
    return a;
  }

  /** Newest first, as Lemmy orders report lists. */
  reportsOf(type: ReportType): FakeReport[] {
    return [...this.reports.values()].filter((r) => r.type === type).sort((a, b) => b.id - a.id);
  }

  summary() {
    const reports = [...this.reports.values()];
    return {
      domain: this.domain,
      version: this.version,
      reports: { total: reports.length, open: reports.filter((r) => !r.resolved).length },
      banned: [...this.persons.values()].filter((p) => p.banned).map((p) => p.id),
      removedPosts: [...this.posts.values()].filter((p) => p.removed).map((p) => p.id),
      removedComments: [...this.comments.values()].filter((c) => c.removed).map((c) => c.id),
      posts: this.posts.size,
      comments: this.comments.size,
      deletedPersons: [...this.persons.values()].filter((p) => p.deleted).map((p) => p.id),
      blockedInstances: this.blockedInstances,
      malformed: [...this.malformed],
      records: this.records.length,
    };
  }
}
