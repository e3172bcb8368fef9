/** listDomainBlocks and domain.blocks_reconcile against the fake PeerTube's server block list, over real HTTP. */
import { afterEach, describe, expect, it } from 'vitest';
import type { DomainBlockTarget } from '../types';
import { caught, withFakePeerTube, type PeerTubeSetup } from './test-support';

let setup: PeerTubeSetup | null = null;
afterEach(async () => {
  await setup?.connector.close?.();
  await setup?.fake.close();
  setup = null;
});

const SUSPEND: DomainBlockTarget = { severity: 'suspend', rejectMedia: false, rejectReports: false, publicComment: null, obfuscate: false };

async function handBlock(s: PeerTubeSetup, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${s.fake.url}/__fake/domain-blocks`, { method: 'POST', body: JSON.stringify(body) });
}

async function fakeDomains(s: PeerTubeSetup): Promise<string[]> {
  const list = (await (await fetch(`${s.fake.url}/__fake/domain-blocks`)).json()) as { domain: string; severity: string }[];
  expect(list.every((b) => b.severity === 'suspend')).toBe(true);
  return list.map((b) => b.domain);
}

const writes = (s: PeerTubeSetup) => s.fake.state.records.filter((r) => r.path.startsWith('/api/v1/server/blocklist/servers'));

describe('peertube server blocks', () => {
  it('declares a full-block-only blocklist capability', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    expect(setup.connector.capabilities.actions).toContain('domain.blocks_reconcile');
    expect(setup.connector.capabilities.blocklist).toMatchObject({ severities: ['suspend'], canUpdate: false, publicComment: false });
  });

  it('lists every block across start/count pages and skips a malformed entry', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    for (let i = 0; i < 130; i++) expect((await handBlock(setup, { domain: `d${i}.example` })).status).toBe(200);
    await handBlock(setup, { domain: 'broken.example', malformed: true });
    const { blocks, skipped } = await setup.connector.listDomainBlocks!();
    expect(blocks).toHaveLength(130);
    expect(new Set(blocks.map((b) => b.domain)).size).toBe(130);
    expect(blocks[0]).toMatchObject({ remoteId: null, severity: 'suspend', rejectMedia: false, publicComment: null });
    expect(skipped).toHaveLength(1);
    expect(skipped[0].error).toMatch(/blockedServer/);
  });

  it('adds and removes hosts, and a second reconcile sends nothing', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    await handBlock(setup, { domain: 'kept.example' });
    await handBlock(setup, { domain: 'gone.example' });
    const changes = [
      { domain: 'New.Example', target: SUSPEND },
      { domain: 'kept.example', target: SUSPEND },
      { domain: 'gone.example', target: null },
      { domain: 'never.example', target: null },
    ];
    const result = await setup.connector.perform({ kind: 'domain.blocks_reconcile', changes });
    expect(result.domainBlocks).toEqual([
      { domain: 'New.Example', ok: true, block: expect.objectContaining({ domain: 'new.example', severity: 'suspend' }) },
      { domain: 'kept.example', ok: true, block: expect.objectContaining({ domain: 'kept.example' }) },
      { domain: 'gone.example', ok: true, block: null },
      { domain: 'never.example', ok: true, block: null },
    ]);
    expect(await fakeDomains(setup)).toEqual(['kept.example', 'new.example']);
    expect(writes(setup).map((r) => [r.method, r.status])).toEqual([['POST', 204], ['DELETE', 204]]);
    await setup.connector.perform({ kind: 'domain.blocks_reconcile', changes });
    expect(writes(setup)).toHaveLength(2);
  });

  it('records a per-domain refusal (its own host) and still applies the other lines', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const own = setup.fake.state.host;
    const result = await setup.connector.perform({
      kind: 'domain.blocks_reconcile',
      changes: [{ domain: own, target: SUSPEND }, { domain: 'fine.example', target: SUSPEND }],
    });
    expect(result.domainBlocks?.[0]).toMatchObject({ domain: own, ok: false, error: 'You cannot block your own server.', block: null });
    expect(result.domainBlocks?.[1]).toMatchObject({ domain: 'fine.example', ok: true });
    expect(await fakeDomains(setup)).toEqual(['fine.example']);
  });

  it('fails the whole action for a token without moderator rights', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    setup.fake.state.auth.role = 2;
    const e = await caught(() => setup!.connector.perform({ kind: 'domain.blocks_reconcile', changes: [{ domain: 'x.example', target: SUSPEND }] }));
    expect(e).toMatchObject({ code: 'forbidden' });
  });
});
