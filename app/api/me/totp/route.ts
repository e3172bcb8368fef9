import { requireApiActor } from '@/lib/auth/current-actor';
import { disableTotp, disableTotpInput } from '@/lib/auth/totp/disable-totp';
import { getTotpStatus } from '@/lib/auth/totp/get-totp-status';
import { handle, json, parseJson } from '@/lib/http/route';

// Open to someone who must still enrol (they are sent here to do exactly that).
export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer', { enrolment: true });
    return json(await getTotpStatus(actor.id));
  });
}

export async function DELETE(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer', { enrolment: true });
    return json(await disableTotp({ ctx: { actor }, input: await parseJson(req, disableTotpInput) }));
  });
}
