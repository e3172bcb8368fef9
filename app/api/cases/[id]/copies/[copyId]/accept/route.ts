import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json, parseJson } from '@/lib/http/route';
import { acceptCopy } from '@/lib/purge/accept-copy';

const params = z.object({ id: z.uuid(), copyId: z.uuid() });
const body = z.object({ reason: z.string().trim().min(3, 'Say why this copy is accepted as is.').max(2000) }).strict();

/** "Accept as is": an audited receipt for a copy that stays (still served or cannot be verified), with the reason. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string; copyId: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { id, copyId } = params.parse(await ctx.params);
    const { reason } = await parseJson(req, body);
    return json(await acceptCopy({ ctx: { actor }, input: { caseId: id, copyId, reason } }), { status: 201 });
  });
}
