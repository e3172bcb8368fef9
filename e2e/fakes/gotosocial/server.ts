/** startFakeGoToSocial: a fake GoToSocial admin API on node:http, seeded deterministically. */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { serveNodeInfo } from '../nodeinfo';
import type { AddressInfo } from 'node:net';
import { buildReport, type NewReportInput } from './new-report';
import { handle } from './routes';
import { seedState } from './seed';
import { serializeReport } from './serialize';
import { FakeState } from './state';

export interface FakeGoToSocialOptions {
  port?: number; // 0 (default) = a random free port
  host?: '127.0.0.1';
  reports?: number;
  seed?: number;
  domain?: string;
  title?: string;
  token?: string;
  scopes?: string[];
  rateLimit?: { limit: number; windowMs: number };
}

export interface FakeGoToSocial {
  url: string;
  token: string;
  state: FakeState;
  close(): Promise<void>;
  addReport(partial?: NewReportInput): Record<string, unknown>;
}

export const DEFAULT_SCOPES = ['read', 'write', 'admin'];

export async function startFakeGoToSocial(opts: FakeGoToSocialOptions = {}): Promise<FakeGoToSocial> {
  const domain = opts.domain ?? 'gotosocial.test';
  const state = new FakeState({
    domain,
    title: opts.title ?? `Fake GoToSocial (${domain})`,
    token: opts.token ?? randomBytes(24).toString('base64url'),
    scopes: opts.scopes ?? DEFAULT_SCOPES,
    // GoToSocial's default: 300 requests per 5 minutes per endpoint group.
    rateLimit: opts.rateLimit ?? { limit: 300, windowMs: 5 * 60_000 },
    seed: opts.seed ?? 1,
  });
  seedState(state, opts.reports ?? 30);
  const server = createServer((req, res) => {
    if (serveNodeInfo(req, res, state.baseUrl, { name: 'gotosocial', version: state.version })) return;
    handle(state, req, res).catch((e) => {
      console.error('[fake-gotosocial] request failed', e);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await listen(server, opts.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  state.baseUrl = `http://${host}:${port}`;
  return {
    url: state.baseUrl,
    token: state.auth.token,
    state,
    close: () => close(server),
    addReport: (partial) => serializeReport(state, buildReport(state, partial)),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
}
