/**
 * Issue 12 point 5, end to end below the browser: connecting an instance against real sockets names the real cause
 * (closed port, private address, DNS, TLS to a plain HTTP port, HTTP statuses with the server's error text, a wrong
 * token on the Mastodon fake, a short token before any request), and the route hands that message to the form.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { addInstance } from '@/lib/instances/add-instance';
import { startTestServer, type TestServer } from '@/lib/net/test-server';
import { startFakeMastodon, type FakeMastodon } from '@/e2e/fakes/mastodon/server';
import { userActor } from './support/fixtures';

vi.mock('@/lib/jobs/enqueue', () => ({ enqueueInstanceSync: vi.fn(async () => undefined) }));
import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
const { POST } = await import('@/app/api/instances/route');

const owner = userActor('owner') as UserActor;
const admin = userActor('admin') as UserActor;
const token = 'a-long-enough-token-0123456789';
let fake: FakeMastodon;
let answers: TestServer;
let closedPort = 0;
// What the local server answers per path: [status, JSON body].
const routes: Record<string, [number, unknown]> = {};

beforeAll(async () => {
  fake = await startFakeMastodon({ reports: 1, seed: 71 });
  answers = await startTestServer((req, res) => {
    const [status, body] = routes[req.url ?? ''] ?? [404, { error: 'Record not found' }];
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  const closed = http.createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  closedPort = (closed.address() as { port: number }).port;
  await new Promise((r) => closed.close(r)); // the port is now free: nothing listens there
});
afterAll(async () => {
  await fake.close();
  await answers.close();
});

const add = (actor: UserActor, input: { baseUrl: string; token?: string; allowPrivate?: boolean; kind?: 'auto' | 'mastodon' }) =>
  addInstance({ ctx: { actor }, input: { kind: input.kind ?? 'auto', token: input.token ?? token, baseUrl: input.baseUrl, allowPrivate: input.allowPrivate ?? false } });

describe('connecting names the real cause', () => {
  it('a closed port: refused, with the host and port, also for a hand-picked kind', async () => {
    for (const kind of ['auto', 'mastodon'] as const) {
      await expect(add(owner, { baseUrl: `http://127.0.0.1:${closedPort}`, allowPrivate: true, kind })).rejects.toMatchObject({
        publicData: { cause: 'connection_refused' }, userMessage: `127.0.0.1:${closedPort} refused the connection: nothing is listening there. Check the port and that the server is running.`,
      });
    }
  });

  it('a private address: says so, and tells an owner (only) to tick "local test host"', async () => {
    await expect(add(owner, { baseUrl: answers.origin })).rejects.toMatchObject({ code: 'ssrf_blocked', userMessage: expect.stringMatching(/^127\.0\.0\.1 is a private address.*Tick "local test host" if it is yours\.$/) });
    await expect(add(admin, { baseUrl: answers.origin })).rejects.toMatchObject({ userMessage: expect.stringMatching(/Only an owner can connect a local test host/) });
    expect(answers.connections()).toBe(0);
  });

  it('a name that does not resolve: DNS, with the name', async () => {
    await expect(add(owner, { baseUrl: 'https://no-such-host.invalid' })).rejects.toMatchObject({ publicData: { cause: 'dns' }, userMessage: expect.stringContaining('no-such-host.invalid could not be found') });
  });

  it('https to a plain HTTP port: a TLS failure', async () => {
    const e = (await add(owner, { baseUrl: `https://127.0.0.1:${answers.port}`, allowPrivate: true }).catch((x: unknown) => x)) as AppError;
    expect(e.publicData).toMatchObject({ cause: 'tls' });
    expect(e.userMessage).toMatch(/^The secure \(TLS\) connection to 127\.0\.0\.1:\d+ failed: .*plain http:\/\//);
  });

  it("HTTP statuses with the server's own error text, and a server that fails every request", async () => {
    routes['/api/v1/instance'] = [401, { error: 'This method requires an authenticated user' }];
    await expect(add(owner, { baseUrl: answers.origin, allowPrivate: true })).rejects.toMatchObject({
      code: 'bad_request',
      userMessage: `Could not tell which server software 127.0.0.1:${answers.port} runs: /.well-known/nodeinfo answered HTTP 404: "Record not found"; /api/v1/instance answered HTTP 401: "This method requires an authenticated user". Choose the software by hand.`,
    });
    routes['/.well-known/nodeinfo'] = [503, { error: 'Service Unavailable' }];
    routes['/api/v1/instance'] = [502, '<html>'];
    await expect(add(owner, { baseUrl: answers.origin, allowPrivate: true })).rejects.toMatchObject({ code: 'remote_error', publicData: { cause: 'http_status' }, userMessage: expect.stringMatching(/HTTP 503: "Service Unavailable".*HTTP 502\. The server is failing/) });
  });

  it("a wrong token on the Mastodon fake: its 401 JSON error reaches the message", async () => {
    await expect(add(owner, { baseUrl: fake.url, allowPrivate: true, token: 'wrong-token-0123456789' })).rejects.toMatchObject({
      publicData: { cause: 'verify_failed' }, userMessage: 'The token cannot read reports on this instance (verify_credentials: 401 The access token is invalid). See the checks below.',
    });
  });

  it('a short token: said before a single request', async () => {
    const before = answers.connections();
    await expect(add(owner, { baseUrl: answers.origin, allowPrivate: true, token: 'abc' })).rejects.toMatchObject({ publicData: { cause: 'token_too_short' }, userMessage: expect.stringMatching(/only 3 characters long/) });
    expect(answers.connections()).toBe(before);
    expect(await db.instance.count()).toBe(0);
  });
});

describe('the route hands the cause to the form', () => {
  it('as error.message, with the cause, for a refused connection and a wrong token', async () => {
    session.actor = owner;
    const post = (body: unknown) => POST(new Request('http://localhost/api/instances', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    let res = await post({ kind: 'auto', baseUrl: `http://127.0.0.1:${closedPort}`, token, allowPrivate: true });
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: { code: 'remote_unreachable', cause: 'connection_refused', message: expect.stringContaining('refused the connection') } });
    res = await post({ kind: 'auto', baseUrl: fake.url, token: 'wrong-token-0123456789', allowPrivate: true });
    const body = (await res.json()) as { error: { message: string; checks: { checks: unknown[] } } };
    expect(body.error.message).toContain('401 The access token is invalid');
    expect(body.error.checks.checks.length).toBeGreaterThan(0); // the form still lists the checks
    res = await post({ kind: 'auto', baseUrl: fake.url, token: 'short', allowPrivate: true });
    expect(await res.json()).toMatchObject({ error: { message: expect.stringMatching(/too short to be a real one/) } });
    expect(JSON.stringify(body)).not.toContain('wrong-token-0123456789');
  });
});
