import { requireApiActor } from '@/lib/auth/current-actor';
import { verifyAudit } from '@/lib/audit/verify-audit';
import { handle, json } from '@/lib/http/route';

export async function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    return json(await verifyAudit({ ctx: { actor } }));
  });
}
