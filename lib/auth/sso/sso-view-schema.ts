/**
 * Client-safe schemas for the SSO settings card: the view the routes answer with and the "Test issuer" result
 * (no database or crypto imports here, so the browser bundle can parse answers instead of trusting them).
 */
import { z } from 'zod';

export const ssoRoleSchema = z.enum(['viewer', 'moderator', 'admin']);

export const ssoSettingsViewSchema = z.object({
  enabled: z.boolean(),
  issuer: z.string(),
  clientId: z.string(),
  hasSecret: z.boolean(),
  label: z.string(),
  groupsClaim: z.string(),
  groupsScope: z.string().optional(),
  roleMap: z.array(z.object({ group: z.string(), role: ssoRoleSchema })),
  callbackUrl: z.string(),
  allowPrivate: z.boolean().optional(),
});

export const ssoIssuerTestSchema = z.object({
  ok: z.boolean(),
  detail: z.string(),
  issuerMatches: z.boolean(),
  endpoints: z.object({ authorization: z.string().nullable(), token: z.string().nullable(), userinfo: z.string().nullable(), jwks: z.string().nullable() }),
  checkedAt: z.string(),
});
