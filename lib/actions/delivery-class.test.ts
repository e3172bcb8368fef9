import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionKind, ConnectorAction, RemoteAccount, RemoteReport } from '@/lib/connectors/types';
import { actionInput } from './action-input';
import { appliedInReport, DELIVERY_CLASS, reportToCheck } from './delivery-class';
import { mayHaveApplied } from './may-have-applied';
import { AppError } from '@/lib/errors';

const target = (flags: Partial<RemoteAccount> = {}): RemoteAccount => ({
  remoteId: 'a1', username: 'u', acct: 'u@x.example', displayName: 'U', url: null, avatarUrl: null, domain: 'x.example', ...flags,
});
const report = (over: Partial<RemoteReport> = {}): RemoteReport => ({
  remoteId: 'r1', category: 'spam', comment: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: null, resolved: false, resolvedAt: null,
  forwarded: false, reporter: null, target: target(), assignee: null, statuses: [], rules: [], ...over,
});

describe('the delivery classification', () => {
  it('classifies every action a moderator can ask for', () => {
    const kinds = actionInput.options.map((o) => o.shape.kind.value) as ActionKind[];
    for (const k of kinds) expect(DELIVERY_CLASS[k], k).toMatch(/^(idempotent|checkable|unverifiable)$/);
    // report.create and domain.blocks_reconcile are not a moderator's buttons: lib/forwarding and lib/blocklists queue
    // them (and they are classified all the same).
    expect(Object.keys(DELIVERY_CLASS).sort()).toEqual([...kinds, 'report.create', 'domain.blocks_reconcile'].sort());
  });

  it('never confirms an unverifiable or idempotent kind from a report, whatever the report says', () => {
    const kinds = (Object.keys(DELIVERY_CLASS) as ActionKind[]).filter((k) => DELIVERY_CLASS[k] !== 'checkable');
    fc.assert(fc.property(fc.constantFrom(...kinds), fc.boolean(), fc.boolean(), (kind, resolved, suspended) => {
      const a = { kind, reportId: 'r1', statusId: 's1', domain: 'x.example', accountId: 'a1', mediaId: 'm1' } as unknown as ConnectorAction;
      expect(appliedInReport(a, report({ resolved, target: target({ suspended }) }))).toBe('unknown');
    }));
  });

  it('reads resolution, flags and notes for the checkable kinds', () => {
    expect(appliedInReport({ kind: 'report.resolve', reportId: 'r1' }, report({ resolved: true }))).toBe('applied');
    expect(appliedInReport({ kind: 'report.reject', reportId: 'r1' }, report())).toBe('not_applied');
    expect(appliedInReport({ kind: 'report.reopen', reportId: 'r1' }, report({ resolved: true }))).toBe('not_applied');
    const suspend = { kind: 'account.action', accountId: 'a1', type: 'suspend', notify: false, reportId: 'r1' } as const;
    expect(appliedInReport(suspend, report({ target: target({ suspended: true }) }))).toBe('applied');
    expect(appliedInReport(suspend, report({ target: target({ suspended: false }) }))).toBe('not_applied');
    // A payload that does not say (contract I1) cannot confirm or deny: a human decides.
    expect(appliedInReport(suspend, report())).toBe('unknown');
    expect(appliedInReport({ ...suspend, type: 'none' }, report({ target: target({ suspended: true }) }))).toBe('unknown');
    const unsilence = { kind: 'account.undo', accountId: 'a1', type: 'unsilence' } as const;
    expect(appliedInReport(unsilence, report({ target: target({ silenced: false }) }))).toBe('applied');
    expect(appliedInReport(unsilence, report({ target: target({ silenced: true }) }))).toBe('not_applied');
    const note = { kind: 'report.note', reportId: 'r1', text: 'checked the posts' } as const;
    expect(appliedInReport(note, report())).toBe('unknown');
    expect(appliedInReport(note, report({ notes: [{ remoteId: null, author: null, text: 'older\nchecked the posts', createdAt: null }] }))).toBe('applied');
    expect(appliedInReport(note, report({ notes: [] }))).toBe('not_applied');
  });

  it('checks an account undo against the report it came from', () => {
    expect(reportToCheck({ kind: 'account.undo', accountId: 'a1', type: 'unsuspend' }, 'r9')).toBe('r9');
    expect(reportToCheck({ kind: 'report.resolve', reportId: 'r1' }, 'r9')).toBe('r1');
  });
});

describe('whether a failed send may have reached the server', () => {
  it('a refusal did not; a 5xx, a timeout or an unknown error may have', () => {
    expect(mayHaveApplied(new AppError('remote_error', 'x', { details: { status: 422 } }))).toBe(false);
    expect(mayHaveApplied(new AppError('rate_limited', 'x'))).toBe(false);
    expect(mayHaveApplied(new AppError('unsupported', 'x'))).toBe(false);
    expect(mayHaveApplied(new AppError('remote_error', 'x', { details: { status: 502 } }))).toBe(true);
    expect(mayHaveApplied(new AppError('remote_unreachable', 'timeout'))).toBe(true);
    expect(mayHaveApplied(new AppError('remote_unreachable', 'refused', { cause: Object.assign(new Error('c'), { code: 'ECONNREFUSED' }) }))).toBe(false);
    expect(mayHaveApplied(new AppError('remote_error', 'x', { details: { status: 500, maybeApplied: false } }))).toBe(false);
    expect(mayHaveApplied(new Error('boom'))).toBe(true);
  });
});
