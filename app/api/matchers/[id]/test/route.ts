import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json } from '@/lib/http/route';
import { testMatcher } from '@/lib/matchers/test-matcher';

const idParams = z.object({ id: z.string().uuid() });
type Params = { params: Promise<{ id: string }> };

export async function POST(req: Request, { params }: Params) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const { id } = idParams.parse(await params);
    return json(await testMatcher({ ctx: { actor }, input: { id } }));
  });
}
