/**
 * next-auth's jwt and session callbacks. `user` is what a provider returned,
 * present only at sign-in; later calls carry the token's own values. `sid` names this session for its whole life
 * (next-auth's own jti changes whenever the cookie is re-issued) and is the AuthSession row's id.
 */
import type { CallbacksOptions } from 'next-auth';
import { z } from 'zod';
import { startSession, type SessionMethod } from './start-session';

const signedInSchema = z.object({ id: z.uuid(), sessionVersion: z.number().int(), method: z.string().optional() });
const METHODS: readonly SessionMethod[] = ['password', 'password+totp', 'password+recovery', 'password+passkey', 'sso'];

export const jwtCallback: CallbacksOptions['jwt'] = async ({ token, user }) => {
  if (!user) return { sub: token.sub, sv: token.sv, sid: token.sid };
  const parsed = signedInSchema.safeParse(user);
  // A user without a readable version gets -1, which matches no user: fail closed.
  if (!parsed.success) return { sub: undefined, sv: -1, sid: undefined };
  const method = METHODS.find((m) => m === parsed.data.method) ?? 'password';
  const sid = await startSession({ userId: parsed.data.id, method });
  return { sub: parsed.data.id, sv: parsed.data.sessionVersion, sid };
};

// Only the id, version and session id leave the server: next-auth's default would add name and email.
export const sessionCallback: CallbacksOptions['session'] = ({ session, token }) => ({
  expires: session.expires,
  user: { id: token.sub ?? '' },
  sessionVersion: token.sv,
  sessionId: token.sid,
});
