import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json } from '@/lib/http/route';
import { listQueue } from '@/lib/queue/list-queue';
import { queueInputSchema, searchParamsToRecord } from '@/lib/queue/queue-input';

export async function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const input = queueInputSchema.parse(searchParamsToRecord(new URL(req.url).searchParams));
    return json(await listQueue({ ctx: { actor }, input }));
  });
}
