import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json } from '@/lib/http/route';
import { teamStats } from '@/lib/team-stats/team-stats';

/** GET ?days=7|30|90 (30 when absent): the leads' dashboard figures. Admins and the owner. */
export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const raw = new URL(req.url).searchParams.get('days');
    return json(await teamStats({ ctx: { actor }, input: { days: raw === null ? 30 : Number(raw) } }));
  });
}
