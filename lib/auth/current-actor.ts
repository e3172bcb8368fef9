/**
 * The transports' one choke point for "who is asking". The session only names a user id and the session version it
 * was issued with; the user is loaded fresh on every request, so disabling someone or changing their role takes
 * effect immediately, and a session whose version is behind the user's (sign-out-everywhere, password, role change,
 * disable) or that was signed out (revoke-session.ts) is refused even though its cookie is still validly signed.
 */
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/audit/actor';
import { hasAnyUser } from '@/lib/users/has-users';
import { getAuthOptions } from './auth-options';
import { safeCallbackPath } from './callback-path';
import { clientIp } from './client-ip';
import { hasRole } from './policy';
import { isSessionRevoked } from './revoke-session';
import { assertSameOrigin } from './same-origin';

export type UserActor = Extract<Actor, { type: 'user' }>;
export type MinRole = 'viewer' | 'moderator' | 'admin' | 'owner';

const sessionSchema = z.object({ user: z.object({ id: z.uuid() }), sessionVersion: z.number().int(), sessionId: z.uuid() });

/** Memoized per request (layout and page both ask); outside a React request scope it simply runs. */
export const getActor: () => Promise<UserActor | null> = cache(async () => {
  const session = await getServerSession(await getAuthOptions());
  const h = await headers();
  return actorForSession(session, clientIp((name) => h.get(name)));
});

/** The check itself, apart from Next's request scope so tests can hand it a session read from a real cookie. */
export async function actorForSession(session: unknown, ip: string | null): Promise<UserActor | null> {
  const parsed = sessionSchema.safeParse(session);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({
    where: { id: parsed.data.user.id },
    select: { id: true, email: true, role: true, disabledAt: true, sessionVersion: true, limitedToInstances: true, instances: { select: { instanceId: true } } },
  });
  if (!user || user.disabledAt || user.sessionVersion !== parsed.data.sessionVersion) return null;
  if (await isSessionRevoked(parsed.data.sessionId)) return null;
  return {
    type: 'user',
    id: user.id,
    email: user.email,
    role: user.role,
    instanceIds: user.limitedToInstances ? user.instances.map((i) => i.instanceId) : null,
    ip,
  };
}

/** Route handlers: CSRF check for writes, then 401 without a session and 403 below `min`. */
export async function requireApiActor(req: Request, min: MinRole = 'viewer'): Promise<UserActor> {
  assertSameOrigin(req);
  const actor = await getActor();
  if (!actor) throw new AppError('unauthorized', 'no session');
  if (!hasRole(actor, min)) throw new AppError('forbidden', `role ${actor.role} below ${min}`);
  return actor;
}

/**
 * Server components. `callbackPath` brings the user back after signing in; without it the page falls back to
 * an `x-pathname` header (set by the proxy, if any). Pages that need more than 'viewer' use checkPageAccess
 * (page-access.ts), which tells a too-low role why the page is closed; the redirect home below is only a backstop
 * (`forbidden()` needs the experimental authInterrupts flag, and '/' only ever needs 'viewer', so it cannot loop).
 */
export async function requirePageActor(min: MinRole = 'viewer', callbackPath?: string): Promise<UserActor> {
  const actor = await getActor();
  if (!actor) {
    if (!(await hasAnyUser())) redirect('/setup');
    const back = safeCallbackPath(callbackPath ?? (await headers()).get('x-pathname'));
    redirect(back ? `/signin?callbackUrl=${encodeURIComponent(back)}` : '/signin');
  }
  if (!hasRole(actor, min)) redirect('/');
  return actor;
}

/** User.theme's values; components/layout/theme.ts (client-safe) holds the same list for the browser. */
export const USER_THEMES = ['system', 'light', 'dark'] as const;
export type UserTheme = (typeof USER_THEMES)[number];
export const userThemeSchema = z.enum(USER_THEMES, { error: 'Choose a theme: system, light or dark.' });

export interface UserPreferences { blurMedia: boolean; grayscaleMedia: boolean; theme: UserTheme }

export async function getUserPreferences(userId: string): Promise<UserPreferences> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { blurMedia: true, grayscaleMedia: true, theme: true } });
  // Safe defaults if the user vanished mid-request: media stays blurred and gray.
  if (!user) return { blurMedia: true, grayscaleMedia: true, theme: 'system' };
  const theme = userThemeSchema.safeParse(user.theme);
  return { blurMedia: user.blurMedia, grayscaleMedia: user.grayscaleMedia, theme: theme.success ? theme.data : 'system' };
}

/** A look, not a decision: not audited (contracts: user.theme_changed is not an audit event). */
export async function setUserTheme(userId: string, theme: UserTheme): Promise<UserTheme> {
  const parsed = userThemeSchema.parse(theme);
  const updated = await db.user.updateMany({ where: { id: userId }, data: { theme: parsed } });
  if (updated.count === 0) throw new AppError('not_found', 'user not found');
  return parsed;
}
