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
import { getExposureLimits } from '@/lib/exposure/limits-settings';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/audit/actor';
import { hasAnyUser } from '@/lib/users/has-users';
import { getAuthOptions } from './auth-options';
import { safeCallbackPath } from './callback-path';
import { clientIp } from './client-ip';
import { hasRole } from './policy';
import { assertSameOrigin } from './same-origin';
import { checkSession } from './sessions/check-session';
import { mustEnrolTwoFactor } from './totp/must-enrol';

export type UserActor = Extract<Actor, { type: 'user' }>;
export type MinRole = 'viewer' | 'moderator' | 'admin' | 'owner';

const sessionSchema = z.object({ user: z.object({ id: z.uuid() }), sessionVersion: z.number().int(), sessionId: z.uuid() });

/** Memoized per request (layout and page both ask); outside a React request scope it simply runs. */
export const getActor: () => Promise<UserActor | null> = cache(async () => {
  const session = await getServerSession(await getAuthOptions());
  const h = await headers();
  return actorForSession(session, clientIp((name) => h.get(name)), h.get('user-agent'));
});

/** The check itself, apart from Next's request scope so tests can hand it a session read from a real cookie. */
export async function actorForSession(session: unknown, ip: string | null, userAgent: string | null = null): Promise<UserActor | null> {
  const parsed = sessionSchema.safeParse(session);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({
    where: { id: parsed.data.user.id },
    select: {
      id: true, email: true, role: true, disabledAt: true, sessionVersion: true, limitedToInstances: true, totpEnabledAt: true, ssoSubject: true,
      instances: { select: { instanceId: true } },
    },
  });
  if (!user || user.disabledAt || user.sessionVersion !== parsed.data.sessionVersion) return null;
  // The session row: ended alone (sign-out, "end this session", password change elsewhere) or expired.
  if (!(await checkSession({ sessionId: parsed.data.sessionId, userId: user.id, ip, userAgent }))) return null;
  return {
    type: 'user',
    id: user.id,
    email: user.email,
    role: user.role,
    instanceIds: user.limitedToInstances ? user.instances.map((i) => i.instanceId) : null,
    ip,
    sessionId: parsed.data.sessionId,
    mustEnrol2fa: await mustEnrolTwoFactor(user),
  };
}

/** What an owner or admin the team requires a second factor of sees until they enrol one. */
export const ENROL_2FA_MESSAGE = 'Your team requires two-factor sign-in for owners and admins: set up an authenticator app or a passkey on the Security page first.';
export const SECURITY_PATH = '/settings/security';

export interface ActorOptions {
  /** The security page and its routes stay open to someone who must still enrol a second factor. */
  enrolment?: boolean;
}

/** Route handlers: CSRF check for writes, then 401 without a session and 403 below `min`. */
export async function requireApiActor(req: Request, min: MinRole = 'viewer', opts: ActorOptions = {}): Promise<UserActor> {
  assertSameOrigin(req);
  const actor = await getActor();
  if (!actor) throw new AppError('unauthorized', 'no session');
  if (actor.mustEnrol2fa && !opts.enrolment) throw new AppError('forbidden', 'second factor enrolment required', { userMessage: ENROL_2FA_MESSAGE });
  if (!hasRole(actor, min)) throw new AppError('forbidden', `role ${actor.role} below ${min}`);
  return actor;
}

/**
 * Server components. `callbackPath` brings the user back after signing in; without it the page falls back to
 * an `x-pathname` header (set by the proxy, if any). Pages that need more than 'viewer' use checkPageAccess
 * (page-access.ts), which tells a too-low role why the page is closed; the redirect home below is only a backstop
 * (`forbidden()` needs the experimental authInterrupts flag, and '/' only ever needs 'viewer', so it cannot loop).
 */
export async function requirePageActor(min: MinRole = 'viewer', callbackPath?: string, opts: ActorOptions = {}): Promise<UserActor> {
  const actor = await getActor();
  if (!actor) {
    if (!(await hasAnyUser())) redirect('/setup');
    const back = safeCallbackPath(callbackPath ?? (await headers()).get('x-pathname'));
    redirect(back ? `/signin?callbackUrl=${encodeURIComponent(back)}` : '/signin');
  }
  if (actor.mustEnrol2fa && !opts.enrolment) redirect(`${SECURITY_PATH}?enrol=required`);
  if (!hasRole(actor, min)) redirect('/');
  return actor;
}

/** User.theme's values; components/layout/theme.ts (client-safe) holds the same list for the browser. */
export const USER_THEMES = ['system', 'light', 'dark'] as const;
export type UserTheme = (typeof USER_THEMES)[number];
export const userThemeSchema = z.enum(USER_THEMES, { error: 'Choose a theme: system, light or dark.' });

/**
 * `severeAt` is the team's severe level (exposure limits), carried with the person's media defaults so every media
 * display applies severeAsHashes to the same items the queue treats as severe.
 */
export interface UserPreferences { blurMedia: boolean; grayscaleMedia: boolean; severeAsHashes: boolean; severeAt: number; theme: UserTheme }

export async function getUserPreferences(userId: string): Promise<UserPreferences> {
  const [user, limits] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { blurMedia: true, grayscaleMedia: true, severeAsHashes: true, theme: true } }),
    getExposureLimits(),
  ]);
  // Safe defaults if the user vanished mid-request: media stays blurred and gray, severe items as hashes.
  if (!user) return { blurMedia: true, grayscaleMedia: true, severeAsHashes: true, severeAt: limits.severeAt, theme: 'system' };
  const theme = userThemeSchema.safeParse(user.theme);
  return { blurMedia: user.blurMedia, grayscaleMedia: user.grayscaleMedia, severeAsHashes: user.severeAsHashes, severeAt: limits.severeAt, theme: theme.success ? theme.data : 'system' };
}

/** A look, not a decision: not audited (contracts: user.theme_changed is not an audit event). */
export async function setUserTheme(userId: string, theme: UserTheme): Promise<UserTheme> {
  const parsed = userThemeSchema.parse(theme);
  const updated = await db.user.updateMany({ where: { id: userId }, data: { theme: parsed } });
  if (updated.count === 0) throw new AppError('not_found', 'user not found');
  return parsed;
}
