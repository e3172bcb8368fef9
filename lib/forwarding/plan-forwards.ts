/**
 * Pure: the ways to reach a case's origin moderators, best first (contract "Forwarding"):
 * 1 origin_report: the origin is a connected instance that can open reports: report there, about its own account.
 * 2 instance_forward (report.forward): an instance that can forward holds an open, unforwarded report linked to the
 *   case whose target is from the origin: that server forwards its own report.
 * 3 instance_forward (report.create forward:true): an instance that forwards what it opens holds a copy posted by
 *   an account from the origin: it opens a report about it and sends it on.
 * 4 message: a ready-to-send text for the origin's admins, always possible when the origin's domain is known.
 * An instance qualifying for 2 is not offered again as 3, so a key (`method:instanceId`) names one option.
 * Options on an instance the actor cannot act on are kept, with `unavailable` saying why.
 */
import type { Capabilities } from '@/lib/connectors/types';
import { kindName } from '@/lib/cases/lookup-outcome';
import { hostOfAcct } from '@/lib/purge/build-step';
import type { ForwardOption } from './types';

export interface PlanInstance { id: string; name: string; kind: string; domain: string; canAct: boolean; caps: Capabilities | undefined }
export interface PlanCopy { instanceId: string; remoteAccountId: string | null; remotePostId: string | null; accountAcct: string | null }
export interface PlanReport { id: string; instanceId: string; remoteId: string; open: boolean; forwarded: boolean; targetDomain: string | null }
export interface PlanInput { originDomain: string | null; instances: PlanInstance[]; copies: PlanCopy[]; reports: PlanReport[] }

/** What the outbox sends for an option (the report.create comment is written when forwarding). */
export type PlannedSend =
  | { kind: 'report.forward'; reportId: string; localReportId: string }
  | { kind: 'report.create'; accountId: string; statusIds: string[]; forward: boolean };

export interface PlannedForward extends ForwardOption { send: PlannedSend | null }

export function planForwards(input: PlanInput): PlannedForward[] {
  const origin = input.originDomain?.toLowerCase() ?? null;
  if (!origin) return [];
  const byName = [...input.instances].sort((a, b) => a.name.localeCompare(b.name));
  const out: PlannedForward[] = [];
  for (const inst of byName) {
    if (inst.domain.toLowerCase() !== origin || !inst.caps?.reportCreate) continue;
    const target = accountCopies(input.copies.filter((c) => c.instanceId === inst.id), inst.caps.reportCreate.needsPost);
    if (target) out.push(option('origin_report', inst, 'report.create', `Open a report on ${name(inst)}, the origin server itself, about ${target.acct}`, { kind: 'report.create', accountId: target.accountId, statusIds: target.statusIds, forward: false }));
  }
  const forwarding = new Set<string>();
  for (const inst of byName) {
    if (inst.domain.toLowerCase() === origin || !inst.caps?.actions.includes('report.forward')) continue;
    const report = input.reports.find((r) => r.instanceId === inst.id && r.open && !r.forwarded && r.targetDomain?.toLowerCase() === origin);
    if (!report) continue;
    forwarding.add(inst.id);
    out.push(option('instance_forward', inst, 'report.forward', `${name(inst)} forwards its open report to ${origin} as a Flag`, { kind: 'report.forward', reportId: report.remoteId, localReportId: report.id }));
  }
  for (const inst of byName) {
    if (inst.domain.toLowerCase() === origin || forwarding.has(inst.id) || !inst.caps?.reportCreate?.forwards) continue;
    const fromOrigin = input.copies.filter((c) => c.instanceId === inst.id && hostOfAcct(c.accountAcct) === origin);
    const target = accountCopies(fromOrigin, inst.caps.reportCreate.needsPost);
    if (target) out.push(option('instance_forward', inst, 'report.create', `${name(inst)} opens a report about ${target.acct} and forwards it to ${origin} as a Flag`, { kind: 'report.create', accountId: target.accountId, statusIds: target.statusIds, forward: true }));
  }
  out.push({
    key: 'message:none', method: 'message', instance: null, actionKind: null, send: null, unavailable: null,
    label: `Prepare a message for the moderators of ${origin}, to send yourself`,
  });
  return out;
}

/** The first copy's account (by the instance's id for it) and every post of that account among the copies. */
function accountCopies(copies: PlanCopy[], needsPost: boolean): { accountId: string; acct: string; statusIds: string[] } | null {
  const first = copies.find((c) => c.remoteAccountId && (!needsPost || c.remotePostId));
  if (!first?.remoteAccountId) return null;
  const same = copies.filter((c) => c.remoteAccountId === first.remoteAccountId);
  const statusIds = [...new Set(same.flatMap((c) => (c.remotePostId ? [c.remotePostId] : [])))];
  return { accountId: first.remoteAccountId, acct: first.accountAcct ?? 'the posting account', statusIds };
}

/** The instance as the team named it (two Mastodons on one host would read alike by kind and domain). */
function name(inst: PlanInstance): string {
  const kind = kindName(inst.kind);
  return inst.name.toLowerCase().includes(kind.toLowerCase()) ? inst.name : `${inst.name} (${kind})`;
}

function option(method: 'origin_report' | 'instance_forward', inst: PlanInstance, actionKind: 'report.forward' | 'report.create', label: string, send: PlannedSend): PlannedForward {
  return {
    key: `${method}:${inst.id}`, method, actionKind, label, send,
    instance: { id: inst.id, name: inst.name, kind: inst.kind },
    unavailable: inst.canAct ? null : `You cannot act on ${inst.name}: ask a moderator of that instance.`,
  };
}
