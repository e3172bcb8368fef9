import { requireApiActor } from '@/lib/auth/current-actor';
import { listApplications } from '@/lib/blocklists/list-applications';
import { handle, json } from '@/lib/http/route';

export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    return json({ applications: await listApplications({ ctx: { actor } }) });
  });
}
