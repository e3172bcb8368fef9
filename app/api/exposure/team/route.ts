/** The team's exposure for leads: counts per person, never content. */
import { requireApiActor } from '@/lib/auth/current-actor';
import { getTeamExposure } from '@/lib/exposure/get-team-exposure';
import { handle, json } from '@/lib/http/route';

export async function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    return json(await getTeamExposure({ ctx: { actor } }));
  });
}
