import { handle, json, parseJson } from '@/lib/http/route';
import { assertSameOrigin } from '@/lib/auth/same-origin';
import { clientIp } from '@/lib/auth/client-ip';
import { acceptInvite, acceptInviteInput } from '@/lib/users/accept-invite';

// No session yet: the invite token is the credential. The origin check still applies (CSRF).
export async function POST(req: Request) {
  return handle(async () => {
    assertSameOrigin(req);
    const input = await parseJson(req, acceptInviteInput);
    const user = await acceptInvite({ input, ip: clientIp((n) => req.headers.get(n)) });
    return json({ email: user.email }, { status: 201 });
  });
}
