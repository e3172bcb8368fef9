/** listDomainBlocks and domain.blocks_reconcile against the fake Mastodon, over real HTTP. */
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

async function fakeBlocks(s: FakeSetup): Promise<{ domain: string; severity: string; rejectMedia: boolean; rejectReports: boolean }[]> {
  return (await fetch(`${s.fake.url}/__fake/domain-blocks`)).json();
}

function creates(s: FakeSetup): number {
  return s.fake.state.records.filter((r) => r.method === 'POST' && r.path === '/api/v1/admin/domain_blocks').length;
}

describe('mastodon domain blocks', () => {
  it('declares the blocklist capability and the reconcile action', async () => {
    setup = await withFake({ reports: 0 });
    expect(setup.connector.capabilities.actions).toContain('domain.blocks_reconcile');
    expect(setup.connector.capabilities.blocklist).toMatchObject({ severities: ['suspend', 'silence', 'noop'], canUpdate: true });
    expect(setup.connector.capabilities.notes['domain.blocks_reconcile']).toBeTruthy();
  });

  it('lists every block across pages (more than 200)', async () => {
    setup = await withFake({ reports: 0 });
    for (let i = 0; i < 230; i++) expect((await handBlock(setup, { domain: `d${i}.example`, severity: i % 2 ? 'silence' : 'suspend' })).status).toBe(200);
    const { blocks, skipped } = await setup.connector.listDomainBlocks!();
    expect(skipped).toEqual([]);
    expect(blocks).toHaveLength(230);
    expect(new Set(blocks.map((b) => b.domain)).size).toBe(230);
    expect(blocks.find((b) => b.domain === 'd1.example')).toMatchObject({ severity: 'silence', rejectMedia: false, remoteId: expect.any(String) });
  });

  it('skips a malformed entry and keeps the rest', async () => {
    setup = await withFake({ reports: 0 });
    await handBlock(setup, { domain: 'good.example' });
    await handBlock(setup, { domain: 'broken.example', malformed: true });
    const { blocks, skipped } = await setup.connector.listDomainBlocks!();
    expect(blocks.map((b) => b.domain)).toEqual(['good.example']);
    expect(skipped).toHaveLength(1);
    expect(skipped[0].error).toMatch(/id/);
  });

  it('adds, updates and removes blocks, and a second identical reconcile sends nothing', async () => {
    setup = await withFake({ reports: 0 });
    await handBlock(setup, { domain: 'old.example', severity: 'silence' });
    await handBlock(setup, { domain: 'gone.example', severity: 'suspend' });
    const changes = [
      { domain: 'new.example', target: { ...SUSPEND, rejectMedia: true } },
      { domain: 'old.example', target: SUSPEND },
      { domain: 'gone.example', target: null },
      { domain: 'never.example', target: null },
    ];
    const result = await setup.connector.perform({ kind: 'domain.blocks_reconcile', changes });
    expect(result.domainBlocks).toEqual([
      { domain: 'new.example', ok: true, block: expect.objectContaining({ domain: 'new.example', severity: 'suspend', rejectMedia: true, publicComment: 'spam' }) },
      { domain: 'old.example', ok: true, block: expect.objectContaining({ domain: 'old.example', severity: 'suspend' }) },
      { domain: 'gone.example', ok: true, block: null },
      { domain: 'never.example', ok: true, block: null },
    ]);
    expect(await fakeBlocks(setup)).toEqual([
      { domain: 'new.example', severity: 'suspend', rejectMedia: true, rejectReports: false },
      { domain: 'old.example', severity: 'suspend', rejectMedia: false, rejectReports: false },
    ]);
    const writes = setup.fake.state.records.length;
    expect(creates(setup)).toBe(1);
    const again = await setup.connector.perform({ kind: 'domain.blocks_reconcile', changes });
    expect(again.domainBlocks?.every((o) => o.ok)).toBe(true);
    expect(setup.fake.state.records.length).toBe(writes);
  });

  it('records a per-domain refusal and still applies the other lines', async () => {
    setup = await withFake({ reports: 0 });
    const result = await setup.connector.perform({
      kind: 'domain.blocks_reconcile',
      changes: [
        { domain: 'bad.example', target: { ...SUSPEND, severity: 'bogus' as never } },
        { domain: 'fine.example', target: SUSPEND },
      ],
    });
    expect(result.domainBlocks?.[0]).toMatchObject({ domain: 'bad.example', ok: false, error: expect.stringMatching(/Severity/), block: null });
    expect(result.domainBlocks?.[1]).toMatchObject({ domain: 'fine.example', ok: true });
    expect((await fakeBlocks(setup)).map((b) => b.domain)).toEqual(['fine.example']);
  });

  it('fails the whole action when the token may not manage federation', async () => {
    setup = await withFake({ reports: 0, rolePermissions: { manageReports: true, manageUsers: true, manageFederation: false, deleteUserData: false } });
    const e = await caught(() => setup!.connector.perform({ kind: 'domain.blocks_reconcile', changes: [{ domain: 'x.example', target: SUSPEND }] }));
    expect(e).toMatchObject({ code: 'forbidden' });
  });
});
