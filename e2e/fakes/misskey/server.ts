/** startFakeMisskey: a fake Misskey API (POST /api/<endpoint>, token as `i`) on node:http, seeded deterministically. */
import type { FederatedCopyOptions } from '../federation/known-bad';
import { randomBytes } from 'node:crypto';
import { serveFake } from '../serve-fake';
import { notifyReportEvent } from './deliver-webhook';
import type { FakeReport, FakeSystemWebhook } from './entities';
import { handle } from './routes';
import { addReport, addSystemWebhook, seedState, type NewReportInput, type NewSystemWebhookInput } from './seed';
import { packReport } from './serialize';
import { FakeMisskeyState } from './state';
import { seedKnownBad } from './known-bad';

export interface FakeMisskeyOptions {
  port?: number; // 0 (default) = a random free port
  host?: '127.0.0.1';
  reports?: number;
  seed?: number;
  token?: string;
  /** Permission kinds granted to the token; defaults to everything the connector uses. */
  permissions?: string[];
  /** Whether the token's user holds a moderator (or administrator) role. */
  moderator?: boolean;
  /** Whether that role is administrator (admin/delete-account needs it); default true. Implies nothing without `moderator`. */
  admin?: boolean;
  rateLimit?: { limit: number; windowMs: number };
  /** Hold a federated copy of the shared known-bad test post (../federation/known-bad.ts), reported or not. */
  knownBad?: FederatedCopyOptions;
  /** Answer every request after about this many milliseconds (benchmarks: a server across the internet). */
  latencyMs?: number;
}

export interface FakeMisskey {
  url: string;
  token: string;
  state: FakeMisskeyState;
  close(): Promise<void>;
  /** Adds a report (with linked notes and files) and returns it as Misskey would serve it. */
  addReport(input?: NewReportInput): Record<string, unknown> & { id: string };
  /** The stored record behind a packed report, for assertions. */
  report(id: string): FakeReport | undefined;
  /** Sets up report webhooks as an admin would in the control panel (a system webhook and, by default, its recipient). */
  addSystemWebhook(input: NewSystemWebhookInput): FakeSystemWebhook;
  /** Resolves once every webhook delivery started so far has finished. */
  flushWebhooks(): Promise<void>;
}

/** Every kind the connector's actions need (lib/connectors/misskey/capabilities.ts MISSKEY_PERMISSIONS), so e2e runs can use them all. */
export const DEFAULT_PERMISSIONS = [
  'read:account',
  'read:admin:abuse-user-reports',
  'write:admin:resolve-abuse-user-report',
  'write:admin:suspend-user',
  'write:admin:unsuspend-user',
  'write:admin:delete-account',
  'write:notes',
  'write:drive',
  'write:admin:federation',
  'read:admin:show-user',
  'read:admin:drive',
  'write:report-abuse',
  'read:admin:meta',
  'write:admin:meta',
];

export async function startFakeMisskey(opts: FakeMisskeyOptions = {}): Promise<FakeMisskey> {
  const state = new FakeMisskeyState({
    token: opts.token ?? randomBytes(24).toString('base64url'),
    permissions: opts.permissions ?? DEFAULT_PERMISSIONS,
    moderator: opts.moderator ?? true,
    admin: opts.admin ?? true,
    rateLimit: opts.rateLimit ?? { limit: 300, windowMs: 60_000 },
    seed: opts.seed ?? 1,
  });
  const served = await serveFake({ name: 'misskey', version: state.version }, opts, (req, res) => handle(state, req, res));
  state.baseUrl = served.baseUrl;
  seedState(state, opts.reports ?? 30); // after listen: report comments link to this server's own note URLs
  if (opts.knownBad) seedKnownBad(state, opts.knownBad);
  return {
    url: state.baseUrl,
    token: state.auth.token,
    state,
    close: served.close,
    addReport: (input) => {
      const report = addReport(state, input);
      notifyReportEvent(state, report, 'abuseReport'); // as users/report-abuse does
      return packReport(state, report) as Record<string, unknown> & { id: string };
    },
    report: (id) => state.reports.get(id),
    addSystemWebhook: (input) => addSystemWebhook(state, input),
    flushWebhooks: async () => {
      while (state.inFlight.size > 0) await Promise.allSettled([...state.inFlight]);
    },
  };
}
