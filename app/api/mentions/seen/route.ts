import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json, parseJson } from '@/lib/http/route';
import { markMentionsSeen, markSeenInput } from '@/lib/notes/mark-mentions-seen';

export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const input = await parseJson(req, markSeenInput);
    return json(await markMentionsSeen({ ctx: { actor }, input }));
  });
}
