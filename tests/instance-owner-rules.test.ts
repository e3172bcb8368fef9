/**
 * Issue 8 points 4 and 7c: only owners (and the CLI's system actor) may mark an instance as a local test host,
 * audited; `/instances/<id>` answers 400 for a malformed id and 404 for an instance the user cannot see.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { addInstance } from '@/lib/instances/add-instance';
import { getInstance } from '@/lib/instances/get-instance';
import { updateInstance } from '@/lib/instances/update-instance';
import { startFakeMastodon, type FakeMastodon } from '@/e2e/fakes/mastodon/server';
import { connectedFake, persistActor, systemActor, userActor } from './support/fixtures';

vi.mock('@/lib/jobs/enqueue', () => ({ enqueueInstanceSync: vi.fn(async () => undefined) }));
import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
const { GET: instanceGet } = await import('@/app/api/instances/[id]/route');

const owner = userActor('owner', null, '00000000-0000-4000-8000-0000000000a1');
const admin = userActor('admin', null, '00000000-0000-4000-8000-0000000000a2');
let fake: FakeMastodon;
const stopped: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  await persistActor(owner);
  await persistActor(admin);
  fake = await startFakeMastodon({ reports: 1, seed: 31 });
});
afterAll(async () => {
  await fake.close();
  for (const f of stopped) await f.close();
});

describe('allow-private is for owners', () => {
  it('refuses an admin, accepts an owner, and audits the flag', async () => {
    const input = { kind: 'auto' as const, baseUrl: fake.url, token: fake.token, allowPrivate: true };
    await expect(addInstance({ ctx: { actor: admin }, input })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.instance.count({ where: { baseUrl: fake.url } })).toBe(0);
    const added = await addInstance({ ctx: { actor: owner }, input });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'instance.added', targetId: added.id } });
    expect(event.details).toMatchObject({ allowPrivate: true });
  });

  it('lets only an owner change the flag on update; a no-op resend from the form is fine', async () => {
    const { fake: f, instanceId } = await connectedFake({ reports: 1, seed: 32 }, false);
    stopped.push(f);
    await expect(updateInstance({ ctx: { actor: admin }, input: { id: instanceId, allowPrivate: true } })).rejects.toMatchObject({ code: 'forbidden' });
    await updateInstance({ ctx: { actor: admin }, input: { id: instanceId, allowPrivate: false, name: 'renamed' } });
    await updateInstance({ ctx: { actor: owner }, input: { id: instanceId, allowPrivate: true } });
    expect((await db.instance.findUniqueOrThrow({ where: { id: instanceId } })).allowPrivate).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'instance.updated', targetId: instanceId, actorId: owner.type === 'user' ? owner.id : '' } });
    expect(event.details).toMatchObject({ changed: ['allowPrivate'], allowPrivate: true });
    await updateInstance({ ctx: { actor: systemActor }, input: { id: instanceId, allowPrivate: false } }); // the CLI
    expect((await db.instance.findUniqueOrThrow({ where: { id: instanceId } })).allowPrivate).toBe(false);
  });
});

describe('/instances/<id> for malformed, unknown and invisible ids', () => {
  it('answers 400, 404 and 404 (never 500), like an unknown id for an invisible one', async () => {
    const visible = await db.instance.create({ data: { name: 'seen', kind: 'mastodon', baseUrl: 'https://seen.example', domain: 'seen.example', tokenSealed: 'x', webhookSecretSealed: 'x' } });
    const hidden = await db.instance.create({ data: { name: 'hidden', kind: 'mastodon', baseUrl: 'https://hidden.example', domain: 'hidden.example', tokenSealed: 'x', webhookSecretSealed: 'x' } });
    const limited = userActor('moderator', [visible.id]);
    await expect(getInstance({ ctx: { actor: limited }, input: { id: 'not-a-uuid' } })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(getInstance({ ctx: { actor: limited }, input: { id: hidden.id } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(getInstance({ ctx: { actor: limited }, input: { id: '00000000-0000-4000-8000-00000000ffff' } })).rejects.toMatchObject({ code: 'not_found' });
    expect((await getInstance({ ctx: { actor: limited }, input: { id: visible.id } })).name).toBe('seen');

    session.actor = limited as UserActor;
    const get = (id: string) => instanceGet(new Request(`http://app.test/api/instances/${id}`), { params: Promise.resolve({ id }) });
    expect((await get('not-a-uuid')).status).toBe(400);
    expect((await get("1' or '1'='1")).status).toBe(400);
    expect((await get(hidden.id)).status).toBe(404);
    expect((await get('00000000-0000-4000-8000-00000000ffff')).status).toBe(404);
    expect((await get(visible.id)).status).toBe(200);
  });
});
