import { requireApiActor } from '@/lib/auth/current-actor';
import { testSsoIssuer, testSsoIssuerInputSchema } from '@/lib/auth/sso/test-sso-issuer';
import { handle, json, parseJson } from '@/lib/http/route';

/** Admins: fetch the issuer's discovery document (SSRF-safe) and report whether it matches. */
export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const input = await parseJson(req, testSsoIssuerInputSchema);
    return json(await testSsoIssuer({ ctx: { actor }, input }));
  });
}
