/**
 * startFakeOidc: a small OpenID Connect issuer (oidc-provider) on 127.0.0.1 for tests and the demo.
 *
 *   const idp = await startFakeOidc({ clients: [{ client_id, client_secret, redirect_uris: [ssoCallbackUrl()] }],
 *                                     users: [{ sub: 'u1', email: 'mod@example.test', email_verified: true, name: 'Mod', groups: ['mods'] }] });
 *   // configure Setting 'auth.sso' with issuer idp.issuer (allowPrivate: it is loopback http), groupsScope 'groups'
 *   ...; await idp.close();
 *
 * Sign-in at the issuer is one plain form (no consent screen): GET /interaction/<uid> shows a field "login"
 * (data-testid oidc-login, a user's sub or email) and a submit button (data-testid oidc-submit); POST it to
 * /interaction/<uid>/login. Unknown logins get the form again with an error. Authorization code flow, PKCE
 * required (S256), the 'groups' claim released with the 'groups' scope (in the ID token when groupsInIdToken).
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

export interface FakeOidcUser { sub: string; email?: string; email_verified?: boolean; name?: string; groups?: string[] | string }
export interface FakeOidcClient { client_id: string; client_secret: string; redirect_uris: string[] }
export interface FakeOidcOptions {
  port?: number;
  clients: FakeOidcClient[];
  users: FakeOidcUser[];
  /** Put the scope claims (email, groups…) in the ID token too; by default they come from userinfo only. */
  groupsInIdToken?: boolean;
}
export interface FakeOidc {
  issuer: string;
  users: FakeOidcUser[];
  /** Every request's method and path, in order (tests check which endpoints a client used). */
  requests: string[];
  close(): Promise<void>;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, error = ''): string {
  return `<!doctype html><html><head><title>Fake identity provider</title></head><body><h1>Sign in (fake issuer)</h1>
${error ? `<p role="alert">${esc(error)}</p>` : ''}<form method="post" action="/interaction/${esc(uid)}/login">
<label for="login">Username or email</label><input id="login" name="login" data-testid="oidc-login" autofocus>
<button type="submit" data-testid="oidc-submit">Sign in</button></form></body></html>`;
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 10_000) break;
  }
  return new URLSearchParams(body);
}

export async function startFakeOidc(opts: FakeOidcOptions): Promise<FakeOidc> {
  const users = opts.users;
  const find = (login: string) => users.find((u) => u.sub === login || (u.email !== undefined && u.email.toLowerCase() === login.toLowerCase()));
  const requests: string[] = [];
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${(req.url ?? '/').split('?')[0]}`);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const jwk = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const config: Configuration = {
    clients: opts.clients.map((c) => ({ ...c, grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' })),
    jwks: { keys: [{ ...jwk, kid: 'fake-oidc', use: 'sig', alg: 'RS256' } as never] },
    cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    conformIdTokenClaims: !opts.groupsInIdToken,
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    pkce: { required: () => true, methods: ['S256'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const user = users.find((u) => u.sub === sub);
      if (!user) return undefined;
      return { accountId: sub, claims: async () => ({ ...user }) };
    },
    // No consent screen: a test client is always granted what it asked for.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session, params } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(String(params?.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, config);
  const oidc = provider.callback();

  handler = (req, res) => {
    const m = /^\/interaction\/([\w-]+)(\/login)?$/.exec(new URL(req.url ?? '/', issuer).pathname);
    if (!m) return void oidc(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (!m[2]) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(details.uid));
        const user = find((await readForm(req)).get('login')?.trim() ?? '');
        if (!user) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(details.uid, 'No such user at this issuer.'));
        await provider.interactionFinished(req, res, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
      } catch (e) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end(`interaction failed: ${e instanceof Error ? e.message : 'error'}`);
      }
    })();
  };

  return {
    issuer,
    users,
    requests,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
