import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json } from '@/lib/http/route';
import { queueHealth } from '@/lib/queue/queue-health';

export async function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    return json(await queueHealth({ ctx: { actor } }));
  });
}
