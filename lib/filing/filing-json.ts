/**
 * What `cases show CASE --json` adds for issue 11 (fixed by the issue: scripts read it): the case's filings, newest
 * first, as {to, reportId, state, problem}. Callers have already checked that the actor may see the case.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { FilingJson } from './types';

const problemOf = z.enum(['rejected', 'failed', 'uncertain']).nullable().catch('failed');

export async function filingsJson(caseId: string): Promise<FilingJson[]> {
  const rows = await db.filing.findMany({ where: { caseId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], select: { reportId: true, state: true, problem: true } });
  return rows.map((r) => ({ to: 'ncmec', reportId: r.reportId, state: r.state, problem: problemOf.parse(r.problem) }));
}
