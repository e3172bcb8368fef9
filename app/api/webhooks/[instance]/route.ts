import { z } from 'zod';
import { handle, json } from '@/lib/http/route';
import { handleWebhook } from '@/lib/sync/handle-webhook';
import { AppError } from '@/lib/errors';

const MAX_BODY = 2 * 1024 * 1024;

export async function POST(req: Request, { params }: { params: Promise<{ instance: string }> }) {
  return handle(async () => {
    const { instance } = await params;
    const instanceId = z.string().uuid().safeParse(instance);
    if (!instanceId.success) throw new AppError('unauthorized', 'bad instance id', { userMessage: 'Invalid signature.' });
    const raw = Buffer.from(await req.arrayBuffer());
    if (raw.length > MAX_BODY) throw new AppError('too_large', 'webhook body too large');
    const out = await handleWebhook({ instanceId: instanceId.data, rawBody: raw, headers: req.headers });
    return json({ ok: true, event: out.event });
  });
}
