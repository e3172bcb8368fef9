import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { getSource } from '@/lib/blocklists/sources/get-source';
import { removeSource } from '@/lib/blocklists/sources/remove-source';
import { updateSource } from '@/lib/blocklists/sources/update-source';
import { handle, json, parseJson } from '@/lib/http/route';
import { idParams, refreshMinutes, sourceFormat } from '../../schemas';

const patch = z.strictObject({
  name: z.string().trim().min(1, 'Give the source a name.').max(100).optional(),
  trusted: z.boolean().optional(),
  enabled: z.boolean().optional(),
  refreshMinutes: refreshMinutes.optional(),
  format: sourceFormat.optional(),
});

type Params = { params: Promise<{ id: string }> };

export async function GET(req: Request, { params }: Params) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const { id } = idParams.parse(await params);
    return json({ source: await getSource({ ctx: { actor }, input: { id } }) });
  });
}

export async function PATCH(req: Request, { params }: Params) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { id } = idParams.parse(await params);
    const input = await parseJson(req, patch);
    await updateSource({ ctx: { actor }, input: { id, ...input } });
    return json({ source: await getSource({ ctx: { actor }, input: { id } }) });
  });
}

export async function DELETE(req: Request, { params }: Params) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { id } = idParams.parse(await params);
    await removeSource({ ctx: { actor }, input: { id } });
    return json({ ok: true });
  });
}
