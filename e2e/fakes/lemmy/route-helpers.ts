/** Helpers shared by the v3, v4 and purge routes. */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Params } from '../mastodon/http';
import { FakeError, type Reply } from './route-types';
import type { FakeLemmyState } from './state';

export function parse<T>(schema: z.ZodType<T>, body: Params): T {
  const r = schema.safeParse(body);
  // Lemmy answers a body that does not deserialize with a plain-text 400; the fake uses its JSON shape.
  if (!r.success) throw new FakeError(400, 'couldnt_parse_body');
  return r.data;
}

export function positiveInt(v: unknown, fallback: number, max = 50): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback;
}

const login = z.object({ username_or_email: z.string(), password: z.string(), totp_2fa_token: z.string().optional() });

/** POST /api/v3/user/login and POST /api/v4/account/auth/login take and return the same shapes. */
export function loginHandler(state: FakeLemmyState, body: Params): Reply {
  const input = parse(login, body);
  if (input.username_or_email !== state.credentials.username || input.password !== state.credentials.password) {
    throw new FakeError(401, 'incorrect_login');
  }
  const jwt = `eyJfake.${randomBytes(18).toString('base64url')}.sig`;
  state.jwts.add(jwt);
  return { json: { jwt, registration_created: false, verify_email_sent: false } };
}
