/**
 * startBlocklistHost: a plain web server that serves blocklist files, as a collective's website or a GitHub raw
 * URL would. Each list has a strong ETag and If-None-Match gets a 304, so conditional fetches can be tested; a
 * path can be made to answer any status. Tests drive it directly (setList, setStatus) or, from another process,
 * with `POST /__fake/lists/<path>` (the body is the new list, its Content-Type kept) and
 * `POST /__fake/status/<path>` `{"status": 500}` (200 restores the list).
 *
 * Run alone: `npx tsx e2e/fakes/blocklist/server.ts --port 4190` prints one JSON line {"url"} once listening.
 */
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { serveFake } from '../serve-fake';

export interface BlocklistHost {
  url: string;
  setList(path: string, body: string, contentType?: string): void;
  setStatus(path: string, status: number): void;
  /** Every request to a list path (not the control routes), oldest first. */
  requests: { path: string; headers: Record<string, string> }[];
  close(): Promise<void>;
}

interface ListFile {
  body: string;
  contentType: string;
  etag: string;
  lastModified: string;
}

const CONTROL = '/__fake/';

export async function startBlocklistHost(opts: { port?: number } = {}): Promise<BlocklistHost> {
  const lists = new Map<string, ListFile>();
  const statuses = new Map<string, number>();
  const requests: BlocklistHost['requests'] = [];

  const setList = (path: string, body: string, contentType = guessType(path)) => {
    const etag = `"${crypto.createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
    lists.set(normalize(path), { body, contentType, etag, lastModified: new Date().toUTCString() });
  };
  const setStatus = (path: string, status: number) => {
    if (status === 200) statuses.delete(normalize(path));
    else statuses.set(normalize(path), status);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'POST' && path.startsWith(`${CONTROL}lists/`)) {
      setList(path.slice(`${CONTROL}lists`.length), await readBody(req), req.headers['content-type'] ?? undefined);
      return reply(res, 204);
    }
    if (req.method === 'POST' && path.startsWith(`${CONTROL}status/`)) {
      const status = Number((JSON.parse((await readBody(req)) || '{}') as { status?: unknown }).status);
      if (!Number.isInteger(status) || status < 200 || status > 599) return reply(res, 400, 'status must be an HTTP status');
      setStatus(path.slice(`${CONTROL}status`.length), status);
      return reply(res, 204);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405);
    requests.push({ path, headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')])) });
    const status = statuses.get(path);
    if (status) return reply(res, status, `fake error ${status}`);
    const file = lists.get(path);
    if (!file) return reply(res, 404, 'not found');
    const validators = { etag: file.etag, 'last-modified': file.lastModified };
    const ifNoneMatch = req.headers['if-none-match'];
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === file.etag)) {
      res.writeHead(304, validators);
      return res.end();
    }
    res.writeHead(200, { ...validators, 'content-type': file.contentType, 'content-length': Buffer.byteLength(file.body) });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };

  const served = await serveFake({ name: 'blocklist-host', version: 'fake' }, { port: opts.port }, handle);
  return { url: served.baseUrl, setList, setStatus, requests, close: served.close };
}

function normalize(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}

function guessType(path: string): string {
  if (path.endsWith('.json')) return 'application/json';
  if (path.endsWith('.csv')) return 'text/csv; charset=utf-8';
  return 'text/plain; charset=utf-8';
}

function reply(res: ServerResponse, status: number, text = ''): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '0' } } });
  const host = await startBlocklistHost({ port: Number(values.port) });
  process.stdout.write(`${JSON.stringify({ url: host.url })}\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void host.close().finally(() => process.exit(0)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
