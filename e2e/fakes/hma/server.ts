/**
 * startFakeHma: a fake Hasher-Matcher-Actioner (OpenMediaMatch) with the matching endpoints Fedimod uses, shaped
 * like facebook/ThreatExchange hasher-matcher-actioner/src/OpenMediaMatch/blueprints/matching.py and app.py:
 *   GET /status                                   -> "I-AM-ALIVE"
 *   GET /m/lookup?signal_type=pdq|video_md5&signal=<hex>  -> { "<bank>": [{ "bank_content_id", "distance" }] }
 *   GET /m/raw_lookup?signal_type&signal[&include_distance=true] -> { "matches": [id | {bank_content_id, distance}] }
 * A lookup by `url` (HMA would fetch the content itself) answers 403 and stays in the records, so a test can
 * prove it was never asked. Control: GET /__fake/records, POST /__fake/fail {mode}.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveFake } from '../serve-fake';
import { HashFakeState, sendJson, sendText, type FakeBanks } from './fake-kit';

export interface FakeHmaOptions {
  port?: number;
  banks?: FakeBanks;
  /** When set, requests must carry `Authorization: Bearer <token>` (HMA behind an authenticating proxy). */
  token?: string;
}

export interface FakeHma {
  url: string;
  state: HashFakeState;
  close(): Promise<void>;
}

const TYPES: Record<string, 'pdq' | 'md5'> = { pdq: 'pdq', video_md5: 'md5' };

export async function startFakeHma(opts: FakeHmaOptions = {}): Promise<FakeHma> {
  const state = new HashFakeState(opts.banks ?? {});
  const served = await serveFake({ name: 'hasher-matcher-actioner', version: 'fake' }, opts, (req, res) => handle(state, opts, req, res));
  return { url: served.baseUrl, state, close: served.close };
}

async function handle(state: HashFakeState, opts: FakeHmaOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const seen = await state.intercept(req, res);
  if (seen.done) return;
  const { path, query, method, headers } = seen.record;
  if (opts.token && headers.authorization !== `Bearer ${opts.token}`) return sendJson(res, 401, { message: 'unauthorized' });
  if (method === 'GET' && path === '/status') return sendText(res, 200, 'I-AM-ALIVE');
  if (method === 'GET' && (path === '/m/lookup' || path === '/m/raw_lookup')) {
    if (query.url) return sendJson(res, 403, { message: 'Hashing is disabled, missing role' });
    const type = TYPES[query.signal_type ?? ''];
    if (!type) return sendJson(res, 400, { message: `No such SignalType '${query.signal_type ?? ''}'` });
    const signal = (query.signal ?? '').toLowerCase();
    if (!(type === 'pdq' ? /^[0-9a-f]{64}$/ : /^[0-9a-f]{32}$/).test(signal)) return sendJson(res, 400, { message: 'invalid signal' });
    const hits = state.lookup(type, signal);
    if (path === '/m/raw_lookup') {
      const withDistance = query.include_distance === 'true';
      return sendJson(res, 200, { matches: hits.map((h) => (withDistance ? { bank_content_id: h.contentId, distance: String(h.distance) } : h.contentId)) });
    }
    const byBank: Record<string, { bank_content_id: number; distance: string }[]> = {};
    for (const h of hits) (byBank[h.bank] ??= []).push({ bank_content_id: h.contentId, distance: String(h.distance) });
    return sendJson(res, 200, byBank);
  }
  sendJson(res, 404, { message: 'not found' });
}
