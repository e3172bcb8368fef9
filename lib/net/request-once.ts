/**
 * One HTTP exchange with an already-checked target. The socket connects only to the addresses that
 * resolveTarget approved (a custom `lookup` hands them back), while SNI, certificate checks and the Host
 * header still use the hostname: TLS stays correct and DNS is never asked a second time.
 */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedTarget } from './resolve-target';

export interface HopRequest {
  target: ResolvedTarget;
  method: string;
  headers: Record<string, string>;
  body: Buffer | null;
  signal: AbortSignal;
}

function pinnedLookup(target: ResolvedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
    const usable = target.addresses.filter((a) => wanted === 0 || a.family === wanted);
    if (usable.length === 0) {
      callback(Object.assign(new Error('no checked address of the requested family'), { code: 'ENOTFOUND' }), '');
      return;
    }
    // Node asks for `all` when it races IPv4 and IPv6 (autoSelectFamily); every entry here was checked.
    if (options.all) callback(null, usable);
    else callback(null, usable[0].address, usable[0].family);
  };
}

export function requestOnce(hop: HopRequest): Promise<IncomingMessage> {
  const { url } = hop.target;
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request({
      protocol: url.protocol,
      hostname: hop.target.hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: hop.method,
      // An exact Content-Length on every body: Node sends DELETE (and GET) bodies only with one, and Akkoma's
      // DELETE /users and DELETE /users/tag carry theirs in the body.
      headers: { ...hop.headers, host: url.host, ...(hop.body ? { 'content-length': String(hop.body.length) } : {}) },
      lookup: pinnedLookup(hop.target),
      // A pooled socket could belong to an earlier, differently-checked resolution: always dial fresh.
      agent: false,
      signal: hop.signal,
    });
    req.once('response', resolve);
    req.once('error', reject);
    req.end(hop.body ?? undefined);
  });
}
