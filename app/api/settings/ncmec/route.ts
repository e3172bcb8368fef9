import { requireApiActor } from '@/lib/auth/current-actor';
import { getNcmecSettingsView, updateNcmecSettings } from '@/lib/filing/settings/ncmec-settings';
import { ncmecSettingsInputSchema } from '@/lib/filing/settings/ncmec-settings-input';
import { handle, json, parseJson } from '@/lib/http/route';

/** Admins only: the view names the reporting person; it never holds the username or password. */
export async function GET(req: Request) {
  return handle(async () => {
    await requireApiActor(req, 'admin');
    return json(await getNcmecSettingsView());
  });
}

/** Admins (the verb checks too; allowPrivate needs an owner); audited as settings.ncmec.updated. */
export async function PUT(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const input = await parseJson(req, ncmecSettingsInputSchema);
    return json(await updateNcmecSettings({ ctx: { actor }, input }));
  });
}
