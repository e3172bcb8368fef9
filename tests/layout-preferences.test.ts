/**
 * Issue 12 point 6: the theme preference through the real route and database. It is saved per user, mirrored in
 * the `theme` cookie for the root layout, refused when it is junk, and (a look, not a decision) never audited,
 * while the media preferences keep their audit trail. The session layer is a stub applying the real role rule.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { THEMES } from '@/components/layout/theme';
import { actorFor, makeUser } from './queue-fixtures';
import { jsonRequest } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));

const route = await import('@/app/api/me/preferences/route');
const { getUserPreferences, USER_THEMES } = await import('@/lib/auth/current-actor');

let viewer: UserActor;
beforeAll(async () => {
  viewer = actorFor(await makeUser('viewer'));
});

const patch = (body: unknown) => route.PATCH(jsonRequest('/api/me/preferences', 'PATCH', body));

describe('PATCH /api/me/preferences theme', () => {
  it('saves the theme for a viewer too, sets the cookie, and does not audit it', async () => {
    session.actor = viewer;
    expect(await getUserPreferences(viewer.id)).toMatchObject({ theme: 'system' });
    const res = await patch({ theme: 'dark' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ blurMedia: true, grayscaleMedia: true, severeAsHashes: true, severeAt: 4, theme: 'dark' });
    expect(res.headers.get('set-cookie')).toMatch(/^theme=dark; Path=\/; Max-Age=\d+; SameSite=Lax$/);
    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).theme).toBe('dark');
    expect(await db.auditEvent.count({ where: { actorId: viewer.id } })).toBe(0);

    const get = await route.GET(jsonRequest('/api/me/preferences'));
    expect(await get.json()).toMatchObject({ theme: 'dark' });
  });

  it('keeps auditing media preferences sent alongside a theme', async () => {
    session.actor = viewer;
    const res = await patch({ theme: 'light', grayscaleMedia: false });
    expect(await res.json()).toEqual({ blurMedia: true, grayscaleMedia: false, severeAsHashes: true, severeAt: 4, theme: 'light' });
    expect(await db.auditEvent.count({ where: { actorId: viewer.id, action: 'user.preferences_updated' } })).toBe(1);
    // No theme in the body: no cookie to rewrite.
    const media = await patch({ grayscaleMedia: true });
    expect(media.headers.get('set-cookie')).toBeNull();
  });

  it.each([
    [{ theme: 'purple' }],
    [{ theme: 'DARK' }],
    [{ theme: 1 }],
    [{ theme: null }],
    [{ colour: 'dark' }],
    ['not json'],
  ])('refuses %j with a clear 400 and changes nothing', async (body) => {
    session.actor = viewer;
    const before = (await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).theme;
    const res = await patch(body);
    expect(res.status).toBe(400);
    const err = (await res.json()) as { error: { code: string; message: string; issues?: { message: string }[] } };
    expect(err.error.code).toBe('bad_request');
    if (typeof body === 'object' && 'theme' in body && typeof body.theme === 'string') expect(err.error.issues?.[0]?.message).toBe('Choose a theme: system, light or dark.');
    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).theme).toBe(before);
  });

  it('needs a session', async () => {
    session.actor = null;
    expect((await patch({ theme: 'dark' })).status).toBe(401);
  });

  it('the browser and the database agree on the list of themes', () => {
    expect([...USER_THEMES]).toEqual([...THEMES]);
  });
});
