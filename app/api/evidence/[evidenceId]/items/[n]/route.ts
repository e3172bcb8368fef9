/**
 * One evidence item's bytes. A POST because it carries the reason and is an audited act (evidence.viewed, recorded
 * by the verb before the bytes leave); never cached. The UI shows images blurred until revealed, JSON as text.
 */
import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { openEvidenceItem } from '@/lib/evidence/open-evidence-item';
import { handle, parseJson } from '@/lib/http/route';
import { attachmentHeaders } from '../../../attachment-headers';
import { evidenceReason } from '@/components/cases/evidence-rules';

const params = z.object({ evidenceId: z.uuid(), n: z.coerce.number().int().min(0).max(100_000) });
const body = z.object({ reason: evidenceReason }).strict();
// A manifest's mime came from a remote server once: only a plain type/subtype goes into a header.
const SAFE_MIME = /^[a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*$/i;

export async function POST(req: Request, ctx: { params: Promise<{ evidenceId: string; n: string }> }): Promise<Response> {
  return handle(async () => {
    // Evidence bytes are originals: moderators and up at the choke point (the verb checks the grant too).
    const actor = await requireApiActor(req, 'moderator');
    const { evidenceId, n } = params.parse(await ctx.params);
    const { reason } = await parseJson(req, body);
    const item = await openEvidenceItem({ ctx: { actor }, input: { evidenceId, n, reason } });
    const mime = SAFE_MIME.test(item.mime) ? item.mime : 'application/octet-stream';
    const headers = { ...attachmentHeaders({ filename: item.path, mime, length: item.bytes.length }), 'X-Evidence-Path': encodeURIComponent(item.path) };
    return new Response(new Uint8Array(item.bytes), { headers });
  });
}
