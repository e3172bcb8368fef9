import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { BANK_LABELS } from '@/lib/banks/bank-fields';
import { assignCase } from '@/lib/cases/assign-case';
import { getCase } from '@/lib/cases/get-case';
import { setCaseState } from '@/lib/cases/set-case-state';
import { updateCase } from '@/lib/cases/update-case';
import { handle, json, parseJson } from '@/lib/http/route';

const params = z.object({ id: z.uuid() });

const patchBody = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    severity: z.number().int().min(0).max(5).optional(),
    label: z.enum(BANK_LABELS).nullable().optional(),
    state: z.enum(['open', 'closed']).optional(),
    reason: z.string().trim().max(2000).optional(),
    // 'me' is resolved here, from the session, so the browser never has to know its own user id.
    assigneeId: z.union([z.uuid(), z.literal('me'), z.null()]).optional(),
  })
  .strict()
  .refine((b) => b.title !== undefined || b.severity !== undefined || b.label !== undefined || b.state !== undefined || b.assigneeId !== undefined, { message: 'Nothing to change.' });

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const { id } = params.parse(await ctx.params);
    return json(await getCase({ ctx: { actor }, input: { id } }));
  });
}

/** Each part is its own audited verb (case.updated, case.assigned, case.state_changed); the answer is the case after. */
export async function PATCH(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { id } = params.parse(await ctx.params);
    const b = await parseJson(req, patchBody);
    const c = { actor };
    if (b.title !== undefined || b.severity !== undefined || b.label !== undefined) {
      await updateCase({ ctx: c, input: { caseId: id, title: b.title, severity: b.severity, label: b.label } });
    }
    if (b.assigneeId !== undefined) await assignCase({ ctx: c, input: { caseId: id, assigneeId: b.assigneeId === 'me' ? actor.id : b.assigneeId } });
    if (b.state !== undefined) await setCaseState({ ctx: c, input: { caseId: id, state: b.state, reason: b.reason } });
    return json(await getCase({ ctx: c, input: { id } }));
  });
}
