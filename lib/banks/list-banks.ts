import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { bankKind } from './bank-fields';
import { entryCounts, type EntryCounts } from './entry-counts';
import { RUN_SELECT, type RunView } from './run-view';

/** Query-string filters (parsed by the route). */
export const listBanksInput = z.object({
  kind: bankKind.optional(),
  enabled: z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true').optional(),
});

export interface BankSummary extends EntryCounts {
  id: string;
  name: string;
  kind: 'match' | 'allow';
  label: string | null;
  severity: number;
  description: string;
  enabled: boolean;
  createdAt: Date;
  latestRun: RunView | null;
}

/** Every staff role may look at banks (read-only below admin). */
export async function listBanks({ ctx, input: filter = {} }: { ctx: Ctx; input?: z.infer<typeof listBanksInput> }): Promise<BankSummary[]> {
  assertAllowed(hasRole(ctx.actor, 'viewer'), 'bank.read');
  const banks = await db.hashBank.findMany({
    where: { kind: filter.kind, enabled: filter.enabled },
    orderBy: { name: 'asc' },
    include: { rematchRuns: { orderBy: { createdAt: 'desc' }, take: 1, select: RUN_SELECT } },
  });
  const counts = await entryCounts(banks.map((b) => b.id));
  return banks.map((b) => ({
    id: b.id, name: b.name, kind: b.kind, label: b.label, severity: b.severity, description: b.description, enabled: b.enabled, createdAt: b.createdAt,
    entries: counts.get(b.id)?.entries ?? { pdq: 0, md5: 0, sha256: 0 },
    disabledEntries: counts.get(b.id)?.disabledEntries ?? 0,
    latestRun: b.rematchRuns[0] ?? null,
  }));
}
