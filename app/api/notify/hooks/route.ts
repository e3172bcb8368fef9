import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json, parseJson } from '@/lib/http/route';
import { hookInputSchema } from '@/lib/notify/hook-input';
import { listHooks } from '@/lib/notify/list-hooks';
import { saveHook } from '@/lib/notify/save-hook';

export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    return json({ hooks: await listHooks({ ctx: { actor } }) });
  });
}

export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const input = await parseJson(req, hookInputSchema);
    return json({ hook: await saveHook({ ctx: { actor }, input }) }, { status: 201 });
  });
}
