import { requireApiActor } from '@/lib/auth/current-actor';
import { auditQuerySchema, paramsToRecord } from '@/lib/audit/audit-filters';
import { queryAudit } from '@/lib/audit/query-audit';
import { handle, json } from '@/lib/http/route';

export async function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const input = auditQuerySchema.parse(paramsToRecord(new URL(req.url).searchParams));
    return json(await queryAudit({ ctx: { actor }, input }));
  });
}
