import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json, parseJson } from '@/lib/http/route';
import { bulkRequest, bulkRequestSchema } from '@/lib/queue/bulk-request';

/** One Action per selected report; the answer lists each report's outcome (refusals do not fail the request). */
export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const input = await parseJson(req, bulkRequestSchema);
    return json(await bulkRequest({ ctx: { actor }, input }));
  });
}
