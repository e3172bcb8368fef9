import { z } from 'zod';
import { handle, json, parseJson } from '@/lib/http/route';
import { requireApiActor } from '@/lib/auth/current-actor';
import { changePseudonym } from '@/lib/team/change-pseudonym';

const body = z.object({ pseudonym: z.string().max(200) });

export async function PUT(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const { pseudonym } = await parseJson(req, body);
    return json(await changePseudonym({ ctx: { actor }, input: { userId: actor.id, pseudonym } }));
  });
}
