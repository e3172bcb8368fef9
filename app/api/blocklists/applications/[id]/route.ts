import { requireApiActor } from '@/lib/auth/current-actor';
import { getApplication } from '@/lib/blocklists/get-application';
import { handle, json } from '@/lib/http/route';
import { idParams } from '../../schemas';

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const { id } = idParams.parse(await params);
    return json({ application: await getApplication({ ctx: { actor }, input: { id } }) });
  });
}
