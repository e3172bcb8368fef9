import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json } from '@/lib/http/route';
import { search } from '@/lib/search/search';
import { searchInputFromParams } from '@/lib/search/search-params';

export async function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    return json(await search({ ctx: { actor }, input: searchInputFromParams(new URL(req.url).searchParams) }));
  });
}
