/**
 * The request body of PUT /api/settings/sso, and the issuer address rule. A blank secret keeps the stored one.
 * NUL cannot be stored in Postgres jsonb, so it is dropped from every string.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { SSO_ROLES } from './sso-stored';

const noNul = (s: string) => s.replaceAll('\u0000', '');
const text = (max: number) => z.string().transform((s) => noNul(s).trim()).pipe(z.string().max(max, `At most ${max} characters.`));

export const ssoSettingsInputSchema = z.strictObject({
  enabled: z.boolean(),
  issuer: text(500),
  clientId: text(300),
  clientSecret: z.string().transform(noNul).pipe(z.string().max(1000, 'At most 1000 characters.')).optional(),
  label: text(60),
  groupsClaim: text(100).pipe(z.string().min(1, 'Name the claim that carries the groups (usually "groups").')).optional(),
  groupsScope: text(100).pipe(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]*$/, 'A scope is one word without spaces or quotes.')).optional(),
  roleMap: z.array(z.strictObject({ group: text(200).pipe(z.string().min(1, 'Every mapping row needs a group name.')), role: z.enum(SSO_ROLES, { error: 'Single sign-on maps to viewer, moderator or admin, never owner.' }) })).max(50),
  allowPrivate: z.boolean().optional(),
});

export type SsoSettingsInput = z.input<typeof ssoSettingsInputSchema>;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * https always; plain http only for a loopback host an owner marked as a local test issuer (like instances'
 * --allow-private), because tokens and the client secret travel over it. Returns the issuer without a trailing slash.
 */
export function checkIssuer(raw: string, allowPrivate: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw bad('Enter the issuer as a full https:// address.');
  }
  if (url.username || url.password || url.search || url.hash) throw bad('The issuer address cannot carry a user, a query or a fragment.');
  const loopback = LOOPBACK.has(url.hostname);
  if (url.protocol === 'http:' && !(allowPrivate && loopback)) throw bad('The issuer must use https (plain http only for a local test issuer on this machine).');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw bad('The issuer must use https.');
  return url.href.replace(/\/$/, '');
}

function bad(userMessage: string): AppError {
  return new AppError('bad_request', 'sso settings: bad issuer', { userMessage });
}
