/**
 * Bulk work from the queue: one request, one ordinary Action per report (requestAction), so each report keeps its
 * own outbox row, audit event, permission check and undo. A refusal on one report (hidden instance, unsupported
 * kind) is reported for that report and never stops the others.
 */
import { z } from 'zod';
import type { Ctx } from '@/lib/audit/actor';
import { holdSecondsSchema, requestAction } from '@/lib/actions/request-action';
import { isAppError } from '@/lib/errors';
import { logger } from '@/lib/log/logger';

const log = logger('queue');

export const bulkRequestSchema = z.object({
  reportIds: z.array(z.uuid()).min(1, 'select at least one report').max(200, 'at most 200 reports at once'),
  action: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('report.resolve'), comment: z.string().max(5000).optional() }),
    z.object({ kind: z.literal('report.assign_to_self') }),
  ]),
  holdSeconds: holdSecondsSchema,
});

export type BulkRequestInput = z.input<typeof bulkRequestSchema>;

export interface BulkResult {
  reportId: string;
  outcome: 'queued' | 'refused';
  actionId?: string;
  reason?: string;
}

export async function bulkRequest({ ctx, input }: { ctx: Ctx; input: BulkRequestInput }): Promise<{ results: BulkResult[]; sendAt: string | null }> {
  const parsed = bulkRequestSchema.parse(input);
  const results: BulkResult[] = [];
  let sendAt: string | null = null;
  // Sequential: each is a short transaction, and 200 at once would only queue on the connection pool.
  for (const reportId of new Set(parsed.reportIds)) {
    try {
      const r = await requestAction({ ctx, input: { reportId, action: parsed.action, holdSeconds: parsed.holdSeconds } });
      sendAt = r.sendAt ?? sendAt;
      results.push({ reportId, outcome: 'queued', actionId: r.actionId });
    } catch (e) {
      results.push({ reportId, outcome: 'refused', reason: refusal(e) });
      if (!isAppError(e)) log.error('bulk request failed for one report', { reportId, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return { results, sendAt };
}

function refusal(e: unknown): string {
  if (!isAppError(e)) return 'Something went wrong with this report.';
  // Same words for "no such report" and "not yours to see": a limited moderator learns nothing about hidden ones.
  if (e.code === 'not_found' || e.code === 'forbidden') return 'You cannot act on this report.';
  return e.userMessage;
}
