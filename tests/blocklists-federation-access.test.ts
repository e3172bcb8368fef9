/**
 * Federation access: owners and admins grant it to moderators (never to viewers), it is read fresh on every check
 * (a revoke works at once), and it is audited. Also the mirror rules of a blocks read: a block that vanished from
 * the server is dropped, a list-made block keeps its provenance, a new one is hand-made.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeMastodon } from '@/e2e/fakes/mastodon/server';
import { db } from '@/lib/db';
import { canApplyBlocklists } from '@/lib/blocklists/federation-access';
import { syncInstanceBlocks } from '@/lib/blocklists/sync-instance-blocks';
import { requestBlocksSync } from '@/lib/blocklists/request-blocks-sync';
import { setFederationAccess } from '@/lib/users/set-federation-access';
import { connectedFake, persistActor, systemActor, userActor } from './support/fixtures';

const admin = userActor('admin', null, '00000000-0000-4000-8000-0000000000d1');
const moderator = userActor('moderator', null, '00000000-0000-4000-8000-0000000000d2');
const viewer = userActor('viewer', null, '00000000-0000-4000-8000-0000000000d3');
const idOf = (a: typeof admin) => (a.type === 'user' ? a.id : '');

let fake: FakeMastodon;
let instanceId: string;
beforeAll(async () => {
  for (const a of [admin, moderator, viewer]) await persistActor(a);
  ({ fake, instanceId } = await connectedFake({ reports: 0, seed: 151 }));
}, 60_000);
afterAll(async () => { await fake?.close(); });

describe('federation access', () => {
  it('owners, admins and the system have it; moderators only when granted; viewers never', async () => {
    expect(await canApplyBlocklists(admin)).toBe(true);
    expect(await canApplyBlocklists(userActor('owner'))).toBe(true);
    expect(await canApplyBlocklists(systemActor)).toBe(true);
    expect(await canApplyBlocklists(moderator)).toBe(false);
    expect(await canApplyBlocklists(viewer)).toBe(false);
  });

  it('a grant works at once, a revoke too, both audited; viewers cannot be granted; moderators cannot grant', async () => {
    await expect(setFederationAccess({ ctx: { actor: moderator }, input: { userId: idOf(moderator), granted: true } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setFederationAccess({ ctx: { actor: admin }, input: { userId: idOf(viewer), granted: true } })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(setFederationAccess({ ctx: { actor: admin }, input: { userId: 'nope', granted: true } })).rejects.toMatchObject({ code: 'bad_request' });
    expect(await setFederationAccess({ ctx: { actor: admin }, input: { userId: idOf(moderator), granted: true } })).toEqual({ federationAccess: true });
    expect(await canApplyBlocklists(moderator)).toBe(true);
    await setFederationAccess({ ctx: { actor: admin }, input: { userId: idOf(moderator), granted: false } });
    expect(await canApplyBlocklists(moderator)).toBe(false);
    const events = await db.auditEvent.findMany({ where: { action: 'user.federation_access_changed', targetId: idOf(moderator) }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => (e.details as { to: boolean }).to)).toEqual([true, false]);
  });
});

describe('reading an instance\'s blocks into the mirror', () => {
  const post = (domain: string) => fetch(`${fake.url}/__fake/domain-blocks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ domain, severity: 'suspend' }) });

  it('new blocks are hand-made; a list-made one keeps its provenance; a vanished one is dropped', async () => {
    expect((await post('one.example')).status).toBe(200);
    expect((await post('two.example')).status).toBe(200);
    const first = await syncInstanceBlocks(instanceId);
    expect(first.added).toBeGreaterThanOrEqual(2);
    await db.instanceDomainBlock.update({ where: { instanceId_domain: { instanceId, domain: 'two.example' } }, data: { origin: 'list', sourceIds: ['s1'], lastSeenAt: new Date(0) } });
    expect((await fetch(`${fake.url}/__fake/domain-blocks/one.example`, { method: 'DELETE' })).status).toBe(200);
    const second = await syncInstanceBlocks(instanceId);
    expect(second).toMatchObject({ added: 0, removed: 1 });
    const rows = await db.instanceDomainBlock.findMany({ where: { instanceId, domain: { in: ['one.example', 'two.example'] } } });
    expect(rows.map((r) => [r.domain, r.origin, r.sourceIds])).toEqual([['two.example', 'list', ['s1']]]);
  });

  it('a read that fails is recorded on the instance and reported per instance', async () => {
    await db.instance.update({ where: { id: instanceId }, data: { baseUrl: 'http://127.0.0.1:9' } });
    const { results } = await requestBlocksSync({ ctx: { actor: moderator }, input: {} });
    expect(results).toHaveLength(1);
    expect(results[0].ok).toBe(false);
    expect((await db.instance.findUniqueOrThrow({ where: { id: instanceId } })).domainBlocksError).toBeTruthy();
    await expect(requestBlocksSync({ ctx: { actor: viewer }, input: {} })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(requestBlocksSync({ ctx: { actor: moderator }, input: { instanceIds: ['x'] } })).rejects.toMatchObject({ code: 'bad_request' });
  });
});
