import { requireApiActor } from '@/lib/auth/current-actor';
import { listHolds, listHoldsInput } from '@/lib/holding/list-holds';
import { handle, json } from '@/lib/http/route';

export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const sp = new URL(req.url).searchParams;
    const input = listHoldsInput.parse({ view: sp.get('view') ?? undefined, ruleId: sp.get('ruleId') ?? undefined, limit: sp.get('limit') ?? undefined });
    return json({ holds: await listHolds({ ctx: { actor }, input }) });
  });
}
