import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { getPolicy } from '@/lib/blocklists/policy/get-policy';
import { updatePolicy } from '@/lib/blocklists/policy/update-policy';
import { handle, json, parseJson } from '@/lib/http/route';

const body = z.strictObject({
  threshold: z.number().int().min(1, 'At least 1 source.').max(20, 'At most 20 sources.'),
  severity: z.enum(['max', 'agreed']),
  autoRetract: z.boolean(),
});

export async function GET(req: Request) {
  return handle(async () => {
    await requireApiActor(req, 'viewer');
    return json({ policy: await getPolicy() });
  });
}

export async function PUT(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const input = await parseJson(req, body);
    await updatePolicy({ ctx: { actor }, input });
    return json({ policy: await getPolicy() });
  });
}
