/**
 * Dispatch, in Misskey's order: endpoint lookup, rate limit, then credential, role and permission kind
 * (ApiCallService checks requireModerator / requireAdmin before the token's kind).
 * POST only for /api/*. Calls to write endpoints are recorded with their body (minus `i`) and final status.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { knownBadImage } from '../federation/known-bad';
import { syntheticImage } from '../images';
import { adminEndpoints } from './endpoints-admin';
import { deleteEndpoints } from './endpoints-delete';
import { webhookEndpoints } from './endpoints-webhooks';
import { publicEndpoints } from './endpoints-public';
import { lookupEndpoints } from './endpoints-lookup';
import { metaEndpoints } from './endpoints-meta';
import { reportEndpoints } from './endpoints-report';
import type { Endpoint } from './endpoint-types';
import { MisskeyApiError, errors, readJsonBody, send, type Reply } from './http';
import { handleControl } from './routes-control';
import { handleWatchControl, WATCH_CONTROL_PATHS } from './routes-watch-control';
import { watchEndpoints } from './endpoints-watch';
import type { FakeMisskeyState } from './state';

export const ENDPOINTS: Record<string, Endpoint> = { ...publicEndpoints, ...adminEndpoints, ...deleteEndpoints, ...webhookEndpoints, ...lookupEndpoints, ...reportEndpoints, ...metaEndpoints, ...watchEndpoints };

export async function handle(state: FakeMisskeyState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', state.baseUrl);
  if (WATCH_CONTROL_PATHS.includes(url.pathname)) return send(res, await handleWatchControl(state, req, url));
  if (url.pathname.startsWith('/__fake/')) return send(res, await handleControl(state, req, url));
  if (req.method === 'GET' && url.pathname.startsWith('/files/')) return send(res, await serveFile(state, url));
  if (req.method === 'GET' && url.pathname.startsWith('/notes/')) return send(res, notePage(state, url.pathname.slice('/notes/'.length)));
  if (!url.pathname.startsWith('/api/')) return send(res, { status: 404, json: errors.noSuchEndpoint().toJson() });
  const name = url.pathname.slice('/api/'.length);
  const endpoint = Object.hasOwn(ENDPOINTS, name) ? ENDPOINTS[name] : undefined;
  let body: Record<string, unknown> = {};
  let reply: Reply;
  try {
    // Misskey answers GET only for endpoints marked allowGet; none of these are.
    if (req.method !== 'POST' || !endpoint) throw errors.noSuchEndpoint();
    body = await readJsonBody(req);
    rateLimit(state);
    authorize(state, endpoint, body.i);
    if (endpoint.destructive) state.removal.record('POST', url.pathname);
    const result = endpoint.handler({ state, body });
    reply = result === undefined ? { status: 204 } : { json: result };
  } catch (e) {
    reply = errorReply(e);
  }
  if (endpoint?.kind?.startsWith('write:')) {
    const { i: _token, ...rest } = body;
    state.records.push({ endpoint: name, body: rest, status: reply.status ?? 200, time: new Date().toISOString() });
  }
  send(res, reply);
}

function rateLimit(state: FakeMisskeyState): void {
  const verdict = state.rateLimiter.hit();
  if (!verdict.allowed) throw errors.rateLimited(Math.max(0, verdict.resetAt.getTime() - Date.now()));
}

function authorize(state: FakeMisskeyState, endpoint: Endpoint, token: unknown): void {
  // ApiCallService checks `secure` first: isSecure = a user and no access token, i.e. the native session token.
  if (endpoint.secure && !(state.auth.nativeToken && token === state.auth.token)) throw errors.secureOnly();
  const needsUser = endpoint.requireCredential || endpoint.moderator || endpoint.admin || endpoint.kind;
  if (!needsUser) return;
  if (token === undefined || token === null || token === '') throw errors.credentialRequired();
  if (token !== state.auth.token) throw errors.authenticationFailed();
  if (endpoint.moderator && !state.auth.moderator) throw errors.notModerator();
  if (endpoint.admin && !(state.auth.moderator && state.auth.admin)) throw errors.notAdmin();
  // A native token carries every permission; only access tokens are checked against the endpoint's kind.
  if (endpoint.kind && !state.auth.nativeToken && !state.auth.permissions.includes(endpoint.kind)) throw errors.permissionDenied();
}

function errorReply(e: unknown): Reply {
  if (e instanceof MisskeyApiError) return { status: e.status, json: e.toJson(), headers: e.headers };
  console.error('[fake-misskey] handler failed', e);
  return {
    status: 500,
    json: { error: { message: 'Internal error occurred.', code: 'INTERNAL_ERROR', id: '5d37dbcb-891e-41ca-a3d6-e690c97775ac', kind: 'server' } },
  };
}

/**
 * Drive files served from the fake itself, always synthetic (../images.ts); deleted files are gone, unless the
 * keep-serving switch plays a CDN that still holds them.
 */
async function serveFile(state: FakeMisskeyState, url: URL): Promise<Reply> {
  const id = url.pathname.slice('/files/'.length);
  const file = state.files.get(id) ?? (state.removal.keepServing ? state.removedFiles.get(id) : undefined);
  if (!file) return { status: 404, json: errors.noSuchEndpoint().toJson() };
  // The cached copy of the known-bad file: the same bytes for the file and its thumbnail (the app hashes the file).
  if (file.knownBad) return { body: await knownBadImage(file.knownBad), contentType: file.type };
  const thumb = url.searchParams.has('thumbnail');
  const format = file.type === 'image/jpeg' ? 'jpeg' : file.type === 'image/webp' ? 'webp' : 'png';
  const size = thumb ? { width: 160, height: 120 } : { width: file.width, height: file.height };
  return { body: await syntheticImage(file.imageSeed, { ...size, format }), contentType: file.type };
}

/** A note's public page (the web client's /notes/<id>): 200 HTML while the note exists, 404 once deleted. */
function notePage(state: FakeMisskeyState, id: string): Reply {
  const note = state.notes.get(id);
  const html = note ? `<!doctype html><title>Note ${id}</title><p>${escapeHtml(note.text ?? '')}</p>` : '<!doctype html><title>404</title><p>Not found</p>';
  return { status: note ? 200 : 404, body: Buffer.from(html), contentType: 'text/html; charset=utf-8' };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}
