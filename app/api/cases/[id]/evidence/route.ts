import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { getEvidencePanel } from '@/lib/evidence/get-evidence-panel';
import { sealEvidence } from '@/lib/evidence/seal-evidence';
import { handle, json, parseJson } from '@/lib/http/route';
import { evidenceReason } from '@/components/cases/evidence-rules';

const params = z.object({ id: z.uuid() });
const sealBody = z.object({ reason: evidenceReason }).strict();

/** The case's seals (metadata only: no bytes) and what the caller may do with them. Viewers see it too. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const { id } = params.parse(await ctx.params);
    return json(await getEvidencePanel({ ctx: { actor }, input: { caseId: id } }));
  });
}

/** Seal by hand (the verb checks the right to edit the case). */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { id } = params.parse(await ctx.params);
    const { reason } = await parseJson(req, sealBody);
    return json(await sealEvidence({ ctx: { actor }, input: { caseId: id, reason } }), { status: 201 });
  });
}
