/**
 * The cases list: active (open and purging) first, then by severity, newest first, with a keyset cursor (no
 * OFFSET: the list stays fast and stable while cases open). 'active' is the default.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { visibleInstanceIds } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { staffLabeler } from '@/lib/team/staff-labeler';
import type { CaseState as DbCaseState, Prisma } from '@/lib/generated/prisma/client';
import { visibleCaseWhere } from './case-access';
import { CASE_LIST_SELECT, toCaseListItem, type CaseListRow } from './case-list-item';
import { visibleCounts } from './visible-counts';
import type { CaseListPage } from './types';

export const listCasesInput = z.object({
  state: z.enum(['active', 'open', 'closed', 'all']).default('active'),
  cursor: z.string().max(500).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ListCasesInput = z.input<typeof listCasesInput>;

/** The list's groups in order: each a set of states, sorted inside by severity desc, createdAt desc, id desc. */
const GROUPS: Record<z.infer<typeof listCasesInput>['state'], DbCaseState[][]> = {
  active: [['open', 'purging']],
  open: [['open']],
  closed: [['closed']],
  all: [['open', 'purging'], ['purged', 'closed']],
};

const cursorSchema = z.object({ g: z.number().int().min(0), s: z.number().int(), c: z.iso.datetime(), id: z.uuid() });
type Cursor = z.infer<typeof cursorSchema>;

function decodeCursor(raw: string | null | undefined): Cursor | null {
  if (!raw) return null;
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('bad_request', 'bad cases cursor', { userMessage: 'The list position is no longer valid; reload the list.' });
  }
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

function after(c: Cursor): Prisma.CaseWhereInput {
  const at = new Date(c.c);
  return { OR: [{ severity: { lt: c.s } }, { severity: c.s, createdAt: { lt: at } }, { severity: c.s, createdAt: at, id: { lt: c.id } }] };
}

export async function listCases({ ctx, input }: { ctx: Ctx; input: ListCasesInput }): Promise<CaseListPage> {
  const parsed = listCasesInput.safeParse(input ?? {});
  if (!parsed.success) throw new AppError('bad_request', `invalid list input: ${parsed.error.message}`);
  const { state, limit } = parsed.data;
  const cursor = decodeCursor(parsed.data.cursor);
  const groups = GROUPS[state];
  const rows: { row: CaseListRow; g: number }[] = [];
  for (let g = cursor?.g ?? 0; g < groups.length && rows.length <= limit; g++) {
    const where: Prisma.CaseWhereInput = { AND: [{ state: { in: groups[g] } }, visibleCaseWhere(ctx.actor), cursor && cursor.g === g ? after(cursor) : {}] };
    const page = await db.case.findMany({ where, orderBy: [{ severity: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }], take: limit + 1 - rows.length, select: CASE_LIST_SELECT });
    rows.push(...page.map((row) => ({ row, g })));
  }
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor({ g: last.g, s: last.row.severity, c: last.row.createdAt.toISOString(), id: last.row.id }) : null;
  const visible = visibleInstanceIds(ctx.actor);
  const counts = visible === null ? null : await visibleCounts(items.map((i) => i.row.id), visible);
  const label = await staffLabeler(ctx.actor, items.map((i) => i.row.assignee?.id));
  return { items: items.map(({ row }) => toCaseListItem(row, counts?.get(row.id), label)), nextCursor };
}
