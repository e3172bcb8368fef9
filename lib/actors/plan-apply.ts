/**
 * Pure: which instances one "apply everywhere" reaches, and why each other one is skipped, in words a moderator
 * reads in the list before confirming. The verb writes exactly what this plan says.
 */
import type { Capabilities } from '@/lib/connectors/types';
import type { AccountFlags } from './account-state';
import type { ApplyAction } from './apply-input';
import type { DomainBlock } from './domain-blocks';
import { kindName } from './kind-names';

export interface PlanTarget {
  instance: { id: string; name: string; kind: string; domain: string; status: string };
  caps: Capabilities;
  canRequest: boolean;
  /** Account subjects: our row of the account there (null: never seen there). */
  account?: (AccountFlags & { remoteId: string }) | null;
  /** The latest confirmed block of the domain concerned there. */
  block: DomainBlock | null;
  /** Domain subjects: the domain itself. */
  domain?: string;
}

export type PlanRow =
  | { instanceId: string; name: string; outcome: 'queued'; remoteAccountId?: string }
  | { instanceId: string; name: string; outcome: 'skipped'; reason: string };

const VERB = { suspend: 'suspend accounts', silence: 'limit accounts' } as const;

function skip(t: PlanTarget, reason: string): PlanRow {
  return { instanceId: t.instance.id, name: t.instance.name, outcome: 'skipped', reason };
}

export function planOne(action: ApplyAction, t: PlanTarget): PlanRow {
  const kind = kindName(t.instance.kind);
  if (t.instance.status === 'disabled') return skip(t, 'this instance is switched off here');
  if (!t.canRequest) return skip(t, 'you cannot act on this instance');
  if (!t.caps.actions.includes(action.kind)) {
    return skip(t, action.kind === 'domain.block' ? `${kind} cannot block domains from here` : `${kind} cannot act on accounts from here`);
  }
  if (action.kind === 'account.action') {
    if (t.caps.accountActionTypes && !t.caps.accountActionTypes.includes(action.type)) return skip(t, `${kind} cannot ${VERB[action.type]}`);
    if (!t.account) return skip(t, 'this account was never seen on this instance');
    if (t.account.suspended) return skip(t, 'already suspended');
    if (t.block?.severity === 'suspend') return skip(t, "its domain is already blocked there");
    if (action.type === 'silence' && t.account.silenced) return skip(t, 'already limited');
    return { instanceId: t.instance.id, name: t.instance.name, outcome: 'queued', remoteAccountId: t.account.remoteId };
  }
  if (t.domain && t.instance.domain.toLowerCase() === t.domain) return skip(t, "this is the instance's own domain");
  if (action.severity === 'silence' && t.caps.domainBlockOptions && !t.caps.domainBlockOptions.includes('severity')) {
    return skip(t, `${kind} cannot limit a domain, only block it fully`);
  }
  if (t.block && (t.block.severity === 'suspend' || action.severity === 'silence')) {
    return skip(t, t.block.severity === 'suspend' ? 'already blocked' : 'already limited');
  }
  return { instanceId: t.instance.id, name: t.instance.name, outcome: 'queued' };
}

export function planApply(action: ApplyAction, targets: PlanTarget[]): PlanRow[] {
  return targets.map((t) => planOne(action, t));
}
