/** All of the fake's mutable state, in memory. Tests in the same process may read and change it directly. */
import { createRemovalControls } from '../destructive-log';
import type { RemoteFetchRecord } from '../federation/known-bad';
import { RateLimiter, type RateLimitOptions } from '../rate-limit';
import { createRng, type Rng } from '../prng';
import { FakeOAuth, type FakeOAuthOptions, type IssuedTokens } from './oauth';
import type { FakeAbuse, FakeAccount, FakeComment, FakeVideo, FakeVideoBlock, FlagRecord, MalformKind, VideoBlockType, WriteRecord } from './entities';

export interface FakePeerTubeStateInit {
  name: string;
  version: string;
  username: string;
  password: string;
  rateLimit: RateLimitOptions;
  seed: number;
  /** Token lifetimes and the login limit; PeerTube's defaults otherwise. */
  oauth?: Omit<FakeOAuthOptions, 'username' | 'password'>;
}

export class FakePeerTubeState {
  readonly name: string;
  readonly version: string;
  baseUrl = 'http://127.0.0.1';
  readonly auth: FakeOAuth;
  readonly rateLimiter: RateLimiter;
  readonly rng: Rng;

  readonly accounts = new Map<number, FakeAccount>();
  readonly videos = new Map<number, FakeVideo>();
  readonly comments = new Map<number, FakeComment>();
  readonly abuses = new Map<number, FakeAbuse>();
  /** The video block list ("blacklist" in the API), keyed by video id: PeerTube allows one block per video. */
  readonly videoBlocks = new Map<number, FakeVideoBlock>();
  readonly malformed = new Map<number, Exclude<MalformKind, 'none'>>();
  readonly blockedAccounts = new Set<string>();
  /** The server block list, keyed by host: one row per host (PeerTube upserts). malformed: served without its server. */
  readonly blockedServers = new Map<string, { id: number; createdAt: string; malformed?: boolean }>();
  /** Removal calls received (GET /__fake/destructive-calls) and the keep-serving switch (a CDN in front of static files). */
  readonly removal = createRemovalControls();
  records: WriteRecord[] = [];
  /** Flags PeerTube would send to a remote account's instance for a new abuse (GET /__fake/flags), in order. */
  flagsSent: FlagRecord[] = [];
  /** Every API call that would have made a real PeerTube fetch from another server (GET /__fake/remote-fetches). */
  remoteFetches: RemoteFetchRecord[] = [];

  private serial = 0;
  private clock = Date.parse('2026-01-01T00:00:00Z');

  constructor(init: FakePeerTubeStateInit) {
    this.name = init.name;
    this.version = init.version;
    this.auth = new FakeOAuth({ ...init.oauth, username: init.username, password: init.password });
    this.rateLimiter = new RateLimiter(init.rateLimit);
    this.rng = createRng(init.seed);
  }

  /** The host local accounts report: the one the fake listens on, as a real instance reports its own. */
  get host(): string {
    return new URL(this.baseUrl).host;
  }

  nextId(): number {
    return ++this.serial;
  }

  /** A deterministic clock so seeded timestamps do not depend on when the test runs. */
  tick(): string {
    this.clock += 60_000 + Math.floor(this.rng() * 3_600_000);
    return new Date(this.clock).toISOString();
  }

  /** A new access/refresh pair; the user's other tokens stay valid, as on PeerTube 7 (see oauth.ts). */
  issueTokens(): IssuedTokens {
    return this.auth.issueTokens();
  }

  recordRemoteFetch(endpoint: string, target: string): void {
    this.remoteFetches.push({ at: new Date().toISOString(), endpoint, target });
  }

  /** A video is local when its owner is (accounts with host null live on the fake instance). */
  isLocalVideo(v: FakeVideo): boolean {
    return this.accounts.get(v.accountId)?.host === null;
  }

  /** Adds a block as POST /videos/{id}/blacklist does; tests use it to start from a blocked (or auto-blocked) video. */
  blockVideo(videoId: number, opts: { reason?: string | null; unfederated?: boolean; type?: VideoBlockType } = {}): FakeVideoBlock {
    const now = new Date().toISOString();
    const block: FakeVideoBlock = {
      id: this.nextId(), videoId, reason: opts.reason ?? null, unfederated: opts.unfederated ?? false, type: opts.type ?? 1,
      createdAt: now, updatedAt: now,
    };
    this.videoBlocks.set(videoId, block);
    return block;
  }

  summary() {
    const abuses = [...this.abuses.values()];
    return {
      abuses: { total: abuses.length, pending: abuses.filter((a) => a.state === 1).length },
      deletedVideos: [...this.videos.values()].filter((v) => v.deleted).map((v) => v.id),
      deletedComments: [...this.comments.values()].filter((c) => c.deleted).map((c) => c.id),
      blacklistedVideos: [...this.videoBlocks.keys()],
      blockedAccounts: [...this.blockedAccounts],
      blockedServers: [...this.blockedServers.keys()],
      malformed: Object.fromEntries(this.malformed),
      role: this.auth.role,
      records: this.records.length,
    };
  }
}
