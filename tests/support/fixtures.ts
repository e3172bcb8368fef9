/** Shared integration-test helpers: a connected fake instance and system/user actors. */
import { startFakeMastodon, type FakeMastodon, type FakeMastodonOptions } from '@/e2e/fakes/mastodon/server';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { sealToken } from '@/lib/instances/token-box';

export const systemActor: Actor = { type: 'system', label: 'test' };

export function userActor(role: 'owner' | 'admin' | 'moderator' | 'viewer', instanceIds: string[] | null = null, id = '00000000-0000-4000-8000-000000000001'): Actor {
  return { type: 'user', id, email: `${role}@example.test`, role, instanceIds, ip: '127.0.0.1' };
}

/** Starts a fake and stores it as an instance directly (the add-instance verb has its own tests). */
export async function connectedFake(opts: FakeMastodonOptions = {}, allowPrivate = true): Promise<{ fake: FakeMastodon; instanceId: string }> {
  const fake = await startFakeMastodon(opts);
  const row = await db.instance.create({
    data: {
      name: fake.state.title, kind: 'mastodon', baseUrl: fake.url, domain: fake.state.domain, allowPrivate, status: 'ok',
      tokenSealed: await sealToken(fake.token, fake.url), webhookSecretSealed: await sealToken('whsecret-test', `${fake.url}#webhook`),
    },
  });
  return { fake, instanceId: row.id };
}

/** Actions reference their requester; integration tests that act need the user row to exist. */
export async function persistActor(actor: Actor): Promise<Actor> {
  if (actor.type !== 'user') return actor;
  await db.user.upsert({
    where: { id: actor.id },
    create: { id: actor.id, email: actor.email, role: actor.role, passwordHash: 'x' },
    update: {},
  });
  return actor;
}
