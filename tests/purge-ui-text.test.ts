/** The purge wording and the confirmation's safety rules (pure): what the moderator is told before and after. */
import { describe, expect, it } from 'vitest';
import { describeCaseEvent } from '@/components/cases/case-event-text';
import { splitReceipts } from '@/components/cases/purge-receipts';
import { totalsText } from '@/components/cases/purge-progress';
import { runSignature } from '@/components/cases/purge-run-query';
import { canAcceptVerdict, chosenRows, confirmSummary, purgeColumnText, toChoices } from '@/components/cases/purge-text';
import type { PlannedOption, PurgePlan, ReceiptView } from '@/lib/purge/types';

const opt = (id: string, o: Partial<PlannedOption> = {}): PlannedOption => ({
  id, label: id, reach: 'item', reversible: false, removesFile: true, note: '', unavailable: null,
  steps: [{ kind: 'status.delete', payload: {}, copyIds: ['c'], needsAdmin: false, label: 'Delete post 1' }], ...o,
});
const inst = (id: string, options: PlannedOption[], defaultOptionId: string | null = options.find((o) => !o.unavailable)?.id ?? null) => ({
  instance: { id, name: `Inst ${id}`, kind: 'mastodon', baseUrl: `https://${id}.example` }, copyIds: ['c'], options, defaultOptionId, blocked: null,
});
const plan: PurgePlan = {
  caseId: 'k', sealsFirst: true, unchecked: [],
  instances: [
    inst('a', [opt('suspend_delete_data', { reach: 'account', steps: [{ kind: 'account.delete', payload: {}, copyIds: ['c'], needsAdmin: true, label: 'Delete data' }] }), opt('domain_reject_media', { reach: 'domain', reversible: true })]),
    inst('b', [opt('delete_post')]),
    inst('c', [opt('needs_account', { unavailable: 'no account id known' }), opt('remove_post', { reversible: true, removesFile: false })]),
  ],
};

describe('the purge confirmation', () => {
  it('takes the default option unless chosen, drops left-out instances, and never sends an unavailable option', () => {
    expect(chosenRows(plan, new Map()).map((r) => [r.instanceName, r.option.id])).toEqual([['Inst a', 'suspend_delete_data'], ['Inst b', 'delete_post'], ['Inst c', 'remove_post']]);
    const picks = new Map([['a', 'skip'], ['c', 'needs_account']]);
    expect(chosenRows(plan, picks).map((r) => r.option.id)).toEqual(['delete_post']);
    expect(toChoices(plan, picks)).toEqual([{ instanceId: 'a', optionId: 'skip' }, { instanceId: 'b', optionId: 'delete_post' }, { instanceId: 'c', optionId: 'skip' }]);
  });

  it('asks for the typed confirmation exactly when a step reaches beyond the item, and counts admin steps', () => {
    const all = confirmSummary(chosenRows(plan, new Map()));
    expect(all.needsTyped).toBe(true);
    expect(all.wide.map((r) => r.instanceName)).toEqual(['Inst a']);
    expect(all.irreversible.map((r) => r.instanceName)).toEqual(['Inst a', 'Inst b']);
    expect(all.keepsFile.map((r) => r.instanceName)).toEqual(['Inst c']);
    expect(all.adminSteps).toBe(1);
    const itemOnly = confirmSummary(chosenRows(plan, new Map([['a', 'skip']])));
    expect(itemOnly.needsTyped).toBe(false);
    expect(itemOnly.adminSteps).toBe(0);
    expect(confirmSummary(chosenRows(plan, new Map([['a', 'domain_reject_media']]))).needsTyped).toBe(true);
  });
});

describe('purge state in words', () => {
  it("fills the cases list's Purge column", () => {
    const c = { copyCount: 6, removedCount: 0, stillServedCount: 0 };
    expect(purgeColumnText({ ...c, state: 'open' })).toBe('—');
    expect(purgeColumnText({ ...c, state: 'purging' })).toBe('0 of 6 removed');
    expect(purgeColumnText({ ...c, state: 'open', removedCount: 4 })).toBe('4 of 6 removed');
    expect(purgeColumnText({ ...c, state: 'open', removedCount: 4, stillServedCount: 1 })).toBe('1 still served');
    expect(purgeColumnText({ ...c, state: 'purged', removedCount: 6 })).toBe('Purged');
  });

  it('offers "accept as is" only for copies a purge could not remove or verify', () => {
    expect(['removed', 'still_served', 'cannot_verify', 'accepted', null].map((v) => canAcceptVerdict(v as never))).toEqual([false, true, true, false, false]);
  });

  it('shows the latest receipt per copy and folds the earlier rounds', () => {
    const r = (id: string, copyId: string | null, at: string, verdict: ReceiptView['verdict']): ReceiptView => ({
      id, copyId, instanceId: 'i', verdict, reason: '', httpStatus: null, servedSha256: null, checks: [], checkedAt: at, byLabel: 'system',
    });
    const { latest, history } = splitReceipts([r('1', 'x', '2026-01-01T00:00:00Z', 'still_served'), r('2', 'x', '2026-01-01T00:01:00Z', 'removed'), r('3', null, '2026-01-01T00:00:00Z', 'cannot_verify')]);
    expect(latest.map((x) => x.id)).toEqual(['2', '3']);
    expect(history.map((x) => x.id)).toEqual(['1']);
  });

  it('sums up a run and notices every new receipt', () => {
    expect(totalsText({ copies: 6, removed: 4, stillServed: 1, cannotVerify: 1, accepted: 0, pending: 0 })).toBe('6 copies: 4 removed, 1 still served, 1 cannot verify, 0 accepted');
    expect(totalsText({ copies: 1, removed: 0, stillServed: 0, cannotVerify: 0, accepted: 0, pending: 1 })).toBe('1 copy: 0 removed, 0 still served, 0 cannot verify, 0 accepted, 1 waiting for a check');
    expect(runSignature(null)).toBe('none');
  });
});

describe('purge and evidence events in the timeline', () => {
  const names = new Map([['i-1', 'Beta Town']]);
  const say = (action: string, details: Record<string, unknown>) => describeCaseEvent({ action, details }, names);
  it('tells each new event in a sentence and survives missing details', () => {
    expect(say('case.purge_started', { runId: 'r', instances: [{}, {}, {}] })).toBe('Purge started on 3 instances');
    expect(say('case.purge_steps_approved', { steps: 2 })).toBe('Admin approved 2 steps');
    expect(say('case.purge_steps_cancelled', {})).toBe('Waiting purge steps cancelled');
    expect(say('case.receipt', { instanceId: 'i-1', verdict: 'removed', httpStatus: 404 })).toBe('Receipt from Beta Town: removed (HTTP 404)');
    expect(say('case.receipt', { verdict: 'cannot_verify', httpStatus: null })).toBe('Receipt from an instance: cannot verify');
    expect(say('case.copy_accepted', { reason: 'Held by a partner NGO' })).toBe('Copy accepted as is: Held by a partner NGO');
    expect(say('case.recheck_requested', { instanceId: 'i-1' })).toBe('Asked Beta Town to be checked again');
    expect(say('case.purge_finished', { removed: 5, stillServed: 0, cannotVerify: 1, accepted: 0 })).toBe('Purge finished: 5 removed, 0 still served, 1 cannot verify, 0 accepted');
    expect(say('account.delete.requested', { instanceId: 'i-1' })).toBe("Delete the account's data on Beta Town: queued");
    expect(say('status.delete.failed', {})).toBe('Delete the post on an instance: failed');
    expect(say('evidence.sealed', { version: 2, items: 7, reason: 'before purge' })).toBe('Evidence sealed (version 2, 7 items): before purge');
    expect(say('evidence.exported', { reason: 'LE request 42' })).toBe('Evidence exported: LE request 42');
    expect(say('evidence.viewed', {})).toBe('Evidence item opened');
    expect(say('evidence.retention_extended', { to: '2028-01-01T00:00:00.000Z' })).toBe('Evidence retention extended to 2028-01-01');
    expect(say('evidence.hold_set', { reason: 'court order' })).toBe('Legal hold placed: court order');
    expect(say('evidence.hold_lifted', {})).toBe('Legal hold lifted');
    expect(say('evidence.destroyed', { items: 3 })).toBe('Evidence destroyed after retention (3 items; hashes kept)');
    expect(say('something.else', {})).toBe('something.else');
  });
});
