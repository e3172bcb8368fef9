import { requireApiActor } from '@/lib/auth/current-actor';
import { getSource } from '@/lib/blocklists/sources/get-source';
import { enqueueBlocklistFetch } from '@/lib/jobs/enqueue';
import { handle, json } from '@/lib/http/route';
import { idParams } from '../../../schemas';

/** "Fetch now": queued, not awaited (a slow list host must not hold the request); the page polls the source. */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { id } = idParams.parse(await params);
    // getSource answers not_found for an unknown id, so nothing is queued for it.
    const source = await getSource({ ctx: { actor }, input: { id } });
    if (!source.url) return json({ queued: false, message: 'An uploaded list is not fetched: upload the file again to replace it.' }, { status: 409 });
    await enqueueBlocklistFetch(id);
    return json({ queued: true }, { status: 202 });
  });
}
