import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json, parseJson } from '@/lib/http/route';
import { addInstance, addInstanceInput } from '@/lib/instances/add-instance';
import { listInstances } from '@/lib/instances/list-instances';

export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    return json({ instances: await listInstances({ ctx: { actor } }) });
  });
}

export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const input = await parseJson(req, addInstanceInput);
    return json(await addInstance({ ctx: { actor }, input }), { status: 201 });
  });
}
