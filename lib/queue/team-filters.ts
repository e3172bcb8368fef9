/**
 * The queue's team filters (tag, escalated) as Report conditions. Tags and escalations key reports by their id as
 * text (they also hold accounts and domains), so there is no relation to join: the matching ids are read first and
 * become `id IN (...)`, which composes with the keyset cursor like any other condition. 'none' short-cuts an empty
 * result.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

const uuid = z.uuid();
const asIds = (keys: string[]) => keys.filter((k) => uuid.safeParse(k).success);

export async function teamFilterWhere(f: { tag?: string; escalated?: boolean }): Promise<Prisma.ReportWhereInput[] | 'none'> {
  const out: Prisma.ReportWhereInput[] = [];
  if (f.tag) {
    const rows = await db.subjectTag.findMany({ where: { subjectType: 'report', tag: f.tag }, select: { subjectKey: true } });
    const ids = asIds(rows.map((r) => r.subjectKey));
    if (ids.length === 0) return 'none';
    out.push({ id: { in: ids } });
  }
  if (f.escalated !== undefined) {
    const rows = await db.escalation.findMany({ where: { subjectType: 'report', resolvedAt: null }, select: { subjectKey: true } });
    const ids = asIds(rows.map((r) => r.subjectKey));
    if (f.escalated) {
      if (ids.length === 0) return 'none';
      out.push({ id: { in: ids } });
    } else if (ids.length) out.push({ id: { notIn: ids } });
  }
  return out;
}
