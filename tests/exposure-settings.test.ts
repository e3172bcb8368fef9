/**
 * Issue 15: the team's exposure limits (Setting 'exposure.limits'): defaults, validation at the route and in the
 * verb, admins only, audited as settings.exposure.updated {from, to}; the exposure routes' roles. The session
 * layer is a stub applying the real role rule; everything else is real (Postgres, verbs, route handlers).
 */
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { getExposureLimits, updateExposureLimits } from '@/lib/exposure/limits-settings';
import { person } from './exposure-fixtures';
import { jsonRequest as req } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
const settingsRoute = await import('@/app/api/settings/exposure/route');
const liftsRoute = await import('@/app/api/exposure/lifts/route');
const meRoute = await import('@/app/api/exposure/me/route');
const teamRoute = await import('@/app/api/exposure/team/route');

describe('exposure limits settings', () => {
  it('defaults, then an admin change that is audited with from and to', async () => {
    expect(await getExposureLimits()).toEqual({ severeAt: 4, maxSevereRevealsPerDay: 20, pauseAfterSevereMinutes: null });
    const admin = await person('admin');
    session.actor = admin.actor;
    const res = await settingsRoute.PUT(req('/api/settings/exposure', 'PUT', { maxSevereRevealsPerDay: 10, pauseAfterSevereMinutes: 30 }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ severeAt: 4, maxSevereRevealsPerDay: 10, pauseAfterSevereMinutes: 30 });
    const off = await settingsRoute.PUT(req('/api/settings/exposure', 'PUT', { maxSevereRevealsPerDay: null }));
    expect(await off.json()).toEqual({ severeAt: 4, maxSevereRevealsPerDay: null, pauseAfterSevereMinutes: 30 });
    const events = await db.auditEvent.findMany({ where: { action: 'settings.exposure.updated' }, orderBy: { seq: 'asc' } });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ actorId: admin.user.id, targetType: 'setting', targetId: 'exposure.limits' });
    expect(events[0].details).toEqual({ from: { severeAt: 4, maxSevereRevealsPerDay: 20, pauseAfterSevereMinutes: null }, to: { severeAt: 4, maxSevereRevealsPerDay: 10, pauseAfterSevereMinutes: 30 } });

    session.actor = (await person('viewer')).actor;
    expect(await (await settingsRoute.GET(req('/api/settings/exposure'))).json()).toEqual({ severeAt: 4, maxSevereRevealsPerDay: null, pauseAfterSevereMinutes: 30 });
  });

  it('refuses values out of range and unknown fields, changing nothing', async () => {
    const admin = await person('admin');
    session.actor = admin.actor;
    const before = await getExposureLimits();
    const count = await db.auditEvent.count({ where: { action: 'settings.exposure.updated' } });
    for (const body of [{ severeAt: 0 }, { severeAt: 6 }, { severeAt: 3.5 }, { maxSevereRevealsPerDay: 0 }, { maxSevereRevealsPerDay: 1001 },
      { pauseAfterSevereMinutes: 0 }, { pauseAfterSevereMinutes: 1441 }, { severeAt: '4' }, { other: 1 }, 'not json']) {
      expect((await settingsRoute.PUT(req('/api/settings/exposure', 'PUT', body))).status, JSON.stringify(body)).toBe(400);
    }
    await expect(updateExposureLimits({ ctx: { actor: admin.actor }, input: { severeAt: 9 } })).rejects.toBeTruthy();
    expect(await getExposureLimits()).toEqual(before);
    expect(await db.auditEvent.count({ where: { action: 'settings.exposure.updated' } })).toBe(count);
    // The edges are allowed.
    expect((await settingsRoute.PUT(req('/api/settings/exposure', 'PUT', { severeAt: 5, maxSevereRevealsPerDay: 1000, pauseAfterSevereMinutes: 1440 }))).status).toBe(200);
    expect((await settingsRoute.PUT(req('/api/settings/exposure', 'PUT', { severeAt: 1, maxSevereRevealsPerDay: 1, pauseAfterSevereMinutes: 1 }))).status).toBe(200);
  });

  it('a stored value that no longer parses falls back field by field', async () => {
    await db.setting.upsert({ where: { key: 'exposure.limits' }, create: { key: 'exposure.limits', value: { severeAt: 'x', maxSevereRevealsPerDay: 7 } }, update: { value: { severeAt: 'x', maxSevereRevealsPerDay: 7 } } });
    expect(await getExposureLimits()).toEqual({ severeAt: 4, maxSevereRevealsPerDay: 7, pauseAfterSevereMinutes: null });
  });

  it('roles: moderators change no limits, lift nothing and see no team; everyone sees their own exposure', async () => {
    const mod = await person();
    session.actor = mod.actor;
    expect((await settingsRoute.PUT(req('/api/settings/exposure', 'PUT', { severeAt: 3 }))).status).toBe(403);
    await expect(updateExposureLimits({ ctx: { actor: mod.actor }, input: { severeAt: 3 } })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await liftsRoute.POST(req('/api/exposure/lifts', 'POST', { userId: mod.user.id, reason: 'x' }))).status).toBe(403);
    expect((await teamRoute.GET(req('/api/exposure/team'))).status).toBe(403);
    const me = await meRoute.GET(req('/api/exposure/me'));
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ days: expect.any(Array), weeks: expect.any(Array), status: { limited: false }, recent: [] });
    session.actor = null;
    expect((await meRoute.GET(req('/api/exposure/me'))).status).toBe(401);

    const admin = await person('admin');
    session.actor = admin.actor;
    expect((await teamRoute.GET(req('/api/exposure/team'))).status).toBe(200);
    expect((await liftsRoute.POST(req('/api/exposure/lifts', 'POST', { userId: mod.user.id, reason: 'x', hours: 0 }))).status).toBe(400);
    const lifted = await liftsRoute.POST(req('/api/exposure/lifts', 'POST', { userId: mod.user.id, reason: 'one more tonight' }));
    expect(lifted.status).toBe(201);
    expect(await lifted.json()).toMatchObject({ userId: mod.user.id, expiresAt: expect.any(String) });
    expect((await liftsRoute.POST(req('/api/exposure/lifts', 'POST', { userId: admin.user.id, reason: 'me' }))).status).toBe(403);
  });
});
