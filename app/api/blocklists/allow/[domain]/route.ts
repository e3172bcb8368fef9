import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { removeAllow } from '@/lib/blocklists/policy/remove-allow';
import { handle, json } from '@/lib/http/route';

const params = z.object({ domain: z.string().min(1).max(300) });

export async function DELETE(req: Request, ctx: { params: Promise<{ domain: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { domain } = params.parse(await ctx.params);
    await removeAllow({ ctx: { actor }, input: { domain: decodeURIComponent(domain) } });
    return json({ ok: true });
  });
}
