import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { requestBlocksSync } from '@/lib/blocklists/request-blocks-sync';
import { handle, json, parseJson } from '@/lib/http/route';

const body = z.strictObject({ instanceIds: z.array(z.uuid()).max(200).optional() });

export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const input = await parseJson(req, body);
    return json(await requestBlocksSync({ ctx: { actor }, input }));
  });
}
