/** planForwards (pure): which ways to reach the origin a case has, in order, and why one cannot be used. */
import { describe, expect, it } from 'vitest';
import { capabilitiesFor } from '@/lib/connectors/registry';
import type { Capabilities, ServerKind } from '@/lib/connectors/types';
import { planForwards, type PlanCopy, type PlanInstance, type PlanReport } from '@/lib/forwarding/plan-forwards';

const ORIGIN = 'spreader.test';
const inst = (id: string, kind: ServerKind, domain: string, o: Partial<PlanInstance> = {}): PlanInstance => ({ id, name: `${id}-name`, kind, domain, canAct: true, caps: capabilitiesFor(kind), ...o });
const copy = (instanceId: string, o: Partial<PlanCopy> = {}): PlanCopy => ({ instanceId, remoteAccountId: '7', remotePostId: '70', accountAcct: `spreader@${ORIGIN}`, ...o });
const report = (instanceId: string, o: Partial<PlanReport> = {}): PlanReport => ({ id: `r-${instanceId}`, instanceId, remoteId: '5', open: true, forwarded: false, targetDomain: ORIGIN, ...o });
/** A kind that can forward its reports (as Misskey can): report.forward among its actions. */
const forwarder = (base: ServerKind): Capabilities => ({ ...capabilitiesFor(base), actions: [...capabilitiesFor(base).actions, 'report.forward'] });

describe('planForwards', () => {
  it('offers nothing without an origin domain', () => {
    expect(planForwards({ originDomain: null, instances: [inst('m', 'mastodon', 'm.test')], copies: [copy('m')], reports: [] })).toEqual([]);
  });

  it('always ends with the message option', () => {
    const plan = planForwards({ originDomain: ORIGIN, instances: [], copies: [], reports: [] });
    expect(plan).toEqual([expect.objectContaining({ key: 'message:none', method: 'message', instance: null, actionKind: null, unavailable: null })]);
    expect(plan[0].label).toContain(ORIGIN);
  });

  it('orders origin_report, report.forward, report.create forward, then message', () => {
    const plan = planForwards({
      originDomain: ORIGIN,
      instances: [inst('g', 'gotosocial', 'g.test'), inst('o', 'mastodon', ORIGIN), inst('k', 'mastodon', 'k.test', { caps: forwarder('mastodon') })],
      copies: [copy('g', { remoteAccountId: 'G1', remotePostId: 'GP' }), copy('o', { accountAcct: 'spreader', remoteAccountId: 'O1', remotePostId: 'OP' }), copy('k')],
      reports: [report('k')],
    });
    expect(plan.map((o) => [o.key, o.actionKind])).toEqual([
      ['origin_report:o', 'report.create'], ['instance_forward:k', 'report.forward'], ['instance_forward:g', 'report.create'], ['message:none', null],
    ]);
    expect(plan[0].send).toEqual({ kind: 'report.create', accountId: 'O1', statusIds: ['OP'], forward: false });
    expect(plan[1].send).toEqual({ kind: 'report.forward', reportId: '5', localReportId: 'r-k' });
    expect(plan[2].send).toEqual({ kind: 'report.create', accountId: 'G1', statusIds: ['GP'], forward: true });
    expect(plan[2].label).toBe(`g-name (GoToSocial) opens a report about spreader@${ORIGIN} and forwards it to ${ORIGIN} as a Flag`);
  });

  it('report.create collects every post of the first account on that instance, once', () => {
    const plan = planForwards({ originDomain: ORIGIN, instances: [inst('m', 'mastodon', 'm.test')], copies: [copy('m'), copy('m', { remotePostId: '71' }), copy('m', { remotePostId: '70' }), copy('m', { remoteAccountId: '8', remotePostId: '80' })], reports: [] });
    expect(plan[0].send).toEqual({ kind: 'report.create', accountId: '7', statusIds: ['70', '71'], forward: true });
  });

  it('skips copies posted by an account of another server, or without the account id', () => {
    const plan = planForwards({ originDomain: ORIGIN, instances: [inst('m', 'mastodon', 'm.test')], copies: [copy('m', { accountAcct: 'someone@else.test' }), copy('m', { remoteAccountId: null })], reports: [] });
    expect(plan.map((o) => o.key)).toEqual(['message:none']);
  });

  it('needsPost kinds need a post id; kinds without reportCreate are never offered report.create', () => {
    const needsPost: Capabilities = { ...capabilitiesFor('mastodon'), reportCreate: { forwards: true, needsPost: true, note: '' } };
    const noCreate: Capabilities = { ...capabilitiesFor('mastodon'), reportCreate: undefined };
    const plan = planForwards({ originDomain: ORIGIN, instances: [inst('p', 'mastodon', 'p.test', { caps: needsPost }), inst('n', 'mastodon', 'n.test', { caps: noCreate })], copies: [copy('p', { remotePostId: null }), copy('n')], reports: [] });
    expect(plan.map((o) => o.key)).toEqual(['message:none']);
  });

  it('a report already forwarded, resolved, or about another server is not forwarded again', () => {
    const caps = forwarder('gotosocial');
    const noCreate: Capabilities = { ...caps, reportCreate: undefined };
    for (const r of [report('k', { forwarded: true }), report('k', { open: false }), report('k', { targetDomain: 'else.test' })]) {
      const plan = planForwards({ originDomain: ORIGIN, instances: [inst('k', 'gotosocial', 'k.test', { caps: noCreate })], copies: [], reports: [r] });
      expect(plan.map((o) => o.key)).toEqual(['message:none']);
    }
  });

  it('an instance that forwards its report is not offered a second time as report.create (one key, one option)', () => {
    const plan = planForwards({ originDomain: ORIGIN, instances: [inst('k', 'mastodon', 'k.test', { caps: forwarder('mastodon') })], copies: [copy('k')], reports: [report('k')] });
    expect(plan.map((o) => o.key)).toEqual(['instance_forward:k', 'message:none']);
  });

  it('the origin itself is offered origin_report, never instance_forward', () => {
    const plan = planForwards({ originDomain: ORIGIN.toUpperCase(), instances: [inst('o', 'akkoma', ORIGIN)], copies: [copy('o', { accountAcct: 'spreader' })], reports: [] });
    expect(plan.map((o) => o.key)).toEqual(['origin_report:o', 'message:none']);
  });

  it('each instance option the actor cannot act on is unavailable, with the reason; the message never is', () => {
    const plan = planForwards({
      originDomain: ORIGIN,
      instances: [inst('o', 'mastodon', ORIGIN, { canAct: false }), inst('k', 'mastodon', 'k.test', { canAct: false, caps: forwarder('mastodon') }), inst('g', 'gotosocial', 'g.test', { canAct: false })],
      copies: [copy('o', { accountAcct: 'spreader' }), copy('g')], reports: [report('k')],
    });
    expect(plan).toHaveLength(4);
    for (const o of plan.slice(0, 3)) expect(o.unavailable).toMatch(/^You cannot act on .+-name/);
    expect(plan[3].unavailable).toBeNull();
  });
});
