/** A lead lifts a colleague's exposure limit for some hours (audited as exposure.limit_lifted by the verb). */
import { requireApiActor } from '@/lib/auth/current-actor';
import { liftLimit, liftLimitInput } from '@/lib/exposure/lift-limit';
import { handle, json, parseJson } from '@/lib/http/route';

export async function POST(req: Request): Promise<Response> {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const input = await parseJson(req, liftLimitInput);
    return json(await liftLimit({ ctx: { actor }, input }), { status: 201 });
  });
}
