import { requireApiActor } from '@/lib/auth/current-actor';
import { getSignInPolicy } from '@/lib/auth/totp/sign-in-policy';
import { updateSignInPolicy, updateSignInPolicyInput } from '@/lib/auth/totp/update-sign-in-policy';
import { handle, json, parseJson } from '@/lib/http/route';

export async function GET(req: Request) {
  return handle(async () => {
    await requireApiActor(req, 'admin');
    return json(await getSignInPolicy());
  });
}

export async function PUT(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    return json(await updateSignInPolicy({ ctx: { actor }, input: await parseJson(req, updateSignInPolicyInput) }));
  });
}
