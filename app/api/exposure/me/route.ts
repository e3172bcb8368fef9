/** One's own exposure: counts and times for the personal chart, never content. */
import { requireApiActor } from '@/lib/auth/current-actor';
import { getMyExposure } from '@/lib/exposure/get-my-exposure';
import { handle, json } from '@/lib/http/route';

export async function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    return json(await getMyExposure({ ctx: { actor } }));
  });
}
