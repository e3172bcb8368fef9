import { requireApiActor } from '@/lib/auth/current-actor';
import { getPreview } from '@/lib/blocklists/get-preview';
import { handle, json } from '@/lib/http/route';
import { instanceIdsFrom } from '../schemas';

/** The diff per visible instance (the verb drops instances the actor may not see). */
export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    return json({ preview: await getPreview({ ctx: { actor }, input: { instanceIds: instanceIdsFrom(req) } }) });
  });
}
