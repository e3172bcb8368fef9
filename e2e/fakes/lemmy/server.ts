/**
 * startFakeLemmy: a fake Lemmy on node:http, seeded deterministically. By default it is Lemmy 0.19.9 (API v3
 * only); with `version: '1.0.0'` (or any 1.x, pre-releases included) it is Lemmy 1.0 and serves API v4 next
 * to v3 from the same state. NodeInfo reports the version.
 */
import type { FederatedCopyOptions } from '../federation/known-bad';
import { serveFake } from '../serve-fake';
import { seedKnownBad } from './known-bad';
import { handle } from './routes';
import { addReport, seedState, type NewReportInput } from './seed';
import { serializeReport } from './serialize';
import { serializeCombinedV4 } from './serialize-v4';
import { FakeLemmyState } from './state';

export interface FakeLemmyOptions {
  port?: number;
  host?: '127.0.0.1';
  reports?: number;
  seed?: number;
  domain?: string;
  /** Lemmy version, default "0.19.9". 1.0 and later also serve /api/v4. */
  version?: string;
  username?: string;
  password?: string;
  rateLimit?: { limit: number; windowMs: number };
  /** Hold a federated copy of the shared known-bad test post (../federation/known-bad.ts), reported or not. */
  knownBad?: FederatedCopyOptions;
  /** Answer every request after about this many milliseconds (benchmarks: a server across the internet). */
  latencyMs?: number;
}

export interface FakeLemmy {
  url: string;
  /** The JSON credentials string a moderator would paste, so tests exercise the login path by default. */
  token: string;
  state: FakeLemmyState;
  /** Logs in directly and returns a JWT, for tests of the plain-JWT token form. */
  issueJwt(): string;
  close(): Promise<void>;
  addReport(input?: NewReportInput): Record<string, unknown> & { remoteId: string };
}

export async function startFakeLemmy(opts: FakeLemmyOptions = {}): Promise<FakeLemmy> {
  const state = new FakeLemmyState({
    domain: opts.domain ?? 'lemmy.test', version: opts.version ?? '0.19.9',
    username: opts.username ?? 'admin', password: opts.password ?? 'synthetic-password-1',
    seed: opts.seed ?? 1, rateLimit: opts.rateLimit ?? { limit: 600, windowMs: 60_000 },
  });
  const served = await serveFake({ name: 'lemmy', version: state.version }, opts, (req, res) => handle(state, req, res));
  state.baseUrl = served.baseUrl;
  seedState(state, opts.reports ?? 30); // after listen: seeded image URLs point at this server
  if (opts.knownBad) seedKnownBad(state, opts.knownBad);
  return {
    url: state.baseUrl,
    token: JSON.stringify({ username_or_email: state.credentials.username, password: state.credentials.password }),
    state,
    issueJwt: () => {
      const jwt = `eyJfake.direct${state.jwts.size}.sig`;
      state.jwts.add(jwt);
      return jwt;
    },
    close: served.close,
    addReport: (input) => {
      const r = addReport(state, input ?? {});
      // Community reports have only a v4 shape.
      const shape = r.type === 'community' ? serializeCombinedV4(state, r) : serializeReport(state, r);
      return { ...shape, remoteId: `${r.type}:${r.id}` };
    },
  };
}
