/** startFakeAkkoma: a fake Pleroma/Akkoma admin API on node:http, seeded deterministically. */
import type { FederatedCopyOptions } from '../federation/known-bad';
import { randomBytes } from 'node:crypto';
import { serveFake } from '../serve-fake';
import { handle } from './routes';
import { addReport, seedState, type NewReportInput } from './seed';
import { serializeReport } from './serialize';
import { FakeAkkomaState } from './state';
import { seedKnownBad } from './known-bad';

export interface FakeAkkomaOptions {
  port?: number; // 0 (default) = a random free port
  host?: '127.0.0.1';
  reports?: number;
  seed?: number;
  domain?: string;
  title?: string;
  version?: string;
  token?: string;
  scopes?: string[];
  rateLimit?: { limit: number; windowMs: number };
  /** Hold a federated copy of the shared known-bad test post (../federation/known-bad.ts), reported or not. */
  knownBad?: FederatedCopyOptions;
  /** Answer every request after about this many milliseconds (benchmarks: a server across the internet). */
  latencyMs?: number;
}

export interface FakeAkkoma {
  url: string;
  token: string;
  state: FakeAkkomaState;
  close(): Promise<void>;
  addReport(input?: NewReportInput): Record<string, unknown>;
}

export const DEFAULT_AKKOMA_SCOPES = ['read', 'write', 'admin'];

export async function startFakeAkkoma(opts: FakeAkkomaOptions = {}): Promise<FakeAkkoma> {
  const domain = opts.domain ?? 'akkoma.test';
  const state = new FakeAkkomaState({
    domain,
    title: opts.title ?? `Fake Akkoma (${domain})`,
    version: opts.version ?? '2.7.2 (compatible; Akkoma 3.13.2)',
    token: opts.token ?? randomBytes(24).toString('base64url'),
    scopes: opts.scopes ?? DEFAULT_AKKOMA_SCOPES,
    rateLimit: opts.rateLimit ?? { limit: 300, windowMs: 60_000 },
    seed: opts.seed ?? 1,
  });
  seedState(state, opts.reports ?? 30);
  if (opts.knownBad) seedKnownBad(state, opts.knownBad);
  const served = await serveFake({ name: 'akkoma', version: state.version }, opts, (req, res) => handle(state, req, res));
  state.baseUrl = served.baseUrl;
  return {
    url: state.baseUrl,
    token: state.auth.token,
    state,
    close: served.close,
    addReport: (input) => serializeReport(state, addReport(state, input ?? {})),
  };
}
