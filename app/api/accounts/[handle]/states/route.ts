import { requireApiActor } from '@/lib/auth/current-actor';
import { actionProgress } from '@/lib/actors/action-progress';
import { getAccountStates } from '@/lib/actors/get-account-states';
import { decodeSegment } from '@/lib/actors/handle';
import { handle, json } from '@/lib/http/route';

/**
 * Just the per-instance states (the report page's card). `?actions=a,b` also answers the status of those actions,
 * which the apply-everywhere panel follows until each is done or failed.
 */
export async function GET(req: Request, ctx: { params: Promise<{ handle: string }> }): Promise<Response> {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const raw = decodeSegment((await ctx.params).handle);
    const wanted = new URL(req.url).searchParams.get('actions');
    const [states, actions] = await Promise.all([
      getAccountStates({ ctx: { actor }, input: { handle: raw } }),
      wanted ? actionProgress({ ctx: { actor }, input: { actionIds: wanted.split(',').filter(Boolean) } }) : Promise.resolve([]),
    ]);
    return json({ ...states, actions });
  });
}
