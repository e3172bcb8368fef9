import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json } from '@/lib/http/route';
import { revealWebhookSecret } from '@/lib/instances/reveal-webhook-secret';

/** POST, not GET: showing a secret is a deliberate, audited act. */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    return json(await revealWebhookSecret({ ctx: { actor }, input: { id: z.string().uuid().parse((await params).id) } }));
  });
}
