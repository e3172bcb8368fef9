import { requireApiActor } from '@/lib/auth/current-actor';
import { ssoSettingsInputSchema } from '@/lib/auth/sso/sso-input';
import { getSsoSettingsView, updateSsoSettings } from '@/lib/auth/sso/sso-settings';
import { handle, json, parseJson } from '@/lib/http/route';

/** Admins only: the view says whether a client secret is stored, never the secret. */
export async function GET(req: Request) {
  return handle(async () => {
    await requireApiActor(req, 'admin');
    return json(await getSsoSettingsView());
  });
}

/** Admins (the verb checks too; a private issuer needs an owner); audited as settings.sso.updated. */
export async function PUT(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const input = await parseJson(req, ssoSettingsInputSchema);
    return json(await updateSsoSettings({ ctx: { actor }, input }));
  });
}
