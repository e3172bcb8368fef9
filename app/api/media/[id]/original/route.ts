/**
 * The reveal: every call is audited by the verb (no-store means every display is a new call). `reveal` is the uuid
 * the browser made for this reveal: its exposure is recorded under it, and the end beacon names it.
 */
import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { handle } from '@/lib/http/route';
import { mediaHeaders } from '@/lib/queue/media-headers';
import { revealMedia } from '@/lib/queue/reveal-media';

const params = z.object({ id: z.uuid() });
const query = z.object({ report: z.uuid().optional(), download: z.enum(['0', '1']).optional(), reveal: z.uuid().optional() });

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    // Originals are need-to-know: moderators and up (viewers get the blurred preview only).
    const actor = await requireApiActor(req, 'moderator');
    const { id } = params.parse(await ctx.params);
    const q = query.parse(Object.fromEntries(new URL(req.url).searchParams));
    const media = await revealMedia({ ctx: { actor }, input: { mediaId: id, reportId: q.report, revealId: q.reveal } });
    // Only allow-listed images may be inline, and only when not explicitly downloaded.
    const inline = media.inline && q.download !== '1';
    const headers = mediaHeaders({ mediaId: id, mime: media.mime, inline, length: media.bytes.length });
    // The id the exposure was recorded under: the browser's own, or a fresh one when its id was not usable.
    return new Response(new Uint8Array(media.bytes), { headers: { ...headers, ...(media.revealId ? { 'X-Reveal-Id': media.revealId } : {}) } });
  });
}
