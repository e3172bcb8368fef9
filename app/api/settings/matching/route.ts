import { handle, json, parseJson } from '@/lib/http/route';
import { requireApiActor } from '@/lib/auth/current-actor';
import { getMatchSettings, updateMatchSettings } from '@/lib/matching/match-settings';
import { updateMatchSettingsInput } from '@/lib/matching/match-settings-schema';

export async function GET(req: Request) {
  return handle(async () => {
    await requireApiActor(req, 'moderator');
    return json(await getMatchSettings());
  });
}

export async function PUT(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const input = await parseJson(req, updateMatchSettingsInput);
    return json(await updateMatchSettings({ ctx: { actor }, input }));
  });
}
