/**
 * NodeInfo as every real fediverse server serves it (/.well-known/nodeinfo → /nodeinfo/2.1), so the app's
 * software detection runs against the fakes the same way it runs against real servers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface NodeInfoSoftware {
  name: string;
  version: string;
}

/** Answers the two NodeInfo paths and returns true; anything else is left to the fake's own routes. */
export function serveNodeInfo(req: IncomingMessage, res: ServerResponse, baseUrl: string, software: NodeInfoSoftware): boolean {
  if (req.method !== 'GET') return false;
  const path = (req.url ?? '').split('?')[0];
  let body: unknown;
  if (path === '/.well-known/nodeinfo') {
    body = { links: [{ rel: 'http://nodeinfo.diaspora.software/ns/schema/2.1', href: `${baseUrl}/nodeinfo/2.1` }] };
  } else if (path === '/nodeinfo/2.1') {
    body = { version: '2.1', software: { name: software.name, version: software.version }, protocols: ['activitypub'], openRegistrations: false, usage: { users: {} }, metadata: {} };
  } else {
    return false;
  }
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  return true;
}
