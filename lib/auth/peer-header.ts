/**
 * The real peer address, carried from our own HTTP server (scripts/web-server.ts) to route handlers, which in
 * Next 16 see no socket. The server removes any client-sent copy of the header and sets it from the socket; it also
 * strips X-Forwarded-* and X-Real-IP unless the peer is a configured trusted proxy, so those headers cannot be
 * forged by a client that talks to the app directly. Route code believes the peer header only when this process was
 * started by that server (WEB_SERVER_PEER_HEADER=1): under a bare `next start` anyone could send it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { env } from '@/lib/env';
import { isTrustedProxy, type ProxyList } from './trusted-proxies';

export const PEER_HEADER = 'x-fedimod-peer';
const PROXY_HEADERS = ['x-forwarded-for', 'x-real-ip', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded'];

/** Mutates the incoming headers in place, before Next sees them. */
export function applyPeerHeaders(headers: IncomingHttpHeaders, peer: string | undefined, proxies: ProxyList): void {
  delete headers[PEER_HEADER];
  if (peer) headers[PEER_HEADER] = peer;
  if (!peer || !isTrustedProxy(peer, proxies)) for (const h of PROXY_HEADERS) delete headers[h];
}

export function peerHeaderTrusted(): boolean {
  return env().WEB_SERVER_PEER_HEADER === '1';
}
