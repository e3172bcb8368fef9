/** startFakeMastodon: a fake Mastodon 4.x admin API on node:http, seeded deterministically. */
import { knownBadImage, type FederatedCopyOptions } from '../federation/known-bad';
import { randomBytes } from 'node:crypto';
import { serveFake } from '../serve-fake';
import type { RolePermissions } from './entities';
import { buildReport, type NewReportInput } from './new-report';
import { handle } from './routes';
import { seedState } from './seed';
import { seedKnownBad } from './seed-known-bad';
import { serializeReport } from './serialize-report';
import { FakeState } from './state';
import { sendWebhook, type SendWebhookInput, type SendWebhookResult } from './webhook';

export interface FakeMastodonOptions {
  port?: number; // 0 (default) = a random free port
  host?: '127.0.0.1';
  reports?: number;
  seed?: number;
  domain?: string;
  title?: string;
  token?: string;
  scopes?: string[];
  rolePermissions?: RolePermissions;
  rateLimit?: { limit: number; windowMs: number };
  /** Hold a federated copy of the shared known-bad test post (../federation/known-bad.ts), reported or not. */
  knownBad?: FederatedCopyOptions;
  /** Answer every request after about this many milliseconds (benchmarks: a server across the internet). */
  latencyMs?: number;
  /** Statuses are searchable, as with Elasticsearch configured (default off, like most small instances). */
  fullTextSearch?: boolean;
}

export interface FakeMastodon {
  url: string;
  token: string;
  state: FakeState;
  close(): Promise<void>;
  addReport(partial?: NewReportInput): Record<string, unknown>;
  sendWebhook(input: SendWebhookInput): Promise<SendWebhookResult>;
}

// write:reports: the dashboard opens reports (to forward a case to its origin) through the user API.
export const DEFAULT_SCOPES = ['read', 'write:reports', 'admin:read', 'admin:write'];

export async function startFakeMastodon(opts: FakeMastodonOptions = {}): Promise<FakeMastodon> {
  const domain = opts.domain ?? 'mastodon.test';
  const state = new FakeState({
    domain,
    title: opts.title ?? `Fake Mastodon (${domain})`,
    token: opts.token ?? randomBytes(24).toString('base64url'),
    scopes: opts.scopes ?? DEFAULT_SCOPES,
    rolePermissions: opts.rolePermissions ?? { manageReports: true, manageUsers: true, manageFederation: true },
    rateLimit: opts.rateLimit ?? { limit: 300, windowMs: 5 * 60_000 },
    seed: opts.seed ?? 1,
  });
  seedState(state, opts.reports ?? 30);
  state.fullTextSearch = opts.fullTextSearch ?? false;
  if (opts.knownBad) seedKnownBad(state, opts.knownBad, await knownBadImage(opts.knownBad.variant));
  const served = await serveFake({ name: 'mastodon', version: state.version }, opts, (req, res) => handle(state, req, res));
  state.baseUrl = served.baseUrl;
  return {
    url: state.baseUrl,
    token: state.auth.token,
    state,
    close: served.close,
    addReport: (partial) => serializeReport(state, buildReport(state, partial)),
    sendWebhook: (input) => sendWebhook(state, input),
  };
}
