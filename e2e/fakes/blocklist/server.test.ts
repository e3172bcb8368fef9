/** The list host's control routes work over HTTP (other processes drive it that way) and its ETag gives 304s. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBlocklistHost, type BlocklistHost } from './server';

let host: BlocklistHost;
beforeAll(async () => {
  host = await startBlocklistHost();
});
afterAll(async () => {
  await host?.close();
});

describe('blocklist host', () => {
  it('serves a list posted to /__fake/lists with its type, an ETag, and a 304 on If-None-Match', async () => {
    expect((await fetch(`${host.url}/l/one.json`)).status).toBe(404);
    const put = await fetch(`${host.url}/__fake/lists/l/one.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
    expect(put.status).toBe(204);
    const first = await fetch(`${host.url}/l/one.json`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json');
    expect(await first.text()).toBe('[]');
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await fetch(`${host.url}/l/one.json`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    host.setList('l/one.json', '[{"domain":"x.example","severity":"suspend"}]');
    const changed = await fetch(`${host.url}/l/one.json`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(host.requests.filter((r) => r.path === '/l/one.json').map((r) => r.headers['if-none-match'] ?? null)).toEqual([null, null, etag, etag]);
  });

  it('answers a status set through /__fake/status until 200 restores it, and refuses a bad status', async () => {
    host.setList('/two.txt', 'a.example\n');
    expect((await fetch(`${host.url}/__fake/status/two.txt`, { method: 'POST', body: JSON.stringify({ status: 503 }) })).status).toBe(204);
    expect((await fetch(`${host.url}/two.txt`)).status).toBe(503);
    expect((await fetch(`${host.url}/__fake/status/two.txt`, { method: 'POST', body: JSON.stringify({ status: 'x' }) })).status).toBe(400);
    host.setStatus('/two.txt', 200);
    expect(await (await fetch(`${host.url}/two.txt`)).text()).toBe('a.example\n');
  });
});
