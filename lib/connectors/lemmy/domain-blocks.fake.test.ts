/** listDomainBlocks and domain.blocks_reconcile against the fake Lemmy, on 0.19 (v3) and 1.0 (v4), over real HTTP. */
import { afterEach, describe, expect, it } from 'vitest';
import type { DomainBlockChange, DomainBlockTarget } from '../types';
import { createLemmyConnector } from './connector';
import { withFakeLemmy, type LemmySetup } from './test-support';

let setup: LemmySetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

const suspend: DomainBlockTarget = { severity: 'suspend', rejectMedia: false, rejectReports: false, publicComment: 'spam', obfuscate: false };
const add = (domain: string, target: DomainBlockTarget = suspend): DomainBlockChange => ({ domain, target });
const remove = (domain: string): DomainBlockChange => ({ domain, target: null });
const full = (domain: string) => ({ domain, remoteId: null, severity: 'suspend', rejectMedia: false, rejectReports: false, publicComment: null, obfuscate: false });

async function control(s: LemmySetup, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${s.fake.url}/__fake/domain-blocks${path}`, {
    method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: await res.json() };
}

const writes = (s: LemmySetup) => s.fake.state.records.filter((r) => r.path === '/api/v3/site' || r.path === '/api/v4/admin/instance/block');

describe.each(['v3', 'v4'] as const)('lemmy domain blocks on %s', (api) => {
  const start = () => withFakeLemmy({ reports: 0, apiVersion: api });

  it('lists every blocked instance as a full block and skips an entry that is not a domain', async () => {
    setup = await start();
    setup.fake.state.blockedInstances = ['old.example', 'Spam.Example', 'not a domain'];
    const { blocks, skipped } = await setup.connector.listDomainBlocks!();
    expect(blocks).toEqual([full('old.example'), full('spam.example')]);
    expect(skipped).toEqual([expect.objectContaining({ error: 'not a domain name' })]);
    expect(writes(setup)).toEqual([]);
  });

  it('adds and removes in one reconcile, keeps blocks it was not asked about, and converges when sent again', async () => {
    setup = await start();
    await control(setup, 'POST', '', { domain: 'hand.example' }); // made in Lemmy's own admin UI
    setup.fake.state.blockedInstances.push('gone.example', 'weird entry');
    const changes = [add('New.Example'), add('hand.example'), remove('gone.example'), remove('never.example')];
    const first = await setup.connector.perform({ kind: 'domain.blocks_reconcile', changes });
    expect(first.domainBlocks).toEqual([
      { domain: 'new.example', ok: true, block: full('new.example') },
      { domain: 'hand.example', ok: true, block: full('hand.example') },
      { domain: 'gone.example', ok: true, block: null },
      { domain: 'never.example', ok: true, block: null },
    ]);
    expect((await control(setup, 'GET', '')).json).toEqual([
      { domain: 'hand.example', severity: 'suspend', rejectMedia: false, rejectReports: false },
      { domain: 'new.example', severity: 'suspend', rejectMedia: false, rejectReports: false },
      { domain: 'weird entry', severity: 'suspend', rejectMedia: false, rejectReports: false }, // never ours to drop
    ]);
    // v3 writes the whole list back once, unparseable entries included; v4 sends one call per domain that differs.
    if (api === 'v3') {
      expect(writes(setup)).toEqual([expect.objectContaining({ method: 'PUT', body: { blocked_instances: ['hand.example', 'weird entry', 'new.example'] } })]);
    } else {
      expect(writes(setup).map((r) => r.body)).toEqual([
        { instance: 'new.example', block: true, reason: expect.any(String) },
        { instance: 'gone.example', block: false, reason: expect.any(String) },
      ]);
    }
    const count = writes(setup).length;
    const again = await setup.connector.perform({ kind: 'domain.blocks_reconcile', changes });
    expect(again.domainBlocks).toEqual(first.domainBlocks);
    expect(writes(setup)).toHaveLength(count); // a retry after a crash sends nothing new
  });

  it('refuses a line it cannot express or parse, and the other lines still land', async () => {
    setup = await start();
    const silence: DomainBlockTarget = { ...suspend, severity: 'silence' };
    const changes = [add('ok.example'), add('limited.example', silence), add('not a domain!')];
    if (api === 'v4') changes.push(add('lemmy.test')); // the fake refuses its own domain (cant_block_local_instance)
    const result = await setup.connector.perform({ kind: 'domain.blocks_reconcile', changes });
    expect(result.domainBlocks).toEqual([
      { domain: 'ok.example', ok: true, block: full('ok.example') },
      { domain: 'limited.example', ok: false, error: expect.stringContaining('no "silence"'), block: null },
      { domain: 'not a domain!', ok: false, error: 'Not a valid domain name.', block: null },
      ...(api === 'v4' ? [{ domain: 'lemmy.test', ok: false, error: expect.stringContaining('cant_block_local_instance'), block: null }] : []),
    ]);
    expect(setup.fake.state.blockedInstances).toEqual(['ok.example']);
  });

  it('throws when the account is not an admin, so the outbox reports the whole action', async () => {
    setup = await start();
    setup.fake.state.admin().admin = false;
    await expect(setup.connector.perform({ kind: 'domain.blocks_reconcile', changes: [add('x.example')] })).rejects.toMatchObject({ code: 'forbidden' });
    expect(setup.fake.state.blockedInstances).toEqual([]);
  });

  it('control routes: a hand-made block and its deletion', async () => {
    setup = await start();
    expect((await control(setup, 'POST', '', { domain: 'Hand.Example', severity: 'silence' })).json).toMatchObject({ domain: 'hand.example', severity: 'suspend' });
    expect((await setup.connector.listDomainBlocks!()).blocks).toEqual([full('hand.example')]);
    expect((await control(setup, 'DELETE', '/hand.example')).status).toBe(200);
    expect((await control(setup, 'DELETE', '/hand.example')).status).toBe(404);
    expect((await control(setup, 'GET', '')).json).toEqual([]);
  });
});

describe('lemmy 1.0 federated instance paging', () => {
  it('walks every page of 50 (a full last page is followed by an empty one) and refuses a bad limit', async () => {
    setup = await withFakeLemmy({ reports: 0, apiVersion: 'v4' });
    setup.fake.state.blockedInstances = Array.from({ length: 100 }, (_, i) => `b${i}.example`);
    const { blocks } = await setup.connector.listDomainBlocks!();
    expect(blocks.map((b) => b.domain).sort()).toEqual([...setup.fake.state.blockedInstances].sort());
    const res = await fetch(`${setup.fake.url}/api/v4/federated_instances?kind=blocked&limit=51`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_fetch_limit' });
  });

  it('treats 0.19 federated_instances: null (federation off) as an error, never as an empty list', async () => {
    const stub = createLemmyConnector({
      baseUrl: 'http://lemmy.invalid', token: 'jwt-token-123',
      fetch: async () => new Response(JSON.stringify({ federated_instances: null }), { status: 200, headers: { 'Content-Type': 'application/json' } }),
    });
    await expect(stub.listDomainBlocks!()).rejects.toMatchObject({ code: 'remote_error', userMessage: expect.stringContaining('federation') });
  });
});
