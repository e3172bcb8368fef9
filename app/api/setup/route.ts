import { z } from 'zod';
import { handle, json, parseJson } from '@/lib/http/route';
import { assertSameOrigin } from '@/lib/auth/same-origin';
import { consumeSetupToken, ownerInputSchema } from '@/lib/auth/setup-token';

const body = ownerInputSchema.extend({ token: z.string().min(1).max(200) });

// First run: the one-time token printed in the server log is the credential.
export async function POST(req: Request) {
  return handle(async () => {
    assertSameOrigin(req);
    const { token, ...owner } = await parseJson(req, body);
    const user = await consumeSetupToken(token, owner);
    return json({ email: user.email }, { status: 201 });
  });
}
