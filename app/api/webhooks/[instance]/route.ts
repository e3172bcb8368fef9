import { z } from 'zod';
import { handle, json } from '@/lib/http/route';
import { handleWebhook } from '@/lib/sync/handle-webhook';
import { AppError } from '@/lib/errors';
import { readBody } from '@/lib/http/read-body';

const MAX_BODY = 2 * 1024 * 1024;

export async function POST(req: Request, { params }: { params: Promise<{ instance: string }> }) {
  return handle(async () => {
    const { instance } = await params;
    const instanceId = z.string().uuid().safeParse(instance);
    if (!instanceId.success) throw new AppError('unauthorized', 'bad instance id', { userMessage: 'Invalid signature.' });
    // Capped while streaming: an unsigned 200 MB body is cut off at 2 MB, never buffered whole.
    const bytes = await readBody(req, MAX_BODY);
    const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const out = await handleWebhook({ instanceId: instanceId.data, rawBody: raw, headers: req.headers });
    return json({ ok: true, event: out.event });
  });
}
