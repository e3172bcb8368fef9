/**
 * What the two hash-matcher fakes share: banks of synthetic hashes seeded from options (a 64-hex value is a PDQ
 * hash, a 32-hex one an MD5), lookup by Hamming distance for PDQ and exact for MD5, a record of every request
 * (method, path, query, raw body) so tests can prove only hashes arrive, and an outage switch.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hammingDistance } from '@/lib/hashing/hex';

/** `{ 'test-bank': ['<pdq hex>', '<md5 hex>'] }` */
export type FakeBanks = Record<string, string[]>;
export type FailMode = 'ok' | '500' | 'hang';

export interface FakeRecord {
  method: string;
  path: string;
  query: Record<string, string>;
  body: string;
  headers: Record<string, string>;
}

export interface BankHit { bank: string; contentId: number; value: string; distance: number }

/** PDQ's usual match threshold (HMA's default for pdq). */
export const PDQ_THRESHOLD = 31;

export class HashFakeState {
  readonly records: FakeRecord[] = [];
  mode: FailMode = 'ok';
  private readonly hanging = new Set<ServerResponse>();

  constructor(public banks: FakeBanks = {}) {}

  lookup(type: 'pdq' | 'md5', value: string): BankHit[] {
    const v = value.toLowerCase();
    const hits: BankHit[] = [];
    for (const [bank, hashes] of Object.entries(this.banks)) {
      hashes.forEach((h, i) => {
        const entry = h.toLowerCase();
        if (type === 'md5' && entry.length === 32 && entry === v) hits.push({ bank, contentId: 1000 + i, value: entry, distance: 0 });
        if (type === 'pdq' && entry.length === 64 && v.length === 64) {
          const d = hammingDistance(entry, v);
          if (d <= PDQ_THRESHOLD) hits.push({ bank, contentId: 1000 + i, value: entry, distance: d });
        }
      });
    }
    return hits;
  }

  /** Reads and records the request; answers the control routes and the outage modes. True when answered. */
  async intercept(req: IncomingMessage, res: ServerResponse): Promise<{ done: true } | { done: false; record: FakeRecord }> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const body = await readBody(req);
    if (url.pathname === '/__fake/records') {
      if (req.method === 'DELETE') this.records.length = 0;
      sendJson(res, 200, { records: this.records });
      return { done: true };
    }
    if (url.pathname === '/__fake/fail' && req.method === 'POST') {
      const mode = safeJson(body)?.mode;
      this.mode = mode === '500' || mode === 'hang' ? mode : 'ok';
      sendJson(res, 200, { mode: this.mode });
      return { done: true };
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    const record = { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), body, headers };
    this.records.push(record);
    if (this.mode === '500') {
      sendJson(res, 500, { error: 'fake outage' });
      return { done: true };
    }
    if (this.mode === 'hang') {
      // Never answers; close() ends the socket (serveFake closes every connection).
      this.hanging.add(res);
      return { done: true };
    }
    return { done: false, record };
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain' });
  res.end(text);
}

function safeJson(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export { safeJson };

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
  return Buffer.concat(chunks).toString('utf8');
}
