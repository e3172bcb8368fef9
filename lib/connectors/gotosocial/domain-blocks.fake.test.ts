/** listDomainBlocks and domain.blocks_reconcile against the fake GoToSocial, over real HTTP. */
import { afterEach, describe, expect, it } from 'vitest';
import type { DomainBlockTarget } from '../types';
import { caught, withFake, type FakeSetup } from './test-support/fake-connector';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

const SUSPEND: DomainBlockTarget = { severity: 'suspend', rejectMedia: false, rejectReports: false, publicComment: 'spam', obfuscate: false };

async function handBlock(s: FakeSetup, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${s.fake.url}/__fake/domain-blocks`, { method: 'POST', body: JSON.stringify(body) });
}

async function fakeDomains(s: FakeSetup): Promise<string[]> {
  const list = (await (await fetch(`${s.fake.url}/__fake/domain-blocks`)).json()) as { domain: string; severity: string }[];
  expect(list.every((b) => b.severity === 'suspend')).toBe(true);
  return list.map((b) => b.domain);
}

const writes = (s: FakeSetup) => s.fake.state.records.filter((r) => r.path.startsWith('/api/v1/admin/domain_blocks'));

describe('gotosocial domain blocks', () => {
  it('declares a full-block-only blocklist capability', async () => {
    setup = await withFake({ reports: 0 });
    expect(setup.connector.capabilities.actions).toContain('domain.blocks_reconcile');
    expect(setup.connector.capabilities.blocklist).toMatchObject({ severities: ['suspend'], flags: [], canUpdate: false });
  });

  it('lists every block as a full block and skips a malformed entry', async () => {
    setup = await withFake({ reports: 0 });
    for (let i = 0; i < 30; i++) expect((await handBlock(setup, { domain: `d${i}.example`, publicComment: i ? '' : 'why' })).status).toBe(200);
    await handBlock(setup, { domain: 'broken.example', malformed: true });
    const { blocks, skipped } = await setup.connector.listDomainBlocks!();
    expect(blocks).toHaveLength(30);
    expect(blocks.find((b) => b.domain === 'd0.example')).toMatchObject({ severity: 'suspend', publicComment: 'why', remoteId: expect.any(String) });
    expect(blocks.find((b) => b.domain === 'd1.example')?.publicComment).toBeNull();
    expect(skipped).toHaveLength(1);
  });

  it('adds and removes blocks, leaves a matching block alone, and a second reconcile sends nothing', async () => {
    setup = await withFake({ reports: 0 });
    await handBlock(setup, { domain: 'kept.example' });
    await handBlock(setup, { domain: 'gone.example' });
    const changes = [
      { domain: 'New.Example', target: SUSPEND },
      { domain: 'kept.example', target: SUSPEND },
      { domain: 'gone.example', target: null },
    ];
    const result = await setup.connector.perform({ kind: 'domain.blocks_reconcile', changes });
    expect(result.domainBlocks).toEqual([
      { domain: 'New.Example', ok: true, block: expect.objectContaining({ domain: 'new.example', severity: 'suspend', publicComment: 'spam' }) },
      { domain: 'kept.example', ok: true, block: expect.objectContaining({ domain: 'kept.example' }) },
      { domain: 'gone.example', ok: true, block: null },
    ]);
    expect(await fakeDomains(setup)).toEqual(['kept.example', 'new.example']);
    expect(writes(setup).map((r) => r.method)).toEqual(['POST', 'DELETE']);
    await setup.connector.perform({ kind: 'domain.blocks_reconcile', changes });
    expect(writes(setup)).toHaveLength(2);
  });

  it('records a per-domain refusal and still applies the other lines', async () => {
    setup = await withFake({ reports: 0 });
    const result = await setup.connector.perform({
      kind: 'domain.blocks_reconcile',
      changes: [{ domain: ' ', target: SUSPEND }, { domain: 'fine.example', target: SUSPEND }],
    });
    expect(result.domainBlocks?.[0]).toMatchObject({ ok: false, error: expect.stringMatching(/domain/), block: null });
    expect(result.domainBlocks?.[1]).toMatchObject({ domain: 'fine.example', ok: true });
    expect(await fakeDomains(setup)).toEqual(['fine.example']);
  });

  it('fails the whole action when the token lacks the domain block scope', async () => {
    setup = await withFake({ reports: 0 });
    await fetch(`${setup.fake.url}/__fake/auth`, { method: 'POST', body: JSON.stringify({ scopes: ['admin:read'] }) });
    const e = await caught(() => setup!.connector.perform({ kind: 'domain.blocks_reconcile', changes: [{ domain: 'x.example', target: SUSPEND }] }));
    expect(e).toMatchObject({ code: 'forbidden' });
  });
});
