import { requireApiActor } from '@/lib/auth/current-actor';
import { testNcmecConnection } from '@/lib/filing/settings/test-ncmec-connection';
import { handle, json } from '@/lib/http/route';

/** Admins: GET /status at CyberTipline with the saved settings; audited as settings.ncmec.tested. */
export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    return json(await testNcmecConnection({ ctx: { actor } }));
  });
}
