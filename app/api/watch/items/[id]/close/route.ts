import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json, parseJson } from '@/lib/http/route';
import { closeWatchItem } from '@/lib/watch/close-watch-item';

type Params = { params: Promise<{ id: string }> };

const body = z.strictObject({ reopen: z.boolean().optional() });

export async function POST(req: Request, { params }: Params) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { id } = await params;
    // An empty POST closes; {"reopen": true} puts the item back on the queue.
    const input = req.body ? await parseJson(req, body) : {};
    return json(await closeWatchItem({ ctx: { actor }, input: { reportId: id, reopen: input.reopen } }));
  });
}
