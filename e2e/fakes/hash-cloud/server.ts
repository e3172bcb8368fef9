/**
 * startFakeHashCloud: a fake PhotoDNA-style cloud matching service speaking Fedimod's hash-only protocol
 * (lib/matchers/cloud/adapter.ts): POST /v1/match { hashes: [{ type, value }] } -> { matches: [{ type, value, list,
 * label, distance }] }, GET /v1/status. Every call needs `Ocp-Apim-Subscription-Key: <key>` (401 otherwise).
 * It rejects a body that carries anything but type/value pairs (400), so a client that sent an image would fail
 * loudly. Control: GET /__fake/records, POST /__fake/fail {mode}.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveFake } from '../serve-fake';
import { HashFakeState, safeJson, sendJson, type FakeBanks } from '../hma/fake-kit';

export interface FakeHashCloudOptions {
  port?: number;
  key: string;
  banks?: FakeBanks;
  /** The label each list's hits carry (default: none). */
  labels?: Record<string, string>;
}

export interface FakeHashCloud {
  url: string;
  state: HashFakeState;
  close(): Promise<void>;
}

export async function startFakeHashCloud(opts: FakeHashCloudOptions): Promise<FakeHashCloud> {
  const state = new HashFakeState(opts.banks ?? {});
  const served = await serveFake({ name: 'hash-cloud', version: 'fake' }, opts, (req, res) => handle(state, opts, req, res));
  return { url: served.baseUrl, state, close: served.close };
}

async function handle(state: HashFakeState, opts: FakeHashCloudOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const seen = await state.intercept(req, res);
  if (seen.done) return;
  const { path, method, headers, body } = seen.record;
  if (headers['ocp-apim-subscription-key'] !== opts.key) return sendJson(res, 401, { error: 'Access denied due to invalid subscription key.' });
  if (method === 'GET' && path === '/v1/status') return sendJson(res, 200, { status: 'ok' });
  if (method === 'POST' && path === '/v1/match') {
    const hashes = parseHashes(body);
    if (!hashes) return sendJson(res, 400, { error: 'body must be { hashes: [{ type: pdq|md5, value: hex }] }' });
    const matches = hashes.flatMap((q) => state.lookup(q.type, q.value).map((h) => ({
      type: q.type, value: q.value, list: h.bank, ...(opts.labels?.[h.bank] ? { label: opts.labels[h.bank] } : {}), distance: h.distance,
    })));
    return sendJson(res, 200, { matches });
  }
  sendJson(res, 404, { error: 'not found' });
}

function parseHashes(body: string): { type: 'pdq' | 'md5'; value: string }[] | null {
  const parsed = safeJson(body);
  if (!parsed || Object.keys(parsed).join() !== 'hashes' || !Array.isArray(parsed.hashes)) return null;
  const out: { type: 'pdq' | 'md5'; value: string }[] = [];
  for (const h of parsed.hashes as unknown[]) {
    if (!h || typeof h !== 'object') return null;
    const { type, value, ...rest } = h as Record<string, unknown>;
    if (Object.keys(rest).length > 0 || (type !== 'pdq' && type !== 'md5') || typeof value !== 'string') return null;
    if (!(type === 'pdq' ? /^[0-9a-f]{64}$/ : /^[0-9a-f]{32}$/).test(value)) return null;
    out.push({ type, value });
  }
  return out;
}
