import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { getPublish } from '@/lib/blocklists/publish/get-publish';
import { updatePublish } from '@/lib/blocklists/publish/update-publish';
import { handle, json, parseJson } from '@/lib/http/route';

const body = z.strictObject({ enabled: z.boolean(), public: z.boolean(), rotateToken: z.boolean().optional() });

export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    return json({ publish: await getPublish({ ctx: { actor } }) });
  });
}

export async function PUT(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const input = await parseJson(req, body);
    await updatePublish({ ctx: { actor }, input });
    return json({ publish: await getPublish({ ctx: { actor } }) });
  });
}
