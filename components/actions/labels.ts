/**
 * The one set of names for actions, shared by the panel's controls and its history, so what a moderator clicked
 * and what the history says happened read the same.
 */
import type { AccountActionType, AccountUndoType, ActionKind } from '@/lib/connectors/types';

export const ACCOUNT_ACTION_LABELS: Record<AccountActionType, string> = {
  none: 'Warn',
  sensitive: 'Mark media sensitive',
  disable: 'Disable login',
  silence: 'Limit (silence)',
  suspend: 'Suspend',
};

export const ACCOUNT_UNDO_LABELS: Record<AccountUndoType, string> = {
  unsuspend: 'Unsuspend',
  unsilence: 'Unlimit',
  unsensitive: 'Undo sensitive',
  enable: 'Re-enable login',
};

/** A Record over ActionKind: adding a kind without a name here fails to compile. */
const KIND_LABELS: Record<ActionKind, string> = {
  'report.assign_to_self': 'Assign to me',
  'report.unassign': 'Unassign',
  'report.resolve': 'Resolve report',
  'report.reject': 'Reject report',
  'report.reopen': 'Reopen report',
  'report.set_category': 'Change category',
  'report.note': 'Add note on the server',
  'report.forward': 'Forward report to the origin server',
  'report.create': 'Open a report on the server',
  'account.action': 'Account action',
  'account.undo': 'Undo account action',
  'account.delete': 'Delete account permanently',
  'domain.block': 'Block domain',
  'status.delete': 'Delete post',
  'status.purge': 'Purge post',
  'status.block': 'Block post',
  'status.sensitive': 'Mark post sensitive',
  'status.visibility': 'Set post visibility',
  'media.delete': 'Delete file on server',
  'media.purge': 'Purge cached media',
  'domain.blocks_reconcile': 'Apply blocklist changes',
};

export const ACTION_KINDS = Object.keys(KIND_LABELS) as ActionKind[];

export function kindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

/** Where the server removes rather than deletes (Lemmy), the button and the history both say "Remove post". */
export function describeAction(kind: string, payload: Record<string, unknown>, opts: { statusDeleteReversible?: boolean } = {}): string {
  switch (kind) {
    case 'report.set_category': return `Change category to ${String(payload.category ?? '')}`;
    case 'account.action': {
      const t = String(payload.type ?? '');
      return `${ACCOUNT_ACTION_LABELS[t as AccountActionType] ?? t} account`;
    }
    case 'account.undo': {
      const t = String(payload.type ?? '');
      return `${ACCOUNT_UNDO_LABELS[t as AccountUndoType] ?? t} account`;
    }
    case 'status.delete': return opts.statusDeleteReversible ? 'Remove post' : 'Delete post';
    case 'status.sensitive': return payload.sensitive === false ? 'Unmark post sensitive' : 'Mark post sensitive';
    case 'status.block': return payload.blocked === false ? 'Unblock post' : 'Block post';
    case 'status.visibility': return `Set post visibility to ${String(payload.visibility ?? '')}`;
    case 'domain.block': return `Block domain ${String(payload.domain ?? '')} (${String(payload.severity ?? '')})`;
    default: return kindLabel(kind);
  }
}
