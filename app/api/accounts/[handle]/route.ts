import { requireApiActor } from '@/lib/auth/current-actor';
import { getAccountProfile } from '@/lib/actors/get-account-profile';
import { decodeSegment } from '@/lib/actors/handle';
import { handle, json } from '@/lib/http/route';

/** The account page's data: state per instance, reports, posts with media, cases. Viewers may read it. */
export async function GET(req: Request, ctx: { params: Promise<{ handle: string }> }): Promise<Response> {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const raw = decodeSegment((await ctx.params).handle);
    return json(await getAccountProfile({ ctx: { actor }, input: { handle: raw } }));
  });
}
