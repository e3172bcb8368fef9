/** RuleStats counted from Hold rows: hits, live holds, dry-run records, confirmations, reversals, pending, overdue. */
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { evaluateHolds } from '@/lib/holding/evaluate-holds';
import { listRules } from '@/lib/holding/list-rules';
import { listHolds } from '@/lib/holding/list-holds';
import { confirmHold } from '@/lib/holding/confirm-hold';
import { undoHold } from '@/lib/holding/undo-hold';
import { localItem, makeRule } from './holding-support';
import { persistActor, userActor } from './support/fixtures';

const viewer = { actor: userActor('viewer') };
const moderator = { actor: userActor('moderator') };

describe('rule stats', () => {
  it('count every state the way the rules page reads them', async () => {
    await persistActor(moderator.actor);
    const items = await Promise.all([1, 2, 3, 4].map(() => localItem('gotosocial')));
    const live = await makeRule({ name: 'stats live', minSeverity: 5 });
    const dry = await makeRule({ name: 'stats dry', mode: 'dry_run', minSeverity: 5 });
    await evaluateHolds({ reportIds: items.map((i) => i.report.id), signal: { trigger: 'bank_match', severity: 5 } });
    const liveHolds = await db.hold.findMany({ where: { ruleId: live.id }, orderBy: { createdAt: 'asc' } });
    expect(liveHolds).toHaveLength(4);
    await confirmHold({ ...{ ctx: moderator }, input: { holdId: liveHolds[0].id } });
    await undoHold({ ctx: moderator, input: { holdId: liveHolds[1].id } });
    await db.hold.update({ where: { id: liveHolds[2].id }, data: { dueAt: new Date(Date.now() - 60_000) } });

    const byName = new Map((await listRules({ ctx: viewer })).map((r) => [r.name, r.stats]));
    expect(byName.get('stats live')).toEqual({ hits: 4, holds: 4, wouldHold: 0, confirmations: 1, reversals: 1, pending: 2, overdue: 1 });
    expect(byName.get('stats dry')).toEqual({ hits: 4, holds: 0, wouldHold: 4, confirmations: 0, reversals: 0, pending: 0, overdue: 0 });

    const pending = await listHolds({ ctx: viewer, input: { view: 'pending', ruleId: live.id } });
    expect(pending.map((h) => h.id)).toEqual([liveHolds[2].id, liveHolds[3].id]); // oldest due first
    expect(pending[0].overdue).toBe(true);
    const dryRuns = await listHolds({ ctx: viewer, input: { view: 'dry_run', ruleId: dry.id } });
    expect(dryRuns).toHaveLength(4);
    expect(dryRuns.every((h) => h.state === 'would_hold' && h.stepLabel === null && !h.decidable)).toBe(true);
    const recent = await listHolds({ ctx: viewer, input: { view: 'recent', ruleId: live.id } });
    expect(recent.find((h) => h.id === liveHolds[0].id)).toMatchObject({ decision: 'confirmed', decidedBy: 'moderator@example.test' });
  });
});
