import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { handle } from '@/lib/http/route';
import { getMediaPreview } from '@/lib/queue/get-media-preview';
import { mediaHeaders } from '@/lib/queue/media-headers';

const params = z.object({ id: z.uuid() });
const query = z.object({ gray: z.enum(['0', '1']).optional() });

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const { id } = params.parse(await ctx.params);
    const { gray } = query.parse(Object.fromEntries(new URL(req.url).searchParams));
    const preview = await getMediaPreview({ ctx: { actor }, input: { mediaId: id, gray: gray === '1' } });
    const headers = mediaHeaders({ mediaId: id, mime: preview.mime, inline: true, length: preview.bytes.length });
    return new Response(new Uint8Array(preview.bytes), { headers });
  });
}
