import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { addAllow } from '@/lib/blocklists/policy/add-allow';
import { listAllow } from '@/lib/blocklists/policy/list-allow';
import { handle, json, parseJson } from '@/lib/http/route';

const body = z.strictObject({
  domain: z.string().trim().min(1, 'Enter a domain.').max(300),
  comment: z.string().trim().max(500).optional(),
});

export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    return json({ allow: await listAllow({ ctx: { actor } }) });
  });
}

export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const input = await parseJson(req, body);
    await addAllow({ ctx: { actor }, input: { domain: input.domain, comment: input.comment ?? '' } });
    return json({ allow: await listAllow({ ctx: { actor } }) }, { status: 201 });
  });
}
