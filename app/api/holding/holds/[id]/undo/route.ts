import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { undoHold } from '@/lib/holding/undo-hold';
import { handle, json } from '@/lib/http/route';

const idParams = z.object({ id: z.uuid() });
type Params = { params: Promise<{ id: string }> };

export async function POST(req: Request, { params }: Params) {
  return handle(async () => {
    // Moderators who can act on the item's instance; the verb checks canActOn.
    const actor = await requireApiActor(req, 'moderator');
    const { id } = idParams.parse(await params);
    return json({ hold: await undoHold({ ctx: { actor }, input: { holdId: id } }) });
  });
}
