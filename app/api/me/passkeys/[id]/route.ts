import { z } from 'zod';
import { handle, json, parseJson } from '@/lib/http/route';
import { requireApiActor } from '@/lib/auth/current-actor';
import { removePasskey } from '@/lib/auth/passkeys/remove-passkey';

const params = z.object({ id: z.uuid() });
const body = z.object({ password: z.string().max(256) });

/** Removing a factor: the current password in the body, every other session ends (see remove-passkey.ts). */
export async function DELETE(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer', { enrolment: true });
    const { id } = params.parse(await ctx.params);
    const { password } = await parseJson(req, body);
    return json(await removePasskey({ ctx: { actor }, input: { id, password } }));
  });
}
