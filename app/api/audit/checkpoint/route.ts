import { requireApiActor } from '@/lib/auth/current-actor';
import { exportCheckpoint } from '@/lib/audit/export-checkpoint';
import { handle } from '@/lib/http/route';

/** POST: signs and downloads a checkpoint of the log's end (a write: it records the export). */
export async function POST(req: Request): Promise<Response> {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const file = await exportCheckpoint({ ctx: { actor } });
    return new Response(file.body, {
      headers: {
        'Content-Type': 'application/jsonl; charset=utf-8',
        'Content-Disposition': `attachment; filename="${file.filename}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
