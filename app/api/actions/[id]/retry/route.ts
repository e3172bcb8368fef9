import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json } from '@/lib/http/route';
import { retryAction } from '@/lib/actions/retry-action';

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    await retryAction({ ctx: { actor }, input: { actionId: z.string().uuid().parse((await params).id) } });
    return json({ ok: true }, { status: 202 });
  });
}
