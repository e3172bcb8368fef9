import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json, parseJson } from '@/lib/http/route';
import { listMatchers } from '@/lib/matchers/list-matchers';
import { matcherInputSchema } from '@/lib/matchers/matcher-input';
import { saveMatcher } from '@/lib/matchers/save-matcher';

export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    return json({ matchers: await listMatchers({ ctx: { actor } }) });
  });
}

export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const input = await parseJson(req, matcherInputSchema);
    return json({ matcher: await saveMatcher({ ctx: { actor }, input }) }, { status: 201 });
  });
}
