/**
 * Which actions cannot be taken back, and which ones this server lets us undo. One pure module so the panel's
 * buttons, their confirmations and the history all agree: a moderator must see the difference before clicking.
 */
import type { AccountActionType, AccountUndoType, ActionKind, Capabilities } from '@/lib/connectors/types';

export type PermanenceCaps = Pick<Capabilities, 'actions' | 'accountUndoTypes' | 'statusDeleteReversible'>;

export interface Permanence {
  /** Nothing here can restore it: the danger style, a "Permanent" marker and a confirmation. */
  permanent: boolean;
  /** This server offers the way back through Fedimod (show "Can be undone"). */
  undoable: boolean;
  /** How it is undone, or why it cannot be: one short sentence for the title and the confirmation. */
  why: string;
}

const ACCOUNT_UNDO: Record<AccountActionType, AccountUndoType | null> = {
  none: null,
  sensitive: 'unsensitive',
  disable: 'enable',
  silence: 'unsilence',
  suspend: 'unsuspend',
};

const UNDO_WORD: Record<AccountUndoType, string> = { unsensitive: 'Undo sensitive', enable: 'Re-enable login', unsilence: 'Unlimit', unsuspend: 'Unsuspend' };

const permanent = (why: string): Permanence => ({ permanent: true, undoable: false, why });
const reversible = (undoable: boolean, yes: string, no: string): Permanence => ({ permanent: false, undoable, why: undoable ? yes : no });

/** `action` is the kind plus the payload fields that change the answer (type, severity, sensitive, blocked). */
export function permanenceOf(action: { kind: string } & Record<string, unknown>, caps: PermanenceCaps): Permanence {
  const has = (k: ActionKind) => caps.actions.includes(k);
  switch (action.kind) {
    case 'account.delete': return permanent('The account and its content are deleted for good.');
    case 'status.purge': return permanent('The post and its files are purged for good.');
    case 'media.delete': return permanent('The file is deleted on the server for good (our evidence copy is kept).');
    case 'media.purge': return permanent('Cached files are removed from the server; they are not restored.');
    case 'report.forward': return permanent('Once sent, the other server keeps the report.');
    case 'status.delete':
      return caps.statusDeleteReversible
        ? reversible(false, '', 'A removal the server\'s own admin can restore.')
        : permanent('The post is deleted on the server for good.');
    case 'domain.block':
      // A suspension severs every follow between the servers; lifting the block does not bring them back.
      return action.severity === 'suspend' || action.severity === undefined
        ? permanent('Suspending a domain cuts every follow with it; lifting the block later does not restore them.')
        : reversible(false, '', 'The block can be lifted in the server\'s own admin.');
    case 'account.action': {
      const type = String(action.type ?? '') as AccountActionType;
      const undo = ACCOUNT_UNDO[type] ?? null;
      if (!undo) return reversible(false, '', 'A warning is sent and stays sent.');
      const ok = has('account.undo') && (!caps.accountUndoTypes || caps.accountUndoTypes.includes(undo));
      return reversible(ok, `Can be undone with "${UNDO_WORD[undo]}".`, 'This server offers no undo through Fedimod.');
    }
    case 'report.resolve':
    case 'report.reject':
      return reversible(has('report.reopen'), 'Can be undone: the report can be reopened.', 'This server cannot reopen a report.');
    case 'report.reopen': return reversible(has('report.resolve'), 'Can be undone: resolve it again.', '');
    case 'report.assign_to_self': return reversible(has('report.unassign'), 'Can be undone: unassign.', 'This server cannot unassign.');
    case 'report.unassign': return reversible(has('report.assign_to_self'), 'Can be undone: assign again.', '');
    case 'report.set_category': return reversible(true, 'Can be undone: change the category back.', '');
    case 'status.sensitive':
      return reversible(has('status.sensitive'), action.sensitive === false ? 'Can be undone: mark it sensitive again.' : 'Can be undone: unmark it.', '');
    case 'status.block': return reversible(has('status.block'), action.blocked === false ? 'Can be undone: block it again.' : 'Can be undone: unblock it.', '');
    case 'status.visibility': return reversible(has('status.visibility'), 'Can be undone: set the visibility back.', '');
    case 'account.undo': return reversible(has('account.action'), 'Can be undone: apply the action again.', '');
    default: return reversible(false, '', '');
  }
}
