import { z } from 'zod';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Ctx } from '@/lib/audit/actor';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { entryIdParam, signalType } from './bank-fields';
import { entryCounts } from './entry-counts';
import { listRunMatches } from './list-run-matches';
import { RUN_SELECT } from './run-view';
import { visibleProvenance } from './visible-provenance';

export const ENTRY_PAGE_SIZE = 100;

/** Route params and query string (parsed by the route). */
export const getBankInput = z.object({
  id: z.uuid(),
  /** Keyset cursor: the id of the last entry of the previous page (entries are newest first). */
  cursor: entryIdParam.optional(),
  signal: signalType.optional(),
  q: z.string().trim().max(200).optional(),
});

/** Bank, one page of entries and the recent rematch runs. Viewers may read banks; only admins change them. */
export async function getBank({ ctx, input }: { ctx: Ctx; input: z.infer<typeof getBankInput> }) {
  assertAllowed(hasRole(ctx.actor, 'viewer'), 'bank.read');
  const { id, cursor, signal, q } = input;
  const bank = await db.hashBank.findUnique({ where: { id } });
  if (!bank) throw new AppError('not_found', 'bank not found');
  const rows = await db.bankEntry.findMany({
    where: { bankId: id, signalType: signal, id: cursor === undefined ? undefined : { lt: cursor }, ...textFilter(q) },
    orderBy: { id: 'desc' },
    take: ENTRY_PAGE_SIZE + 1,
    select: { id: true, signalType: true, value: true, label: true, provenance: true, enabled: true, createdAt: true },
  });
  const entries = rows.slice(0, ENTRY_PAGE_SIZE).map((e) => ({ ...e, provenance: visibleProvenance(ctx.actor, e.provenance) }));
  const [counts, runRows] = await Promise.all([
    entryCounts([id]),
    db.rematchRun.findMany({ where: { bankId: id }, orderBy: { createdAt: 'desc' }, take: 10, select: RUN_SELECT }),
  ]);
  // The summary names the media each run matched, so an admin can go from "3 matched" straight to them.
  const runs = await Promise.all(runRows.map(async (r) => ({ ...r, matches: await listRunMatches(ctx.actor, { ...r, bankId: id }) })));
  return {
    bank: { ...bank, ...counts.get(id) },
    entries,
    nextCursor: rows.length > ENTRY_PAGE_SIZE ? entries[entries.length - 1].id.toString() : null,
    runs,
  };
}

/** Hex text searches the value's prefix (the stored form is lowercase); any text also searches labels. */
function textFilter(q: string | undefined): Prisma.BankEntryWhereInput {
  if (!q) return {};
  const label: Prisma.BankEntryWhereInput = { label: { contains: q, mode: 'insensitive' } };
  return /^[0-9a-f]+$/i.test(q) ? { OR: [{ value: { startsWith: q.toLowerCase() } }, label] } : label;
}
