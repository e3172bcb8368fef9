import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { signWebhook } from '../../../e2e/fakes/mastodon/webhook';
import { parseMastodonWebhook, verifyMastodonSignature } from './webhook';
import { report } from './test-support/fixtures';
import { withFake, type FakeSetup } from './test-support/fake-connector';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

const SECRET = 'whsec-test';

describe('verifyMastodonSignature', () => {
  const body = JSON.stringify({ event: 'report.created', created_at: '2024-01-01T00:00:00Z', object: report });

  it('accepts the HMAC of the exact bytes, as string or Buffer', () => {
    const header = signWebhook(SECRET, body);
    expect(verifyMastodonSignature(body, header, SECRET)).toBe(true);
    expect(verifyMastodonSignature(Buffer.from(body), header.toUpperCase().replace('SHA256=', 'sha256='), SECRET)).toBe(true);
  });

  it('rejects a bad, missing or malformed signature, a changed body, and an empty secret', () => {
    const header = signWebhook(SECRET, body);
    expect(verifyMastodonSignature(body, signWebhook('other', body), SECRET)).toBe(false);
    expect(verifyMastodonSignature(`${body} `, header, SECRET)).toBe(false);
    expect(verifyMastodonSignature(body, null, SECRET)).toBe(false);
    expect(verifyMastodonSignature(body, '', SECRET)).toBe(false);
    expect(verifyMastodonSignature(body, header.slice(7), SECRET)).toBe(false);
    expect(verifyMastodonSignature(body, 'sha256=abcd', SECRET)).toBe(false);
    expect(verifyMastodonSignature(body, header, '')).toBe(false);
  });
});

describe('parseMastodonWebhook', () => {
  it('maps the report of report.* events', () => {
    const out = parseMastodonWebhook(JSON.stringify({ event: 'report.updated', created_at: 'x', object: report }));
    expect(out.event).toBe('report.updated');
    expect(out.report?.remoteId).toBe('42');
    expect(out.error).toBeUndefined();
  });

  it('always fills updatedAt for the replay check (I4): the report\'s updated_at, else the event time', () => {
    const at = '2026-03-01T10:00:00.000Z';
    expect(parseMastodonWebhook(JSON.stringify({ event: 'report.updated', created_at: at, object: report })).report?.updatedAt).toBe('2022-09-09T21:19:23.085Z');
    const { updated_at: _u, ...withoutUpdated } = report;
    expect(parseMastodonWebhook(JSON.stringify({ event: 'report.created', created_at: at, object: withoutUpdated })).report?.updatedAt).toBe(at);
  });

  it('makes the report writable (I5): NUL stripped, a non-date created_at refused in one line', () => {
    const out = parseMastodonWebhook(JSON.stringify({ event: 'report.created', created_at: 'x', object: { ...report, comment: 'a\u0000b' } }));
    expect(out.report?.comment).toBe('ab');
    const bad = parseMastodonWebhook(JSON.stringify({ event: 'report.created', object: { ...report, created_at: 'soon' } }));
    expect(bad).toMatchObject({ report: null, error: 'created_at: not a date' });
  });

  it('returns no report for other events, and an error for malformed bodies', () => {
    expect(parseMastodonWebhook(JSON.stringify({ event: 'account.created', object: {} }))).toEqual({ event: 'account.created', report: null });
    expect(parseMastodonWebhook('not json')).toMatchObject({ report: null, error: 'body is not JSON' });
    expect(parseMastodonWebhook('{"object":{}}').error).toMatch(/^event: /);
    const broken = parseMastodonWebhook(JSON.stringify({ event: 'report.created', object: { ...report, target_account: undefined } }));
    expect(broken).toMatchObject({ event: 'report.created', report: null, error: expect.stringMatching(/^target_account: /) });
  });

  it('verifies and parses a webhook sent by the fake over HTTP', async () => {
    setup = await withFake({ reports: 4 });
    const received: Array<{ body: Buffer; signature: string | null; type: string | undefined }> = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ body: Buffer.concat(chunks), signature: (req.headers['x-hub-signature'] as string) ?? null, type: req.headers['content-type'] });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    try {
      const targetUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      const sent = await setup.fake.sendWebhook({ targetUrl, secret: SECRET, event: 'report.created', reportId: '2' });
      expect(sent).toMatchObject({ ok: true, status: 200 });
      const [hit] = received;
      expect(hit.type).toBe('application/json');
      expect(verifyMastodonSignature(hit.body, hit.signature, SECRET)).toBe(true);
      expect(verifyMastodonSignature(hit.body, hit.signature, 'wrong')).toBe(false);
      expect(parseMastodonWebhook(hit.body).report?.remoteId).toBe('2');
      expect(setup.fake.state.webhooks).toMatchObject([{ event: 'report.created', reportId: '2', status: 200 }]);
    } finally {
      await new Promise<void>((r) => receiver.close(() => r()));
    }
  });
});
