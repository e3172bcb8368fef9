import { requireApiActor } from '@/lib/auth/current-actor';
import { confirmTotp, totpCodeInput } from '@/lib/auth/totp/confirm-totp';
import { handle, json, parseJson } from '@/lib/http/route';

export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer', { enrolment: true });
    return json(await confirmTotp({ ctx: { actor }, input: await parseJson(req, totpCodeInput) }));
  });
}
