import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { toByteStream } from '@/lib/audit/to-byte-stream';
import { signalType } from '@/lib/banks/bank-fields';
import { exportEntries, joinLines } from '@/lib/banks/export-entries';
import { handle } from '@/lib/http/route';

type Params = { params: Promise<{ id: string }> };
const id = z.uuid();

/** Streams the list; errors before the first byte (auth, unknown bank) still map to JSON error responses. */
export async function GET(req: Request, { params }: Params): Promise<Response> {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const signal = signalType.optional().parse(new URL(req.url).searchParams.get('signal') || undefined);
    const file = await exportEntries({ ctx: { actor }, input: { bankId: id.parse((await params).id), signal } });
    return new Response(toByteStream(joinLines(file)), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${file.filename}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
