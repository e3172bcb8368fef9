import { requireApiActor } from '@/lib/auth/current-actor';
import { auditExportSchema, paramsToRecord } from '@/lib/audit/audit-filters';
import { exportAudit } from '@/lib/audit/export-audit';
import { toByteStream } from '@/lib/audit/to-byte-stream';
import { handle } from '@/lib/http/route';

/** Streams the export; errors before the first byte (auth, bad filters) still map to JSON error responses. */
export async function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const input = auditExportSchema.parse(paramsToRecord(new URL(req.url).searchParams));
    const file = await exportAudit({ ctx: { actor }, input });
    return new Response(toByteStream(file), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.filename}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
