import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { detectSoftware } from './detect-software';
import { kindFromInstanceVersion, kindFromNodeInfoName } from './software-kind';

let server: http.Server;
let base = '';
const routes: Record<string, unknown> = {};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const body = routes[`${req.headers.host}${req.url}`];
    if (body === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe('software detection', () => {
  it('maps NodeInfo names and instance version strings', () => {
    expect(kindFromNodeInfoName('Sharkey')).toBe('misskey');
    expect(kindFromNodeInfoName('pleroma')).toBe('akkoma');
    expect(kindFromNodeInfoName('something-else')).toBeNull();
    expect(kindFromInstanceVersion('2.7.2 (compatible; Akkoma 3.13.2)')).toBe('akkoma');
    expect(kindFromInstanceVersion('4.4.0')).toBe('mastodon');
    expect(kindFromInstanceVersion('0.19.1 git-abc')).toBe('gotosocial');
  });

  it('reads NodeInfo 2.1 and falls back to /api/v1/instance', async () => {
    const host = base.replace('http://', '');
    routes[`${host}/.well-known/nodeinfo`] = { links: [{ rel: 'http://nodeinfo.diaspora.software/ns/schema/2.1', href: `${base}/nodeinfo/2.1` }] };
    routes[`${host}/nodeinfo/2.1`] = { software: { name: 'gotosocial', version: '0.20.0' } };
    expect(await detectSoftware(base, fetch)).toEqual({ kind: 'gotosocial', name: 'gotosocial', version: '0.20.0', source: 'nodeinfo' });
    delete routes[`${host}/.well-known/nodeinfo`];
    routes[`${host}/api/v1/instance`] = { version: '2.7.2 (compatible; Pleroma 2.6.0)', title: 'x' };
    expect(await detectSoftware(base, fetch)).toMatchObject({ kind: 'akkoma', source: 'instance' });
    delete routes[`${host}/api/v1/instance`];
    // Nothing detected: what each URL answered instead comes along, so the form can say why (connect-failure.ts).
    expect(await detectSoftware(base, fetch)).toEqual({
      kind: null, name: null, version: null, source: 'none',
      answers: [{ path: '/.well-known/nodeinfo', status: 404, text: '' }, { path: '/api/v1/instance', status: 404, text: '' }],
    });
  });

  it("keeps a failing server's own error text, and ends at a host that cannot be reached", async () => {
    const answers = await detectSoftware(base, async (url) => (String(url).endsWith('/api/v1/instance')
      ? new Response(JSON.stringify({ error: 'This method requires an authenticated user' }), { status: 401 })
      : new Response('<html>not json</html>', { status: 200 })));
    expect(answers.answers).toEqual([
      { path: '/.well-known/nodeinfo', status: 0, text: 'not JSON' },
      { path: '/api/v1/instance', status: 401, text: 'This method requires an authenticated user' },
    ]);
    let calls = 0;
    const refused = new AppError('remote_unreachable', 'safeFetch: request to x failed', { details: { errno: 'ECONNREFUSED' } });
    await expect(detectSoftware(base, async () => { calls += 1; throw refused; })).rejects.toBe(refused);
    expect(calls).toBe(1);
  });

  it('ignores a NodeInfo link that points to another origin', async () => {
    const host = base.replace('http://', '');
    routes[`${host}/.well-known/nodeinfo`] = { links: [{ rel: 'http://nodeinfo.diaspora.software/ns/schema/2.0', href: 'http://169.254.169.254/nodeinfo' }] };
    routes[`${host}/api/v1/instance`] = { version: '4.4.0' };
    expect(await detectSoftware(base, fetch)).toMatchObject({ kind: 'mastodon', source: 'instance' });
  });
});
