import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json } from '@/lib/http/route';
import { requestWatchScan } from '@/lib/watch/request-scan';

export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    return json(await requestWatchScan({ ctx: { actor } }), { status: 202 });
  });
}
