import { requireApiActor } from '@/lib/auth/current-actor';
import { actionProgress } from '@/lib/actors/action-progress';
import { getDomainProfile } from '@/lib/actors/get-domain-profile';
import { decodeSegment } from '@/lib/actors/handle';
import { handle, json } from '@/lib/http/route';

/** The domain page's data; `?actions=a,b` also answers those actions' status (the apply panel follows them). */
export async function GET(req: Request, ctx: { params: Promise<{ domain: string }> }): Promise<Response> {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const raw = decodeSegment((await ctx.params).domain);
    const wanted = new URL(req.url).searchParams.get('actions');
    const [profile, actions] = await Promise.all([
      getDomainProfile({ ctx: { actor }, input: { domain: raw } }),
      wanted ? actionProgress({ ctx: { actor }, input: { actionIds: wanted.split(',').filter(Boolean) } }) : Promise.resolve([]),
    ]);
    return json({ ...profile, actions });
  });
}
