/**
 * Issue 15 safer defaults through the real route and database: severe items as hashes is on for a new person,
 * PATCH /api/me/preferences turns it off (audited, like every media preference, since it changes what the person is
 * shown) and on again, refuses junk, and the preferences carry the team's severe level for the media displays.
 * The session layer is a stub; everything else is real.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { actorFor, makeUser } from './queue-fixtures';
import { jsonRequest } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));

const route = await import('@/app/api/me/preferences/route');
const { getUserPreferences } = await import('@/lib/auth/current-actor');

let mod: UserActor;
beforeAll(async () => {
  mod = actorFor(await makeUser('moderator'));
});
const patch = (body: unknown) => route.PATCH(jsonRequest('/api/me/preferences', 'PATCH', body));

describe('PATCH /api/me/preferences severeAsHashes', () => {
  it('is on by default and carries the team’s severe level', async () => {
    expect(await getUserPreferences(mod.id)).toMatchObject({ severeAsHashes: true, severeAt: 4 });
  });

  it('turns off and on again, saved and audited with before and after', async () => {
    session.actor = mod;
    const off = await patch({ severeAsHashes: false });
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ severeAsHashes: false, blurMedia: true, grayscaleMedia: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: mod.id } })).severeAsHashes).toBe(false);
    const [ev] = await db.auditEvent.findMany({ where: { actorId: mod.id, action: 'user.preferences_updated' } });
    expect(ev.details).toMatchObject({ from: { severeAsHashes: true }, to: { severeAsHashes: false } });

    const on = await patch({ severeAsHashes: true });
    expect(await on.json()).toMatchObject({ severeAsHashes: true });
    expect(await db.auditEvent.count({ where: { actorId: mod.id, action: 'user.preferences_updated' } })).toBe(2);
    const get = await route.GET(jsonRequest('/api/me/preferences'));
    expect(await get.json()).toMatchObject({ severeAsHashes: true, severeAt: 4 });
  });

  it.each([[{ severeAsHashes: 'no' }], [{ severeAsHashes: null }], [{ severeAt: 5 }]])('refuses %j with a 400 and changes nothing', async (body) => {
    session.actor = mod;
    const res = await patch(body);
    expect(res.status).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: mod.id } })).severeAsHashes).toBe(true);
  });

  it('needs a session', async () => {
    session.actor = null;
    expect((await patch({ severeAsHashes: false })).status).toBe(401);
  });
});
