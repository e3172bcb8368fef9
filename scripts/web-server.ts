/**
 * The web process: Next's request handler behind Node's own HTTP server. `next start` hides the socket from route
 * handlers and fills X-Forwarded-For only when the client sent none, so a client could pick its own address for
 * the per-IP sign-in limit. Here every request gets the socket's address in a header only we set, and proxy
 * headers are dropped unless the peer is in TRUSTED_PROXIES (lib/auth/peer-header.ts).
 */
import http from 'node:http';
import next from 'next';
import { applyPeerHeaders } from '../lib/auth/peer-header';
import { trustedProxies } from '../lib/auth/trusted-proxies';
import { appUrl, env, setProcessEnv } from '../lib/env';

setProcessEnv({ WEB_SERVER_PEER_HEADER: '1' });
// next-auth builds the absolute URLs of its own redirects (single sign-on errors, a cancelled login at the identity
// provider) from NEXTAUTH_URL, else http://localhost:3000: APP_URL is the one source of truth for both.
setProcessEnv({ NEXTAUTH_URL: appUrl() });
const e = env();
const proxies = trustedProxies(); // fails fast on a malformed TRUSTED_PROXIES
const app = next({ dev: false, dir: process.cwd(), hostname: e.HOST, port: e.PORT });
await app.prepare();
const handle = app.getRequestHandler();
const server = http.createServer((req, res) => {
  applyPeerHeaders(req.headers, req.socket.remoteAddress, proxies);
  void handle(req, res);
});
server.listen(e.PORT, e.HOST, () => console.log(`[fedimod web] listening on http://${e.HOST}:${e.PORT}`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
