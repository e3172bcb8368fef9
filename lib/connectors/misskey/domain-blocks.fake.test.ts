/** listDomainBlocks and domain.blocks_reconcile against the fake Misskey (admin/meta, admin/update-meta) over real HTTP. */
import { afterEach, describe, expect, it } from 'vitest';
import type { DomainBlockChange, DomainBlockTarget } from '../types';
import { withFake, type FakeSetup } from './test-support/with-fake';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

const target = (severity: DomainBlockTarget['severity']): DomainBlockTarget => ({ severity, rejectMedia: true, rejectReports: false, publicComment: 'spam', obfuscate: false });
const change = (domain: string, severity: DomainBlockTarget['severity'] | null): DomainBlockChange => ({ domain, target: severity ? target(severity) : null });
const block = (domain: string, severity: 'suspend' | 'silence') => ({ domain, remoteId: null, severity, rejectMedia: false, rejectReports: false, publicComment: null, obfuscate: false });
const metaWrites = (s: FakeSetup) => s.fake.state.records.filter((r) => r.endpoint === 'admin/update-meta');

async function control(s: FakeSetup, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${s.fake.url}/__fake/domain-blocks${path}`, {
    method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: await res.json() };
}

describe('misskey domain blocks', () => {
  it('lists blocked hosts as suspend and silenced hosts as silence, skipping entries that are not hosts', async () => {
    setup = await withFake({ reports: 0 });
    setup.fake.state.blockedHosts = ['bad.example', 'Both.Example', 'not a host!'];
    setup.fake.state.silencedHosts = ['both.example', 'loud.example'];
    const { blocks, skipped } = await setup.connector.listDomainBlocks!();
    expect(blocks).toEqual([block('bad.example', 'suspend'), block('both.example', 'suspend'), block('loud.example', 'silence')]);
    expect(skipped).toEqual([expect.objectContaining({ raw: 'not a host!', error: expect.stringContaining('blockedHosts') })]);
    expect(metaWrites(setup)).toEqual([]);
  });

  it('applies adds, moves and removals in ONE update-meta, reads back, and writes nothing when sent again', async () => {
    setup = await withFake({ reports: 0 });
    await control(setup, 'POST', '', { domain: 'hand.example' }); // made in Misskey's control panel
    await control(setup, 'POST', '', { domain: 'move.example', severity: 'silence' });
    setup.fake.state.blockedHosts.push('gone.example', 'not a host!');
    const changes = [
      change('New.Example', 'suspend'), change('quiet.example', 'silence'), change('move.example', 'suspend'),
      change('gone.example', null), change('never.example', null),
    ];
    const first = await setup.connector.perform({ kind: 'domain.blocks_reconcile', changes });
    expect(first.domainBlocks).toEqual([
      { domain: 'new.example', ok: true, block: block('new.example', 'suspend') },
      { domain: 'quiet.example', ok: true, block: block('quiet.example', 'silence') },
      { domain: 'move.example', ok: true, block: block('move.example', 'suspend') },
      { domain: 'gone.example', ok: true, block: null },
      { domain: 'never.example', ok: true, block: null },
    ]);
    expect(metaWrites(setup)).toEqual([
      expect.objectContaining({ body: { blockedHosts: ['hand.example', 'not a host!', 'new.example', 'move.example'], silencedHosts: ['quiet.example'] }, status: 204 }),
    ]);
    expect((await control(setup, 'GET', '')).json).toEqual([
      { domain: 'hand.example', severity: 'suspend', rejectMedia: false, rejectReports: false },
      { domain: 'move.example', severity: 'suspend', rejectMedia: false, rejectReports: false },
      { domain: 'new.example', severity: 'suspend', rejectMedia: false, rejectReports: false },
      { domain: 'not a host!', severity: 'suspend', rejectMedia: false, rejectReports: false }, // never ours to drop
      { domain: 'quiet.example', severity: 'silence', rejectMedia: false, rejectReports: false },
    ]);
    const again = await setup.connector.perform({ kind: 'domain.blocks_reconcile', changes });
    expect(again.domainBlocks).toEqual(first.domainBlocks);
    expect(metaWrites(setup)).toHaveLength(1); // a retry after a crash writes nothing
  });

  it('refuses lines it cannot express or parse, and the others still land', async () => {
    setup = await withFake({ reports: 0 });
    const result = await setup.connector.perform({
      kind: 'domain.blocks_reconcile', changes: [change('ok.example', 'suspend'), change('noop.example', 'noop'), change('bad host', 'suspend')],
    });
    expect(result.domainBlocks).toEqual([
      { domain: 'ok.example', ok: true, block: block('ok.example', 'suspend') },
      { domain: 'noop.example', ok: false, error: expect.stringContaining('no "noop"'), block: null },
      { domain: 'bad host', ok: false, error: 'Not a valid host name.', block: null },
    ]);
    expect(setup.fake.state.blockedHosts).toEqual(['ok.example']);
  });

  it('says "the server did not keep it" when the read-back lacks a host it was asked for', async () => {
    setup = await withFake({ reports: 0 });
    // A server that drops silenced hosts on write (as update-meta does for one also in blockedHosts).
    const real = setup.fake.state;
    const origin = Object.getOwnPropertyDescriptor(real, 'silencedHosts')!;
    let stored: string[] = origin.value as string[];
    Object.defineProperty(real, 'silencedHosts', { get: () => stored, set: (v: string[]) => void (stored = v.filter((h) => h !== 'dropped.example')) });
    const result = await setup.connector.perform({
      kind: 'domain.blocks_reconcile', changes: [change('dropped.example', 'silence'), change('kept.example', 'silence')],
    });
    expect(result.domainBlocks).toEqual([
      { domain: 'dropped.example', ok: false, error: 'The server did not keep it.', block: null },
      { domain: 'kept.example', ok: true, block: block('kept.example', 'silence') },
    ]);
  });

  it('needs an administrator and the meta permissions: a moderator-only account or a token without them throws', async () => {
    setup = await withFake({ reports: 0, admin: false });
    await expect(setup.connector.listDomainBlocks!()).rejects.toMatchObject({ code: 'forbidden', userMessage: expect.stringContaining('administrator') });
    await setup.fake.close();
    setup = await withFake({ reports: 0, permissions: ['read:admin:meta'] });
    await expect(setup.connector.perform({ kind: 'domain.blocks_reconcile', changes: [change('x.example', 'suspend')] }))
      .rejects.toMatchObject({ code: 'forbidden', userMessage: expect.stringContaining('write:admin:meta') });
    expect(setup.fake.state.blockedHosts).toEqual([]);
  });

  it('control routes: hand-made blocks by severity and their deletion', async () => {
    setup = await withFake({ reports: 0 });
    expect((await control(setup, 'POST', '', { domain: 'Loud.Example', severity: 'silence' })).json).toMatchObject({ domain: 'loud.example', severity: 'silence' });
    await control(setup, 'POST', '', { domain: 'bad.example' });
    expect(setup.fake.state).toMatchObject({ blockedHosts: ['bad.example'], silencedHosts: ['loud.example'] });
    expect((await control(setup, 'DELETE', '/loud.example')).status).toBe(200);
    expect((await control(setup, 'DELETE', '/loud.example')).status).toBe(404);
    expect((await control(setup, 'GET', '')).json).toEqual([{ domain: 'bad.example', severity: 'suspend', rejectMedia: false, rejectReports: false }]);
  });
});
