import { requireApiActor } from '@/lib/auth/current-actor';
import { setupTotp } from '@/lib/auth/totp/setup-totp';
import { handle, json } from '@/lib/http/route';

export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer', { enrolment: true });
    return json(await setupTotp({ ctx: { actor } }));
  });
}
