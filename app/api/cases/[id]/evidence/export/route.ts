/**
 * The evidence ZIP for law enforcement: a POST (it carries the reason and is an audited act, never a cacheable
 * link). The verb checks the evidence permission and records evidence.exported before the bytes leave.
 */
import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { exportEvidence } from '@/lib/evidence/export-evidence';
import { handle, parseJson } from '@/lib/http/route';
import { evidenceReason } from '@/components/cases/evidence-rules';
import { attachmentHeaders } from '@/app/api/evidence/attachment-headers';

const params = z.object({ id: z.uuid() });
const body = z.object({ reason: evidenceReason, evidenceId: z.uuid().optional() }).strict();

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const { id } = params.parse(await ctx.params);
    const input = await parseJson(req, body);
    const out = await exportEvidence({ ctx: { actor }, input: { caseId: id, reason: input.reason, evidenceId: input.evidenceId } });
    return new Response(new Uint8Array(out.zip), { headers: attachmentHeaders({ filename: out.filename, mime: 'application/zip', length: out.zip.length }) });
  });
}
