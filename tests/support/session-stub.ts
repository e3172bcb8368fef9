/**
 * The one stub of the session layer ('@/lib/auth/current-actor') for route and page tests. Sign-in itself is tested
 * with the auth code; here a test sets `session.actor` and the stub applies the real rules to it: 401 without a
 * session, 403 (ENROL_2FA_MESSAGE) for someone who must still enrol a second factor unless the caller passes
 * `{ enrolment: true }`, and 403 below the minimum role. Everything else (ENROL_2FA_MESSAGE, SECURITY_PATH,
 * USER_THEMES, getUserPreferences, ...) is the real module's unless a test overrides it.
 *
 *   import { session } from './support/session-stub';
 *   vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
 *
 * requireApiActor, requirePageActor and getActor are vi.fn()s, so a test can read what the routes asked for
 * (`vi.mocked(requireApiActor).mock.calls`). requirePageActor throws AppErrors instead of redirecting.
 */
import { vi } from 'vitest';
import type * as CurrentActor from '@/lib/auth/current-actor';
import type { ActorOptions, MinRole, UserActor } from '@/lib/auth/current-actor';
import { hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';

/** Who the stub says is signed in; null answers 401. Shared by the test file and its mocked module. */
export const session: { actor: UserActor | null } = { actor: null };

/** The choke point's rule, in the real order: session, then second-factor enrolment, then role. */
function check(min: MinRole, opts: ActorOptions, enrolMessage: string): UserActor {
  const actor = session.actor;
  if (!actor) throw new AppError('unauthorized', 'no session');
  if (actor.mustEnrol2fa && !opts.enrolment) throw new AppError('forbidden', 'second factor enrolment required', { userMessage: enrolMessage });
  if (!hasRole(actor, min)) throw new AppError('forbidden', `role ${actor.role} below ${min}`);
  return actor;
}

/** The mocked module: the real one with its session functions replaced by ones reading `session`. */
export async function currentActorMock(): Promise<typeof CurrentActor> {
  const real = await vi.importActual<typeof CurrentActor>('@/lib/auth/current-actor');
  return {
    ...real,
    getActor: vi.fn(async () => session.actor),
    requireApiActor: vi.fn(async (_req: Request, min: MinRole = 'viewer', opts: ActorOptions = {}) => check(min, opts, real.ENROL_2FA_MESSAGE)),
    requirePageActor: vi.fn(async (min: MinRole = 'viewer', _callbackPath?: string, opts: ActorOptions = {}) => check(min, opts, real.ENROL_2FA_MESSAGE)),
  };
}
