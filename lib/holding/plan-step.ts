/**
 * Which step a hold takes on one server kind (pure). The ladder goes from the rule's level upward, mildest first,
 * and only offers steps the kind can undo: a hold is a pause for a human, never a verdict. A permanent deletion,
 * or a suspension the server cannot lift (GoToSocial), is never a hold step.
 */
import { capabilitiesFor } from '@/lib/connectors/capabilities-for';
import type { AccountActionType, AccountUndoType, Capabilities } from '@/lib/connectors/types';
import { HOLD_LEVELS, type HoldLevel, type HoldStep, type PlanInput, type PlannedStep } from './types';

const KIND_NAMES: Record<string, string> = {
  mastodon: 'Mastodon', gotosocial: 'GoToSocial', akkoma: 'Akkoma', misskey: 'Misskey', lemmy: 'Lemmy', peertube: 'PeerTube',
};

type Candidate = (caps: Capabilities, input: PlanInput) => HoldStep | null;

function accountStep(level: HoldLevel, type: AccountActionType, undo: AccountUndoType, label: string): Candidate {
  return (caps) => {
    if (!caps.actions.includes('account.action') || !caps.actions.includes('account.undo')) return null;
    if (caps.accountActionTypes && !caps.accountActionTypes.includes(type)) return null;
    if (caps.accountUndoTypes && !caps.accountUndoTypes.includes(undo)) return null;
    // No e-mail to the account: a hold is provisional, and a human may undo it within the hour.
    return { level, label, subject: 'account', action: { kind: 'account.action', type, notify: false, withReport: false }, undo: { kind: 'account.undo', type: undo } };
  };
}

function postPatternOk(caps: Capabilities, kind: string, remoteId: string): boolean {
  const pattern = caps.statusIdPattern?.[kind as keyof NonNullable<Capabilities['statusIdPattern']>];
  return !pattern || new RegExp(pattern).test(remoteId);
}

const postSensitive: Candidate = (caps, { status }) => {
  if (!status || !caps.actions.includes('status.sensitive') || !postPatternOk(caps, 'status.sensitive', status.remoteId)) return null;
  return {
    level: 'sensitive', label: 'Marked the post sensitive', subject: 'status',
    action: { kind: 'status.sensitive', statusId: status.id, sensitive: true }, undo: { kind: 'status.sensitive', statusId: status.id, sensitive: false },
  };
};

const postBlock: Candidate = (caps, { status }) => {
  if (!status || !caps.actions.includes('status.block') || !postPatternOk(caps, 'status.block', status.remoteId)) return null;
  return {
    level: 'hide', label: 'Blocked the post pending review', subject: 'status',
    action: { kind: 'status.block', statusId: status.id, blocked: true }, undo: { kind: 'status.block', statusId: status.id, blocked: false },
  };
};

// A reversible removal (status.delete where statusDeleteReversible) would fit here, but no connector offers an
// action that restores a removed post, so it is never planned: a hold must be undoable from this dashboard.

const postPrivate: Candidate = (caps, { status }) => {
  if (!status || !caps.actions.includes('status.visibility') || !postPatternOk(caps, 'status.visibility', status.remoteId)) return null;
  // Only a post that is more visible than followers-only can be narrowed, and the undo restores what it was.
  const was = status.visibility;
  if (was !== 'public' && was !== 'unlisted') return null;
  return {
    level: 'hide', label: 'Made the post followers-only pending review', subject: 'status',
    action: { kind: 'status.visibility', statusId: status.id, visibility: 'private' }, undo: { kind: 'status.visibility', statusId: status.id, visibility: was },
  };
};

const LADDER: Record<HoldLevel, Candidate[]> = {
  sensitive: [postSensitive, accountStep('sensitive', 'sensitive', 'unsensitive', "Marked the account's media sensitive")],
  hide: [postBlock, postPrivate, accountStep('hide', 'silence', 'unsilence', 'Limited the account pending review')],
  suspend: [accountStep('suspend', 'suspend', 'unsuspend', 'Suspended the account pending review')],
};

export function planHoldStep(input: PlanInput): PlannedStep {
  const caps = capabilitiesFor(input.kind);
  const start = HOLD_LEVELS.indexOf(input.level);
  const top = input.allowSuspend || input.level === 'suspend' ? HOLD_LEVELS.length - 1 : HOLD_LEVELS.indexOf('hide');
  for (let i = start; i <= top; i++) {
    for (const candidate of LADDER[HOLD_LEVELS[i]]) {
      const step = candidate(caps, input);
      if (step) return { step };
    }
  }
  return { step: null, reason: noStepReason(input, caps) };
}

function noStepReason(input: PlanInput, caps: Capabilities): string {
  const name = KIND_NAMES[input.kind] ?? input.kind;
  const suspendable = caps.actions.includes('account.action') && (!caps.accountActionTypes || caps.accountActionTypes.includes('suspend'));
  const undoable = !caps.accountUndoTypes || caps.accountUndoTypes.includes('unsuspend');
  const reaches = input.allowSuspend || input.level === 'suspend';
  if (suspendable && !undoable) return `${name} cannot undo a suspension and offers no milder step: pinned for review, nothing hidden`;
  if (!suspendable && reaches) return `${name} has no suspension and no other reversible step at this level: pinned for review, nothing hidden`;
  if (suspendable && !reaches) return `${name} offers no reversible step milder than a suspension, and this rule may not suspend: pinned for review, nothing hidden`;
  return `${name} offers no reversible step for this item: pinned for review, nothing hidden`;
}
