/**
 * Dispatch for the fake CyberTipline. Order per request: log the call (crash tests count submits, even rejected
 * ones), Basic auth, an armed failure for this endpoint, then the endpoint. Every /ispws answer is XML.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAuthorized } from './auth';
import { CODES, failure, reportDoneFailure, reportResponse, unauthorized, xsdText, type XmlReply } from './reply';
import { control } from './routes-control';
import { fileinfo, finish, retract, submit, upload } from './routes-report';
import { INCIDENT_TYPES } from './schema';
import type { Endpoint, FakeNcmecState } from './state';

const MAX_BODY = 64 * 1024 * 1024;
const BASE = '/ispws';
const ROUTES: Record<string, Endpoint> = {
  'GET /status': 'status', 'GET /xsd': 'xsd', 'POST /submit': 'submit', 'POST /upload': 'upload',
  'POST /fileinfo': 'fileinfo', 'POST /finish': 'finish', 'POST /retract': 'retract',
};

export async function handle(state: FakeNcmecState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', state.baseUrl).pathname;
  const method = req.method ?? 'GET';
  const raw = method === 'GET' ? Buffer.alloc(0) : await readBody(req);
  if (path.startsWith('/__fake/')) {
    const reply = control(state, method, path, raw.toString('utf8'));
    res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(reply.json));
    return;
  }
  state.calls.push({ method, path, at: new Date().toISOString() });
  const endpoint = path.startsWith(`${BASE}/`) ? ROUTES[`${method} ${path.slice(BASE.length)}`] : undefined;
  const reply = endpoint ? await answer(state, req, endpoint, raw) : { status: 404, contentType: 'text/plain', body: 'Not Found' };
  send(res, isFailure(reply) ? { ...reply, status: state.errorStatus } : reply);
}

async function answer(state: FakeNcmecState, req: IncomingMessage, endpoint: Endpoint, raw: Buffer): Promise<XmlReply> {
  if (!isAuthorized(state, req)) return unauthorized();
  const armed = state.failNext.get(endpoint);
  if (armed) {
    state.failNext.delete(endpoint);
    return endpoint === 'finish' ? reportDoneFailure(armed.code, armed.description) : failure(armed.code, armed.description);
  }
  const type = req.headers['content-type'] ?? '';
  switch (endpoint) {
    case 'status':
      return reportResponse({ code: CODES.ok });
    case 'xsd':
      return xsdText(INCIDENT_TYPES);
    case 'submit':
      return submit(state, raw.toString('utf8'));
    case 'fileinfo':
      return fileinfo(state, raw.toString('utf8'));
    case 'upload': {
      const form = await readForm(raw, type);
      if (!form) return failure(CODES.badRequest, 'Expected multipart/form-data with id and file');
      const file = form.get('file');
      const bytes = file instanceof Blob ? { name: file instanceof File ? file.name : 'file', bytes: Buffer.from(await file.arrayBuffer()) } : null;
      return upload(state, form.get('id'), bytes);
    }
    case 'finish':
      return finish(state, await formId(raw, type));
    case 'retract':
      return retract(state, await formId(raw, type));
  }
}

/**
 * The `id` of /finish and /retract. ncmec-go sends it url-encoded, civitai's caller as multipart FormData; both
 * clients work against the real service, so the fake takes either.
 */
async function formId(raw: Buffer, contentType: string): Promise<string | undefined> {
  const form = contentType.startsWith('multipart/form-data') ? await readForm(raw, contentType) : new URLSearchParams(raw.toString('utf8'));
  const id = form?.get('id');
  return typeof id === 'string' ? id : undefined;
}

/** Node's fetch Response parses multipart bodies, so the fake needs no multipart library. */
async function readForm(raw: Buffer, contentType: string): Promise<FormData | null> {
  if (!contentType.startsWith('multipart/form-data')) return null;
  try {
    return await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  } catch {
    return null;
  }
}

// A nonzero responseCode in an XML answer (not the 401 or 404, which have no XML body).
const isFailure = (reply: XmlReply) => reply.status === 200 && /<responseCode>(?!0<)/.test(reply.body);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, reply: XmlReply): void {
  const body = Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, { ...reply.headers, 'Content-Type': reply.contentType, 'Content-Length': body.length }).end(body);
}
