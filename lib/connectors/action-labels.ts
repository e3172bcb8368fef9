/** Moderator-facing names of the action kinds, shared by the capability matrix and the action panel (client-safe). */
import type { ActionKind } from './types';

export const ACTION_LABELS: { kind: ActionKind; label: string }[] = [
  { kind: 'report.assign_to_self', label: 'Assign to me' },
  { kind: 'report.unassign', label: 'Unassign' },
  { kind: 'report.resolve', label: 'Resolve' },
  { kind: 'report.reject', label: 'Reject (no violation)' },
  { kind: 'report.reopen', label: 'Reopen' },
  { kind: 'report.note', label: 'Add a note on the server' },
  { kind: 'report.set_category', label: 'Change category' },
  { kind: 'report.forward', label: 'Forward to origin' },
  { kind: 'report.create', label: 'Open a report' },
  { kind: 'account.action', label: 'Account actions' },
  { kind: 'account.undo', label: 'Undo account actions' },
  { kind: 'account.delete', label: 'Delete account permanently' },
  { kind: 'domain.block', label: 'Domain block' },
  { kind: 'domain.blocks_reconcile', label: 'Apply blocklists' },
  { kind: 'status.delete', label: 'Delete post' },
  { kind: 'status.purge', label: 'Purge post' },
  { kind: 'status.block', label: 'Block post (reversible)' },
  { kind: 'status.sensitive', label: 'Mark post sensitive' },
  { kind: 'status.visibility', label: 'Change post visibility' },
  { kind: 'media.delete', label: 'Delete media file' },
  { kind: 'media.purge', label: 'Purge cached media' },
];

export function actionLabel(kind: string): string {
  return ACTION_LABELS.find((a) => a.kind === kind)?.label ?? kind;
}
