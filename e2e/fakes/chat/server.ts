/**
 * startChatReceiver: the far end of Fedimod's notification hooks. A generic JSON receiver at `POST /hook` that
 * checks the signature itself (its own HMAC code, not the app's, so a wrong signer fails here) and records
 * {headers, body, verified}; and a Matrix homeserver's send route
 * `PUT /_matrix/client/v3/rooms/{room}/send/m.room.message/{txnId}` that checks the Bearer token, records
 * {room, txnId, body}, and, like a real homeserver, answers the SAME event_id for a repeated txnId (one event).
 * Control: GET /__fake/records, POST /__fake/fail {mode: 'ok'|'500'|'404'|'429'}. Run alone: see main.ts.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveFake } from '../serve-fake';

export type FailMode = 'ok' | '500' | '404' | '429';

export interface JsonRecord { headers: Record<string, string>; body: string; verified: boolean }
export interface MatrixRecord { room: string; txnId: string; body: unknown; eventId: string }
export interface ChatRecords {
  json: JsonRecord[];
  /** Every PUT that passed the token check, repeats included. */
  matrix: MatrixRecord[];
  /** Distinct room events, as the room shows them (a repeated txnId adds none). */
  events: { eventId: string; room: string; body: unknown }[];
}

export interface ChatReceiver {
  url: string;
  records: ChatRecords;
  setMode(mode: FailMode): void;
  /** How many requests (of any kind, control routes aside) arrived. */
  hits(): number;
  close(): Promise<void>;
}

export async function startChatReceiver(opts: { secret: string; token: string; port?: number }): Promise<ChatReceiver> {
  const records: ChatRecords = { json: [], matrix: [], events: [] };
  const txns = new Map<string, string>();
  let mode: FailMode = 'ok';
  let hits = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const body = await readBody(req);
    if (path === '/__fake/records' && req.method === 'GET') return send(res, 200, records);
    if (path === '/__fake/fail' && req.method === 'POST') {
      const m = (safeJson(body) as { mode?: unknown } | null)?.mode;
      if (m !== 'ok' && m !== '500' && m !== '404' && m !== '429') return send(res, 400, { error: 'mode must be ok, 500, 404 or 429' });
      mode = m;
      return send(res, 200, { mode });
    }
    hits++;
    if (mode !== 'ok') return send(res, Number(mode), { errcode: 'M_UNKNOWN', error: `fake failure ${mode}` });
    if (path === '/hook' && req.method === 'POST') {
      records.json.push({ headers: flat(req.headers), body, verified: verify(req.headers['x-fedimod-signature'], body, opts.secret) });
      return send(res, 200, { ok: true });
    }
    const m = /^\/_matrix\/client\/v3\/rooms\/([^/]+)\/send\/m\.room\.message\/([^/]+)$/.exec(path);
    if (m && req.method === 'PUT') {
      if (req.headers.authorization !== `Bearer ${opts.token}`) return send(res, 401, { errcode: 'M_UNKNOWN_TOKEN', error: 'Unknown access token' });
      const room = decodeURIComponent(m[1]);
      const txnId = decodeURIComponent(m[2]);
      const parsed = safeJson(body);
      let eventId = txns.get(txnId);
      if (!eventId) {
        eventId = `$fake${records.events.length + 1}:chat.test`;
        txns.set(txnId, eventId);
        records.events.push({ eventId, room, body: parsed });
      }
      records.matrix.push({ room, txnId, body: parsed, eventId });
      return send(res, 200, { event_id: eventId });
    }
    return send(res, 404, { errcode: 'M_UNRECOGNIZED', error: 'Unrecognized request' });
  };

  const served = await serveFake({ name: 'chat-receiver', version: 'fake' }, { port: opts.port }, handle);
  return { url: served.baseUrl, records, setMode: (m) => { mode = m; }, hits: () => hits, close: served.close };
}

/** A receiver's check: t within 5 minutes, v1 = hex HMAC-SHA256("<t>.<raw body>") with the shared secret. */
function verify(header: string | string[] | undefined, body: string, secret: string): boolean {
  const h = typeof header === 'string' ? header : '';
  const t = /(?:^|,)t=(\d+)/.exec(h)?.[1];
  const v1 = /(?:^|,)v1=([0-9a-f]{64})/.exec(h)?.[1];
  if (!t || !v1 || Math.abs(Date.now() / 1000 - Number(t)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(Buffer.from(v1, 'hex'), expected);
}

function flat(headers: IncomingMessage['headers']): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, data: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(data));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
