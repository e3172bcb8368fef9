import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json } from '@/lib/http/route';
import { cancelAction } from '@/lib/actions/cancel-action';

/** Undo an action still in its hold window; 409 with words when the worker already took it. */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    return json(await cancelAction({ ctx: { actor }, input: { actionId: z.uuid().parse((await params).id) } }));
  });
}
