/**
 * "Test issuer": fetch the issuer's discovery document through the SSRF-safe fetcher and say, in plain words,
 * whether it names itself as the same issuer and which endpoints it offers. The issuer typed in the form may be
 * tested before saving; the private-address exemption applies only to the saved issuer an owner marked.
 */
import { z } from 'zod';
import type { Ctx } from '@/lib/audit/actor';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { isAppError } from '@/lib/errors';
import { DEFAULT_FETCH_POLICY, exemptOriginFor } from '@/lib/net/fetch-policy';
import { safeFetch } from '@/lib/net/safe-fetch';
import { checkIssuer } from './sso-input';
import { readStoredSso } from './sso-stored';

export const testSsoIssuerInputSchema = z.strictObject({ issuer: z.string().max(500).optional() });

export interface SsoIssuerTestResult {
  ok: boolean;
  detail: string;
  issuerMatches: boolean;
  endpoints: { authorization: string | null; token: string | null; userinfo: string | null; jwks: string | null };
  checkedAt: string;
}

const discoverySchema = z.object({
  issuer: z.string(),
  authorization_endpoint: z.string().optional(),
  token_endpoint: z.string().optional(),
  userinfo_endpoint: z.string().optional(),
  jwks_uri: z.string().optional(),
  scopes_supported: z.array(z.string()).optional(),
});

export async function testSsoIssuer({ ctx, input }: { ctx: Ctx; input: z.input<typeof testSsoIssuerInputSchema> }): Promise<SsoIssuerTestResult> {
  assertAllowed(hasRole(ctx.actor, 'admin'), 'settings.sso.test');
  const saved = await readStoredSso();
  const typed = input.issuer?.trim() || saved.issuer;
  const none = { authorization: null, token: null, userinfo: null, jwks: null };
  const fail = (detail: string) => ({ ok: false, detail, issuerMatches: false, endpoints: none, checkedAt: new Date().toISOString() });
  if (!typed) return fail('Enter an issuer address first.');
  const exempt = saved.allowPrivate && typed.replace(/\/$/, '') === saved.issuer;
  let issuer: string;
  try {
    issuer = checkIssuer(typed, exempt);
  } catch (e) {
    return fail(isAppError(e) ? e.userMessage : 'The issuer address is not valid.');
  }
  const policy = { ...DEFAULT_FETCH_POLICY, maxBytes: 256 * 1024, timeoutMs: 10_000, exemptOrigin: exemptOriginFor({ baseUrl: issuer, allowPrivate: exempt }) };
  let body: unknown;
  try {
    const res = await safeFetch(`${issuer}/.well-known/openid-configuration`, { headers: { accept: 'application/json' }, policy });
    if (!res.ok) return fail(`The issuer answered HTTP ${res.status} for its discovery document.`);
    body = await res.json();
  } catch (e) {
    if (isAppError(e) && e.code === 'ssrf_blocked') return fail('That address is private or local; only an owner can allow a local test issuer.');
    return fail('The issuer could not be reached, or did not answer with JSON.');
  }
  const doc = discoverySchema.safeParse(body);
  if (!doc.success) return fail('The discovery document is not an OpenID Connect configuration.');
  const issuerMatches = doc.data.issuer.replace(/\/$/, '') === issuer;
  const endpoints = {
    authorization: doc.data.authorization_endpoint ?? null, token: doc.data.token_endpoint ?? null,
    userinfo: doc.data.userinfo_endpoint ?? null, jwks: doc.data.jwks_uri ?? null,
  };
  const complete = endpoints.authorization !== null && endpoints.token !== null && endpoints.jwks !== null;
  const ok = issuerMatches && complete;
  const detail = !issuerMatches
    ? `The document names a different issuer (${doc.data.issuer}); sign-in would fail. Use exactly that address.`
    : complete ? 'The issuer answered with a valid OpenID Connect configuration.' : 'The configuration lacks an authorization, token or keys endpoint.';
  return { ok, detail, issuerMatches, endpoints, checkedAt: new Date().toISOString() };
}
