/**
 * An instance connected after cases opened is asked about every active case (not only on "Search again"): its
 * lookup rows are queued and the jobs sent; closed cases are not asked; a case that already asked it keeps its answer.
 */
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { queueLookupsForInstance } from '@/lib/cases/queue-lookups-for-instance';
import { getBoss } from '@/lib/jobs/boss';
import { Q } from '@/lib/jobs/queues';
import { makeInstance } from './cases-core-fixtures';

async function newCase(state: 'open' | 'purging' | 'closed'): Promise<string> {
  const c = await db.case.create({ data: { title: `case ${state}`, state, openedVia: 'cli', openedByLabel: 'system:test' } });
  return c.id;
}

describe('a newly connected instance', () => {
  it('gets a queued lookup for every active case, and the job of each case is sent', async () => {
    const [open, purging, closed, answered] = [await newCase('open'), await newCase('purging'), await newCase('closed'), await newCase('open')];
    const instanceId = await makeInstance('late-joiner');
    await db.caseLookup.create({ data: { caseId: answered, instanceId, status: 'none', found: 0, finishedAt: new Date() } });

    const out = await queueLookupsForInstance(instanceId);

    expect(out.cases).toBe(2);
    const rows = await db.caseLookup.findMany({ where: { instanceId }, select: { caseId: true, status: true } });
    const byCase = new Map(rows.map((r) => [r.caseId, r.status]));
    expect(byCase.get(open)).toBe('queued');
    expect(byCase.get(purging)).toBe('queued');
    expect(byCase.has(closed)).toBe(false);
    expect(byCase.get(answered)).toBe('none');
    const boss = await getBoss();
    const jobs = await boss.fetch<{ caseId: string }>(Q.caseFindCopies, { batchSize: 50 });
    const sent = new Set(jobs.map((j) => j.data.caseId));
    expect(sent.has(open) && sent.has(purging)).toBe(true);
    expect(sent.has(closed)).toBe(false);
  });
});
