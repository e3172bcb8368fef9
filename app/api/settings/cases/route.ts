import { requireApiActor } from '@/lib/auth/current-actor';
import { getCaseSettings, updateCaseSettings } from '@/lib/cases/case-settings';
import { updateCaseSettingsInput } from '@/lib/cases/case-settings-schema';
import { handle, json, parseJson } from '@/lib/http/route';

export async function GET(req: Request) {
  return handle(async () => {
    await requireApiActor(req, 'moderator');
    return json(await getCaseSettings());
  });
}

export async function PUT(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const input = await parseJson(req, updateCaseSettingsInput);
    return json(await updateCaseSettings({ ctx: { actor }, input }));
  });
}
