import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json, parseJson } from '@/lib/http/route';
import { listWatchTerms } from '@/lib/watch/list-terms';
import { saveTerm, watchTermInput } from '@/lib/watch/save-term';

export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    return json(await listWatchTerms({ ctx: { actor } }));
  });
}

export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const input = await parseJson(req, watchTermInput);
    return json({ term: await saveTerm({ ctx: { actor }, input }) }, { status: 201 });
  });
}
