import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { addCaseNote } from '@/lib/cases/add-case-note';
import { handle, json, parseJson } from '@/lib/http/route';

const params = z.object({ id: z.uuid() });
const body = z.object({ body: z.string().trim().min(1, 'Write a note first.').max(10_000) }).strict();

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { id } = params.parse(await ctx.params);
    const input = await parseJson(req, body);
    return json(await addCaseNote({ ctx: { actor }, input: { caseId: id, body: input.body } }), { status: 201 });
  });
}
