import { requireApiActor } from '@/lib/auth/current-actor';
import { getIdentitySettings, updateIdentitySettings } from '@/lib/team/identity-settings';
import { updateIdentitySettingsInput } from '@/lib/team/identity-settings-schema';
import { handle, json, parseJson } from '@/lib/http/route';

export async function GET(req: Request) {
  return handle(async () => {
    await requireApiActor(req, 'viewer');
    return json(await getIdentitySettings());
  });
}

export async function PUT(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const input = await parseJson(req, updateIdentitySettingsInput);
    return json(await updateIdentitySettings({ ctx: { actor }, input }));
  });
}
