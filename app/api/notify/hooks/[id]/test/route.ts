import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json } from '@/lib/http/route';
import { testHook } from '@/lib/notify/test-hook';

const idParams = z.object({ id: z.uuid() });

/** "Send test": synchronous (a 10 s timeout at most), so the page shows the receiver's answer at once. */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const { id } = idParams.parse(await params);
    return json(await testHook({ ctx: { actor }, input: { id } }));
  });
}
