import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { applyEverywhere } from '@/lib/actors/apply-everywhere';
import { applyAction } from '@/lib/actors/apply-input';
import { decodeSegment } from '@/lib/actors/handle';
import { handle, json, parseJson } from '@/lib/http/route';

const body = z.object({ action: applyAction, instanceIds: z.array(z.uuid()).max(200).optional(), preview: z.boolean().optional() }).strict();

/** Suspend or limit the account (or block its domain) on every instance that can: one request, one action each. */
export async function POST(req: Request, ctx: { params: Promise<{ handle: string }> }): Promise<Response> {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const raw = decodeSegment((await ctx.params).handle);
    const input = await parseJson(req, body);
    const out = await applyEverywhere({ ctx: { actor }, input: { ...input, subject: { type: 'account', handle: raw } } });
    return json(out, { status: out.preview ? 200 : 201 });
  });
}
