import { requireApiActor } from '@/lib/auth/current-actor';
import { totpCodeInput } from '@/lib/auth/totp/confirm-totp';
import { regenerateRecoveryCodes } from '@/lib/auth/totp/regenerate-recovery-codes';
import { handle, json, parseJson } from '@/lib/http/route';

export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer', { enrolment: true });
    return json(await regenerateRecoveryCodes({ ctx: { actor }, input: await parseJson(req, totpCodeInput) }));
  });
}
