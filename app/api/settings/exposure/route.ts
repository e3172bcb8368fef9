/** The team's exposure limits: everyone signed in may read them (the queue explains them); admins change them. */
import { requireApiActor } from '@/lib/auth/current-actor';
import { updateExposureLimitsInput } from '@/lib/exposure/limits-schema';
import { getExposureLimits, updateExposureLimits } from '@/lib/exposure/limits-settings';
import { handle, json, parseJson } from '@/lib/http/route';

export async function GET(req: Request): Promise<Response> {
  return handle(async () => {
    await requireApiActor(req, 'viewer');
    return json(await getExposureLimits());
  });
}

export async function PUT(req: Request): Promise<Response> {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const input = await parseJson(req, updateExposureLimitsInput);
    return json(await updateExposureLimits({ ctx: { actor }, input }));
  });
}
