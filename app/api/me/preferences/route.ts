import { handle, json, parseJson } from '@/lib/http/route';
import { getUserPreferences, requireApiActor } from '@/lib/auth/current-actor';
import { updatePreferences, updatePreferencesInput } from '@/lib/users/update-preferences';

export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req);
    return json(await getUserPreferences(actor.id));
  });
}

export async function PATCH(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req);
    const input = await parseJson(req, updatePreferencesInput);
    return json(await updatePreferences({ ctx: { actor }, input }));
  });
}
