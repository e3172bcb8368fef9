import { z } from 'zod';
import { handle, json, parseJson } from '@/lib/http/route';
import { requireApiActor } from '@/lib/auth/current-actor';
import { updateUser, updateUserInput } from '@/lib/users/update-user';

const body = updateUserInput.omit({ userId: true });

export async function PATCH(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const userId = z.uuid().parse((await params).id);
    const input = await parseJson(req, body);
    return json({ user: await updateUser({ ctx: { actor }, input: { ...input, userId } }) });
  });
}
