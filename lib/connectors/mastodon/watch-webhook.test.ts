/**
 * The status.created / status.updated webhook (issue 14): the fake sends it signed over the exact bytes, the
 * signature is verified as for report events, and the body yields the post; report events are unchanged.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMastodonStatusEvent, parseMastodonWebhook, readMastodonStatusEvent, verifyMastodonSignature } from './webhook';
import { withFake, type FakeSetup } from './test-support/fake-connector';

const SECRET = 'whsec-watch';
let setup: FakeSetup | null = null;
let close: (() => void) | null = null;
afterEach(async () => {
  await setup?.fake.close();
  close?.();
  setup = null;
  close = null;
});

/** A receiver that keeps the raw bytes and headers of each delivery. */
async function receiver(): Promise<{ url: string; got: Array<{ body: Buffer; headers: IncomingHttpHeaders }> }> {
  const got: Array<{ body: Buffer; headers: IncomingHttpHeaders }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ body: Buffer.concat(chunks), headers: req.headers });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  close = () => server.close();
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, got };
}

async function addPost(s: FakeSetup, body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${s.fake.url}/__fake/posts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return ((await res.json()) as { id: string }).id;
}

describe('mastodon status.created webhook', () => {
  it('verifies the signature over the exact bytes and yields the post with its author, tags and media', async () => {
    setup = await withFake({ reports: 1 });
    const hook = await receiver();
    const id = await addPost(setup, { html: '<p>new #TradeTest <a href="https://shop.example/">shop</a></p>', media: 1 });
    const sent = await fetch(`${setup.fake.url}/__fake/webhook`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ targetUrl: hook.url, secret: SECRET, event: 'status.created', statusId: id }),
    });
    expect(((await sent.json()) as { ok: boolean }).ok).toBe(true);
    const [{ body, headers }] = hook.got;
    expect(verifyMastodonSignature(body, String(headers['x-hub-signature']), SECRET)).toBe(true);
    expect(verifyMastodonSignature(Buffer.concat([body, Buffer.from(' ')]), String(headers['x-hub-signature']), SECRET)).toBe(false);
    const post = parseMastodonStatusEvent(body);
    expect(post).toMatchObject({ remoteId: id, tags: ['tradetest'], links: [], account: { acct: expect.any(String) } });
    expect(post?.media).toHaveLength(1);
    expect(post?.contentHtml).toContain('https://shop.example/');
    // The report parser is untouched: a status event carries no report and no error.
    expect(parseMastodonWebhook(body)).toEqual({ event: 'status.created', report: null });
  });

  it('reads status.updated too; other events, malformed statuses and non-JSON give no post', async () => {
    const status = { id: '109000000000001000', content: '<p>hi</p>', account: { id: '7', username: 'a', acct: 'a' }, tags: [{ name: 'x' }, { bad: 1 }] };
    expect(readMastodonStatusEvent(JSON.stringify({ event: 'status.updated', object: status })).post).toMatchObject({ remoteId: status.id, tags: ['x'] });
    expect(readMastodonStatusEvent(JSON.stringify({ event: 'report.created', object: status }))).toEqual({ event: 'report.created', post: null });
    const noAccount = readMastodonStatusEvent(JSON.stringify({ event: 'status.created', object: { ...status, account: null } }));
    expect(noAccount.post).toBeNull();
    expect(noAccount.error).toMatch(/^account: /);
    expect(readMastodonStatusEvent('not json')).toEqual({ event: '', post: null, error: 'body is not JSON' });
    const boost = { ...status, reblog: { id: '1' } };
    expect(parseMastodonStatusEvent(JSON.stringify({ event: 'status.created', object: boost }))).toBeNull();
  });
});
