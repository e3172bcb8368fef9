import { z } from 'zod';
import { handle, json, parseJson } from '@/lib/http/route';
import { requireApiActor } from '@/lib/auth/current-actor';
import { changePseudonym } from '@/lib/team/change-pseudonym';

const body = z.object({ pseudonym: z.string().max(200) });

export async function PUT(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const userId = z.uuid().parse((await params).id);
    const { pseudonym } = await parseJson(req, body);
    return json(await changePseudonym({ ctx: { actor }, input: { userId, pseudonym } }));
  });
}
