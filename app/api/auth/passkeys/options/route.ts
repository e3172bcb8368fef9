/**
 * The sign-in page's "Use a passkey" asks here, before any session exists. This static folder takes precedence
 * over next-auth's catch-all next to it. Same-origin only: the password check counts failures like sign-in does.
 */
import { handle, json, parseJson } from '@/lib/http/route';
import { assertSameOrigin } from '@/lib/auth/same-origin';
import { clientIp } from '@/lib/auth/client-ip';
import { signInOptions, signInOptionsInput } from '@/lib/auth/passkeys/sign-in-options';

export async function POST(req: Request) {
  return handle(async () => {
    assertSameOrigin(req);
    const input = await parseJson(req, signInOptionsInput, 16 * 1024);
    const ip = clientIp((name) => req.headers.get(name));
    return json(await signInOptions({ input: { ...input, ip } }));
  });
}
