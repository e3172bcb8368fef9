/** startFakePeerTube: a fake PeerTube abuse/moderation API on node:http, seeded deterministically. */
import type { FederatedCopyOptions } from '../federation/known-bad';
import { randomBytes } from 'node:crypto';
import { serveFake } from '../serve-fake';
import { handle } from './routes';
import { addAbuse, seedState, type NewAbuseInput } from './seed';
import { serializeAbuse } from './serialize';
import { FakePeerTubeState, type FakePeerTubeStateInit } from './state';

export interface FakePeerTubeOptions {
  port?: number; // 0 (default) = a random free port
  host?: '127.0.0.1';
  reports?: number;
  seed?: number;
  name?: string;
  version?: string;
  username?: string;
  password?: string;
  rateLimit?: { limit: number; windowMs: number };
  /** Token lifetimes and the login limit (PeerTube's defaults: 1 day, 14 days, 15 logins per 5 minutes per IP). */
  oauth?: FakePeerTubeStateInit['oauth'];
  /**
   * Accepted like on every fake, and holds nothing: PeerTube stores only videos and their comments, so it never
   * caches an image post from Mastodon or Misskey (copy lookups on PeerTube answer cannot_check for it).
   */
  knownBad?: FederatedCopyOptions;
  /** Answer every request after about this many milliseconds (benchmarks: a server across the internet). */
  latencyMs?: number;
}

export interface FakePeerTube {
  url: string;
  /** The connector's token: the JSON credentials string, so tests exercise the OAuth password grant. */
  token: string;
  state: FakePeerTubeState;
  close(): Promise<void>;
  addReport(input?: NewAbuseInput): Record<string, unknown>;
}

export async function startFakePeerTube(opts: FakePeerTubeOptions = {}): Promise<FakePeerTube> {
  const state = new FakePeerTubeState({
    name: opts.name ?? 'Fake PeerTube',
    version: opts.version ?? '7.0.0',
    username: opts.username ?? 'root',
    password: opts.password ?? randomBytes(18).toString('base64url'),
    // PeerTube's default for /api/v1/*: 50 requests per 10 s. Tests lower or force it through /__fake/rate-limit.
    rateLimit: opts.rateLimit ?? { limit: 500, windowMs: 10_000 },
    seed: opts.seed ?? 1,
    oauth: opts.oauth,
  });
  seedState(state, opts.reports ?? 30);
  const served = await serveFake({ name: 'peertube', version: state.version }, opts, (req, res) => handle(state, req, res));
  state.baseUrl = served.baseUrl;
  return {
    url: state.baseUrl,
    token: JSON.stringify({ username: state.auth.username, password: state.auth.password }),
    state,
    close: served.close,
    addReport: (input) => serializeAbuse(state, addAbuse(state, input ?? {})),
  };
}
